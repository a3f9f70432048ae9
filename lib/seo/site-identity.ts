/**
 * Who the site speaks for and where it lives: the clinic's facts and the public origin (SITE_URL). Every
 * absolute link the site hands out (canonical links, Open Graph, sitemap, robots.txt, structured data) is
 * made from these two, so a move to another domain is one environment variable.
 */
import { getServerEnv } from "@/lib/env";
import { getClinic, type Clinic } from "@/lib/site";

export interface SiteIdentity {
  /** The public origin without a trailing slash, e.g. https://www.example.com (see lib/env.ts). */
  siteUrl: string;
  clinic: Clinic;
}

export function getSiteIdentity(): SiteIdentity {
  return { siteUrl: getServerEnv().SITE_URL, clinic: getClinic() };
}

/**
 * The absolute address of a path on the site: "/" gives "https://www.example.com/". Joined as text, not
 * with `new URL`, so that a SITE_URL with a path of its own (a site served under /clinic) keeps it.
 */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl}${path.startsWith("/") ? path : `/${path}`}`;
}
