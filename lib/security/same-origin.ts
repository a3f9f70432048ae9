/**
 * Whether a request comes from this site's own pages, judged against SITE_URL, the address patients and staff use,
 * never against the Host or X-Forwarded-Host it arrived with: those are whatever a client or a proxy in front says
 * (a name rebound to this server, a proxy that passes any Host on), so a page at that name would pass a test
 * against them.
 *
 * Posts (proxy.ts for every staff action and every script's call to the appointment form's action, which Next
 * would pass on to whichever page hosts the action named; ../staff/admin-download.ts for the CSV downloads, which
 * Next does not check): the Origin must be SITE_URL's. Page visits (../staff/session.ts): a visit from another
 * website must not open a patient's details or write the audit log in the person's name, though the session
 * cookie (SameSite=Lax) comes with it.
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

/**
 * Whether a page visit (or a form post) was made from the inbox itself: a link or form on its pages, or an address
 * the person typed, bookmarked or opened from a mail app (the browser says `none`), but not a link followed, or a
 * page opened by script, on another website or a sibling sub-domain. Only such a visit may open a patient's
 * details and write "viewed" into the audit log; any other gets a page that opens nothing (see the request page).
 */
export function isOwnNavigation(headers: Headers, siteUrl: string): boolean {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null) return fetchSite === "same-origin" || fetchSite === "none";
  // A browser older than Fetch Metadata (Safari before 16.4): a post names its Origin; a visit counts only with a
  // referrer from the site itself. The inbox's pages send theirs (Referrer-Policy: same-origin); a page elsewhere
  // can withhold its own or send another, but never the inbox's. Without one, the visit is treated as from
  // elsewhere: one more tap.
  const named = headers.get("origin") ?? headers.get("referer");
  return named !== null && webOrigin(named) !== undefined && webOrigin(named) === webOrigin(siteUrl);
}
