/**
 * Starts a built project's server in the background and stops it again: shared by the scripts that measure the
 * site (the form load test, the Lighthouse bench and budgets). Our own build runs as deployed (the standalone
 * server, scripts/start.mjs); another project (the bench's plain Next.js reference) with `next start`.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export interface RunningServer {
  origin: string;
  stop: () => void;
}

export async function startNextServer({
  cwd = process.cwd(),
  port,
  env = {},
  output = "ignore",
}: {
  cwd?: string;
  port: number;
  env?: Record<string, string>;
  /** Where the server's output goes: a file descriptor (a log file, /dev/full), or nowhere. */
  output?: number | "ignore";
}): Promise<RunningServer> {
  const origin = `http://localhost:${port}`;
  const ours = fs.existsSync(path.join(cwd, "scripts", "start.mjs"));
  const [command, ...args] = ours ? ["node", "scripts/start.mjs"] : ["npx", "next", "start", "--port", String(port)];
  const server = spawn(command!, args, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), ...env },
    stdio: ["ignore", output, output],
    // Its own process group, so stopping it stops npx and the Next server under it.
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      if ((await fetch(origin)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`The server in ${cwd} did not answer on ${origin} within 30 s`);
}
