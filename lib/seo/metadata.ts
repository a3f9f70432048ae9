/**
 * The <head> of a page as search engines and link previews read it. Share images are not set here: each
 * route's opengraph-image.tsx adds them (and Next copies them to the Twitter card), so the image a preview
 * shows is always the one generated for that very page.
 */
import type { Metadata } from "next";
import type { ContentPage } from "@/lib/content/pages";
import { getClinic } from "@/lib/site";
import { absoluteUrl, getSiteIdentity, type SiteIdentity } from "./site-identity";

/** The browser title of a page: "<page title> | Mocek Spine". Also the layout's title template ("%s"). */
export function fullPageTitle(pageTitle: string): string {
  return `${pageTitle} | ${getClinic().name}`;
}

/** The metadata of one page, for the home page, every content page and the form page alike. */
export function contentPageMetadata(
  page: Pick<ContentPage, "href" | "title" | "description">,
  site: SiteIdentity = getSiteIdentity(),
): Metadata {
  const url = absoluteUrl(site.siteUrl, page.href);
  return {
    // Absolute, because the layout's title template does not apply to a page in the layout's own segment (home).
    title: { absolute: fullPageTitle(page.title) },
    description: page.description,
    alternates: { canonical: url },
    openGraph: {
      type: "website",
      siteName: site.clinic.name,
      locale: "en_US",
      url,
      title: page.title,
      description: page.description,
    },
    twitter: { card: "summary_large_image", title: page.title, description: page.description },
  };
}
