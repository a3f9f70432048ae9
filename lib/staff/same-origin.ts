/**
 * Whether a request to the inbox comes from the inbox's own pages, judged against SITE_URL, the address staff use,
 * never against the Host or X-Forwarded-Host it arrived with: those are whatever a client or a proxy in front says
 * (a name rebound to this server, a proxy that passes any Host on), so a page at that name would pass a test
 * against them.
 *
 * Posts (proxy.ts for every action, ./admin-download.ts for the CSV downloads, which Next does not check): the
 * Origin must be SITE_URL's.
 */

/** The origin of a web address, or undefined for anything that is not an http(s) one. */
function webOrigin(address: string): string | undefined {
  try {
    const url = new URL(address);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a POST comes from a page of this site: its Origin must be SITE_URL's. */
export function isSameOriginPost(headers: Headers, siteUrl: string): boolean {
  // A browser says outright when a request comes from another site (or a sibling sub-domain): believe it.
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  // Stricter than Next's own check of server actions: a post that names no origin (or "null") is refused too,
  // since every browser that can sign in to the inbox sends one on a POST.
  const origin = headers.get("origin");
  return origin !== null && origin !== "null" && webOrigin(origin) !== undefined && webOrigin(origin) === webOrigin(siteUrl);
}
