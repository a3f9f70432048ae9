/**
 * Whether a post comes from a page of this site: every post to the staff inbox (its CSV downloads are route
 * handlers, which get no Origin check from Next) and every script's call to the appointment form's action (which
 * Next would pass on to whichever page hosts the action named). The test is Next's own for server actions
 * (next/dist/server/app-render/action-handler.js): the Origin's host must equal the first X-Forwarded-Host, or the
 * Host when there is none. Stricter than Next in one way: a post that names no origin (or "null") is refused too,
 * since every browser that can sign in to the inbox, and every page's script, sends one on a POST.
 */

/** The host this request was sent to, as Next reads it: the first X-Forwarded-Host, else Host. */
export function requestHost(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || headers.get("host")?.trim() || undefined)?.toLowerCase();
}

function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a POST comes from a page of this site: true only when its Origin names the host it was sent to. */
export function isSameOriginPost(headers: Headers): boolean {
  // A browser says outright when a request comes from another site; believe it even if a proxy rewrote the host.
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = requestHost(headers);
  const from = originHost(origin);
  return host !== undefined && from !== undefined && from === host;
}
