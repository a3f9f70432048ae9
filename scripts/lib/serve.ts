/**
 * Starts `next start` for a built project in the background and stops it again: shared by the scripts that
 * measure the site (the form load test, the Lighthouse bench and budgets).
 */
import { spawn } from "node:child_process";

export interface RunningServer {
  origin: string;
  stop: () => void;
}

export async function startNextServer({
  cwd = process.cwd(),
  port,
  env = {},
}: {
  cwd?: string;
  port: number;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const origin = `http://localhost:${port}`;
  const server = spawn("npx", ["next", "start", "--port", String(port)], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: "ignore",
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
  throw new Error(`next start in ${cwd} did not answer on ${origin} within 30 s`);
}
