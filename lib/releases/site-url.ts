/**
 * A release is built for the public site: its canonical links, sitemap, share images and printed links all carry
 * SITE_URL, read at build time. Built with none (the default, http://localhost:3000) or one on this machine, every
 * such link would point at the reader's own computer; so `npm run site -- update` and `rollback` refuse to build or
 * switch until it names a public address. Example domains are the launch check's to list, not a reason to refuse.
 */
import { isLoopbackSiteUrl, serverEnvSchema } from "@/lib/env";

const WHAT_TO_SET = "set SITE_URL in /etc/mocek-spine/env to the address patients type to reach the site, starting with https://";

/** Why a release may not be built or switched to with this SITE_URL, or undefined when it may. */
export function releaseSiteUrlProblem(siteUrl: string | undefined): string | undefined {
  if (siteUrl === undefined || siteUrl.trim() === "") {
    return `SITE_URL is not set, so every canonical link, the sitemap and printed links would point to http://localhost: ${WHAT_TO_SET}`;
  }
  const parsed = serverEnvSchema.shape.SITE_URL.safeParse(siteUrl);
  if (!parsed.success) return `SITE_URL ${parsed.error.issues[0]!.message} (it is "${siteUrl}"): ${WHAT_TO_SET}`;
  if (isLoopbackSiteUrl(parsed.data)) {
    return `SITE_URL is ${parsed.data}, this computer, so every canonical link, the sitemap and printed links would point there: ${WHAT_TO_SET}`;
  }
  return undefined;
}
