// @vitest-environment node
/**
 * `npm run build` is what every way to publish runs (the Dockerfile, docs/deploy.md, the release path, a host that
 * builds from git): it must stop on every error the content check finds, before Next builds anything, and print
 * the check's file:line lines. Run in a copy of the project's content with a banned phrase added to a page.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
let project: string;
let badLine: number;

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "build-content-check-"));
  // The project's code and tools as they are; only content/ is a copy, with the mistake in it. No app/: should
  // `next build` start at all, it stops at once, and without the check's words.
  for (const shared of ["node_modules", "lib", "scripts", "public"]) fs.symlinkSync(path.join(ROOT, shared), path.join(project, shared));
  for (const file of ["package.json", "tsconfig.json"]) fs.copyFileSync(path.join(ROOT, file), path.join(project, file));
  fs.cpSync(path.join(ROOT, "content"), path.join(project, "content"), { recursive: true });
  const page = path.join(project, "content", "benefits.mdx");
  const text = fs.readFileSync(page, "utf8").trimEnd();
  fs.writeFileSync(page, `${text}\n\nMILD is a risk-free cure.\n`);
  badLine = text.split("\n").length + 2;
});
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

it("npm run build stops on a banned phrase before Next builds anything, naming the file and line", () => {
  const build = spawnSync("npm", ["run", "build"], { cwd: project, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const output = `${build.stdout}\n${build.stderr}`;
  expect(build.status, output).not.toBe(0);
  expect(output).toContain(`content/benefits.mdx:${badLine}:11: do not write "risk-free": every procedure has risks`);
  expect(output).toContain(`content/benefits.mdx:${badLine}:21: do not write "cure"`);
  expect(output).not.toContain("Next.js");
}, 120_000);
