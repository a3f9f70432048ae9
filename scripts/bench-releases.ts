/**
 * `npm run bench:releases`: the release path's figures on this machine, with real builds and a client posting the
 * form and fetching pages throughout (scripts/lib/release-sandbox.ts). Prints, for 3 content commits and 3
 * rollbacks: time from commit to live, the switch window (the new release booting beside the old one; both
 * accepting until the old one has answered its last request and stopped), failed requests, and the disk the kept
 * releases use. Figures only; the pass/fail checks are `npm run test:releases`.
 */
import { execFileSync } from "node:child_process";
import { createReleaseSandbox, editFile } from "./lib/release-sandbox";

const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const sandbox = await createReleaseSandbox();
  try {
    const first = await sandbox.site("update");
    if (first.code !== 0) throw new Error(`the first release failed:\n${first.output}`);
    sandbox.startSupervisor();
    for (let tries = 0; (await sandbox.health().catch(() => undefined))?.release.commit !== sandbox.head(); tries += 1) {
      if (tries > 600) throw new Error(`the supervisor did not serve the first release:\n${sandbox.supervisorLog()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    /** Runs `work` under traffic; the switch's phases from the supervisor's lines that arrived meanwhile. */
    async function measure(work: () => Promise<{ code: number; output: string }>) {
      const fromLine = sandbox.supervisorLines().length;
      const traffic = sandbox.startTraffic();
      const started = performance.now();
      const result = await work();
      const took = performance.now() - started;
      if (result.code !== 0) throw new Error(result.output);
      // Until the old release has stopped, plus a moment of traffic on the new one alone.
      while (!sandbox.supervisorLines().slice(fromLine).some(({ line }) => line.includes("has finished its requests and stopped"))) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const { failures, requests } = await traffic.stop();
      const lines = sandbox.supervisorLines().slice(fromLine);
      const at = (text: string) => lines.find(({ line }) => line.includes(text))!.at;
      return {
        took,
        boot: at("is accepting requests") - at("starting "),
        overlap: at("has finished its requests and stopped") - at("is accepting requests"),
        failures: [...failures],
        requests,
      };
    }

    const updates = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      sandbox.commit(`Content change ${round}`, editFile("content/faq.mdx", (text) => `${text}\nA sentence added in round ${round}.\n`));
      updates.push(await measure(() => sandbox.site("update")));
    }
    // Back to the release before, then forward to the newest again (a rollback to a named one), and back again.
    const newest = sandbox.head();
    const rollbacks = [];
    for (let round = 1; round <= ROUNDS; round += 1) rollbacks.push(await measure(() => (round % 2 === 1 ? sandbox.site("rollback") : sandbox.site("rollback", newest))));

    const report = (name: string, rows: Awaited<ReturnType<typeof measure>>[]) => {
      console.log(`\n${name} (${rows.length} runs, median; each run: took / new release booting / both accepting / failed of requests)`);
      for (const row of rows) {
        console.log(`  ${seconds(row.took)} / ${seconds(row.boot)} / ${seconds(row.overlap)} / ${row.failures.length} of ${row.requests}`);
        for (const failure of row.failures) console.log(`    failed: ${failure}`);
      }
      console.log(`  median: ${seconds(median(rows.map((row) => row.took)))} to live, new release ready in ${seconds(median(rows.map((row) => row.boot)))}, ` +
        `old one finished ${seconds(median(rows.map((row) => row.overlap)))} after the switch, ${rows.reduce((sum, row) => sum + row.failures.length, 0)} failed requests in all`);
    };
    report("Commit to live (npm run site -- update: fetch, export, link node_modules, content check, build, check, switch)", updates);
    report("Rollback (npm run site -- rollback, no build)", rollbacks);
    const releases = `${sandbox.siteRoot}/releases`;
    console.log(`\nDisk used by the kept releases (hard-linked node_modules counted once): ${execFileSync("du", ["-sh", releases], { encoding: "utf8" }).split("\t")[0]}`);
    console.log(execFileSync("du", ["-sh", "--exclude=node_modules", "--exclude=cache", ...execFileSync("ls", [releases], { encoding: "utf8" }).trim().split("\n").map((name) => `${releases}/${name}`)], { encoding: "utf8" }).trim().replace(/^/gm, "  without node_modules and the build cache: "));
  } finally {
    await sandbox.cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
