// @vitest-environment node
/**
 * The staff tool as `npm run build` compiles it for servers without dev dependencies (no tsx, no TypeScript):
 * laid out as in .next/standalone (the bundle, better-sqlite3 in node_modules, the SQL migrations), run by node.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAppointmentsRuntime } from "@/lib/appointments/runtime";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";

const ROOT = path.resolve(__dirname, "../..");
let folder: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "requests-compiled-"));
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-requests-cli.mjs"), path.join(folder, "app", "requests.mjs")], { cwd: ROOT });
  fs.mkdirSync(path.join(folder, "app", "node_modules"));
  fs.symlinkSync(path.join(ROOT, "node_modules", "better-sqlite3"), path.join(folder, "app", "node_modules", "better-sqlite3"));
  fs.cpSync(path.join(ROOT, "lib", "appointments", "migrations"), path.join(folder, "app", "lib", "appointments", "migrations"), { recursive: true });
}, 60_000);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function runCompiled(args: string[], env: Record<string, string>) {
  // No PATH, no node_modules/.bin: nothing but node and the folder.
  return spawnSync(process.execPath, [path.join(folder, "app", "requests.mjs"), ...args], { cwd: os.tmpdir(), env: { NODE_ENV: "production", ...env }, encoding: "utf8" });
}

describe("the compiled staff tool (.next/standalone/requests.mjs)", () => {
  it("bundles everything but better-sqlite3, and nothing of tsx or TypeScript", () => {
    const bundle = fs.readFileSync(path.join(folder, "app", "requests.mjs"), "utf8");
    const imported = [...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]).filter((name) => !name!.startsWith("node:"));
    expect([...new Set(imported)]).toEqual(["better-sqlite3"]);
  });

  it("lists requests with node alone, from any working folder", async () => {
    const dataDir = path.join(folder, "data");
    setLogDestination({ write: () => undefined });
    const server = await createAppointmentsRuntime(parseServerEnv({ DATA_DIR: dataDir }));
    await submitAppointmentRequest(server, { fullName: "Nola Bundle", phone: "(501) 555-0188", bestTime: "evening", acknowledged: "on" }, { clientAddress: "192.0.2.1" });
    await server.store.close();
    setLogDestination(undefined);

    const list = runCompiled(["list"], { DATA_DIR: dataDir });
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^MS-[A-Z0-9]{5}  \|  .*Nola Bundle/);
    expect(list.stderr).toContain("Warning: APPOINTMENTS_KEY is not set");
  });

  it("asks for an absolute DATA_DIR, as the standalone server does", () => {
    const relative = runCompiled(["list"], { DATA_DIR: "./data" });
    expect(relative.status).toBe(2);
    expect(relative.stderr).toContain('Set DATA_DIR to the absolute path the server uses (it is "./data")');
  });
});
