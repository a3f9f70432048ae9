/**
 * How `npm run site -- update | rollback` and the staff pages ask the supervisor to switch releases: one HTTP
 * request over a Unix socket in SITE_ROOT/run (mode 0700), so only the site's own user can ask.
 */
import http from "node:http";
import type { SiteLayout } from "./layout";

/** No supervisor is listening: the site's service is not running. */
export class SupervisorUnavailableError extends Error {}

export interface SwitchRequest {
  commit: string;
}

/** Resolves when `commit` serves every new request; rejects with the supervisor's reason when it could not. */
export function askSupervisorToSwitch(layout: SiteLayout, commit: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ commit } satisfies SwitchRequest);
    const request = http.request(
      { socketPath: layout.controlSocket, path: "/switch", method: "POST", headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => {
          if (response.statusCode === 200) resolve();
          else reject(new Error(parseError(text) ?? `the supervisor answered ${response.statusCode}`));
        });
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ECONNREFUSED") reject(new SupervisorUnavailableError(`no supervisor at ${layout.controlSocket}`));
      else reject(error);
    });
    request.end(body);
  });
}

function parseError(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { error?: string }).error;
  } catch {
    return text || undefined;
  }
}
