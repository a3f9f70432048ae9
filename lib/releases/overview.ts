/** What admins see of the website's versions (/staff/releases), from the same files `npm run site -- status` reads. */
import { servedRelease, type ServedRelease } from "@/lib/release";
import { SiteLayout, type LiveRelease, type ReleaseFailure, type ReleaseInfo } from "./layout";

export type ReleaseOverview =
  | { managed: false; served: ServedRelease }
  | { managed: true; served: ServedRelease; releases: ReleaseInfo[]; live?: LiveRelease; lastFailure?: ReleaseFailure };

/** `siteRoot`: SITE_ROOT, set by the supervisor for the release it runs; unset where the site is run otherwise. */
export function releaseOverview(siteRoot: string | undefined): ReleaseOverview {
  if (!siteRoot) return { managed: false, served: servedRelease };
  const layout = new SiteLayout(siteRoot);
  return { managed: true, served: servedRelease, releases: layout.releases(), live: layout.live(), lastFailure: layout.lastFailure() };
}
