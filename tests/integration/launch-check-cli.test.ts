// @vitest-environment node
/**
 * `npm run launch:check` as a clinic's owner runs it: a child process that reads the project's files and its own
 * environment, prints the list and exits 1 while anything is missing, 0 once nothing is.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPLETE_LAUNCH_ENV, createCompleteLaunchProject } from "@/tests/support/launch-fixture";

const PROJECT = process.cwd();
const TSX = path.join(PROJECT, "node_modules", ".bin", "tsx");

/** The settings the check reads, left out of the test runner's own environment. */
const LAUNCH_SETTINGS = ["SITE_URL", "APPOINTMENTS_KEY", "APPOINTMENTS_KEYS", "SMTP_URL", "STAFF_NOTIFY_EMAIL", "MAIL_FROM", "DATABASE_URL"];

function launchCheck(cwd: string, settings: Record<string, string>) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !LAUNCH_SETTINGS.includes(name)));
  const result = spawnSync(TSX, ["--tsconfig", path.join(PROJECT, "tsconfig.json"), path.join(PROJECT, "scripts", "launch-check.ts")], {
    cwd,
    env: { ...env, ...settings } as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  return { code: result.status, output: result.stdout + result.stderr };
}

let completeProject: string;
beforeAll(() => {
  completeProject = createCompleteLaunchProject();
});
afterAll(() => fs.rmSync(completeProject, { recursive: true, force: true }));

describe("npm run launch:check", () => {
  it("on today's content and no settings: exits 1 and lists each missing fact with where to add it", () => {
    const { code, output } = launchCheck(PROJECT, {});
    expect(code).toBe(1);
    expect(output).toMatch(/^Not ready to launch: \d+ things are missing\.\n\n- /);
    expect(output).toContain("- Whether the clinic takes part in a Medicare-approved MILD study — `medicareStudy` in content/clinic.yaml, or /staff/clinic-facts");
    expect(output).toContain("- A physician's review of /evidence (content/evidence.mdx)");
    expect(output).toContain("- APPOINTMENTS_KEY, the key that encrypts patients' requests");
    expect(output).not.toContain("content check finds");
  }, 60_000);

  it("with a SITE_URL of localhost: exits 1 and names it", () => {
    const { code, output } = launchCheck(completeProject, { ...COMPLETE_LAUNCH_ENV, SITE_URL: "http://localhost:3000" });
    expect(code).toBe(1);
    expect(output.trim()).toBe(
      "Not ready to launch: 1 thing is missing.\n\n- SITE_URL names this computer (localhost), not the public address — SITE_URL in the server's settings, /etc/mocek-spine/env (docs/deploy.md)",
    );
  }, 60_000);

  it("on a complete project with the production settings: exits 0 with Ready to launch", () => {
    const { code, output } = launchCheck(completeProject, COMPLETE_LAUNCH_ENV);
    expect(output.trim()).toBe("Ready to launch: every fact and setting the site needs is in place.");
    expect(code).toBe(0);
  }, 60_000);

  it("fails on a page the content check refuses, and says to run it", () => {
    const faq = path.join(completeProject, "content", "faq.mdx");
    const original = fs.readFileSync(faq, "utf8");
    try {
      fs.writeFileSync(faq, original.replace(/^title: .*$/m, "title: \"\""));
      const { code, output } = launchCheck(completeProject, COMPLETE_LAUNCH_ENV);
      expect(code).toBe(1);
      expect(output).toMatch(/^- The content check finds \d+ errors?: the site cannot be built until they are fixed — run npm run content:check/m);
    } finally {
      fs.writeFileSync(faq, original);
    }
  }, 60_000);
});
