/**
 * The pages search engines are told about: every content page, plus the public pages that are routes of
 * their own in app/ rather than content files.
 */
import type { MetadataRoute } from "next";
import type { ContentPage } from "@/lib/content/pages";
import { CODE_PAGES, type CodePage } from "@/lib/routes";
import { absoluteUrl } from "./site-identity";

/** Public pages that are not content/*.mdx files: see lib/routes.ts. */
export type NonContentPage = CodePage;
export const NON_CONTENT_PAGES: readonly NonContentPage[] = CODE_PAGES;

/** The sitemap's entries: content pages in menu order with the date staff last reviewed them, then the non-content pages. */
export function sitemapEntries(
  contentPages: readonly ContentPage[],
  nonContentPages: readonly NonContentPage[],
  siteUrl: string,
): MetadataRoute.Sitemap {
  return [...contentPages, ...nonContentPages].map((page) => ({
    url: absoluteUrl(siteUrl, page.href),
    ...(page.updated && { lastModified: page.updated }),
  }));
}
