// @vitest-environment node
/**
 * The operators' tools (requests and staff) as `npm run build` compiles them for servers without dev dependencies
 * (no tsx, no TypeScript): laid out as in .next/standalone (the bundles, better-sqlite3 in node_modules, the SQL
 * migrations), run by node.
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
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-requests-cli.mjs"), path.join(folder, "app")], { cwd: ROOT });
  fs.mkdirSync(path.join(folder, "app", "node_modules"));
  fs.symlinkSync(path.join(ROOT, "node_modules", "better-sqlite3"), path.join(folder, "app", "node_modules", "better-sqlite3"));
  for (const owner of ["appointments", "publishing"]) {
    fs.cpSync(path.join(ROOT, "lib", owner, "migrations"), path.join(folder, "app", "lib", owner, "migrations"), { recursive: true });
  }
}, 60_000);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function runCompiled(args: string[], env: Record<string, string>, tool: "requests" | "staff" = "requests") {
  // No PATH, no node_modules/.bin: nothing but node and the folder.
  return spawnSync(process.execPath, [path.join(folder, "app", `${tool}.mjs`), ...args], { cwd: os.tmpdir(), env: { NODE_ENV: "production", ...env }, encoding: "utf8" });
}

/** The packages a bundle imports (besides Node's own), statically or on demand. */
function importedPackages(tool: "requests" | "staff"): string[] {
  const bundle = fs.readFileSync(path.join(folder, "app", `${tool}.mjs`), "utf8");
  const imported = [...bundle.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1]!).filter((name) => !name.startsWith("node:"));
  return [...new Set(imported)];
}

describe("the compiled staff tool (.next/standalone/requests.mjs)", () => {
  it("bundles everything but better-sqlite3, and nothing of tsx or TypeScript", () => {
    expect(importedPackages("requests")).toEqual(["better-sqlite3"]);
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

describe("the compiled staff accounts tool (.next/standalone/staff.mjs)", () => {
  it("bundles everything but better-sqlite3, and nothing of Next (Better Auth's Next-free config)", () => {
    expect(importedPackages("staff")).toEqual(["better-sqlite3"]);
    const bundle = fs.readFileSync(path.join(folder, "app", "staff.mjs"), "utf8");
    expect(bundle).not.toMatch(/next\/headers|next\/navigation|better-auth\/next-js/);
  });

  it("makes the first admin on a fresh install and lists accounts with node alone", () => {
    const dataDir = path.join(folder, "staff-data");
    const env = { DATA_DIR: dataDir, SITE_URL: "https://clinic.example", APPOINTMENTS_KEY: Buffer.alloc(32, 9).toString("base64") };
    const added = runCompiled(["add-user", "--email", "ana@clinic.example", "--name", "Ana Admin", "--role", "admin"], env, "staff");
    expect(added.stderr).not.toMatch(/^Error/m);
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^ {2}https:\/\/clinic\.example\/staff\/enroll\?token=[A-Za-z0-9_-]{43}$/m);

    const listed = runCompiled(["list-users"], env, "staff");
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^ana@clinic\.example\s+Ana Admin\s+admin\s+enrolling\s+edit, review, admin$/m);
    // Abilities are checked against content/clinic.yaml's physicians, read where the tool runs: not here, and it says so.
    const elsewhere = runCompiled(["set-abilities", "ana@clinic.example", "--can", "edit"], env, "staff");
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toContain("Could not read the clinic's physicians (content/clinic.yaml) in ");
    expect(elsewhere.stderr).toContain("run this where the server runs (its folder holds content/)");

    const badRole = runCompiled(["add-user", "--email", "bo@clinic.example", "--name", "Bo", "--role", "owner"], env, "staff");
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('--role: Choose a role: "admin" or "staff".');
  });

  it("asks for an absolute DATA_DIR, as the standalone server does", () => {
    const relative = runCompiled(["list-users"], { DATA_DIR: "./data" }, "staff");
    expect(relative.status).toBe(2);
    expect(relative.stderr).toContain("e.g. DATA_DIR=/var/lib/mocek-spine node staff.mjs list-users");
  });
});
