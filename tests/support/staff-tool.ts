/**
 * Runs an operators' tool from source as `npm run requests -- …` or `npm run staff -- …` does, without npm's own
 * lines, in a clean environment.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export function runTool(tool: "requests" | "staff", args: string[], env: Record<string, string>) {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [`scripts/${tool}.ts`, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The requests tool (scripts/requests.ts). */
export const runStaffTool = (args: string[], env: Record<string, string>) => runTool("requests", args, env);
