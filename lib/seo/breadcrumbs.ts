/**
 * The breadcrumb trail of a page. The visible breadcrumbs (components/Breadcrumbs.tsx) and the BreadcrumbList
 * in structured data are both drawn from this one trail, so what search engines show matches what readers see.
 */
import type { ContentPage } from "@/lib/content/pages";

export interface BreadcrumbItem {
  name: string;
  /** The path on the site, e.g. `/faq`. */
  href: string;
}

/**
 * Home › the page's title. The site is one level deep, so the trail is at most two steps. The home page's
 * own trail is just itself, one step, which is neither shown nor described: a trail needs somewhere to lead from.
 */
export function breadcrumbTrail(
  page: Pick<ContentPage, "title" | "href">,
  homePage: Pick<ContentPage, "navLabel" | "href">,
): BreadcrumbItem[] {
  const home = { name: homePage.navLabel, href: homePage.href };
  return page.href === homePage.href ? [home] : [home, { name: page.title, href: page.href }];
}

/** Whether a trail leads anywhere: only then do the page and its structured data carry breadcrumbs. */
export function hasBreadcrumbs(trail: readonly BreadcrumbItem[]): boolean {
  return trail.length > 1;
}
