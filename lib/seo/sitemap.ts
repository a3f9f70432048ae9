/**
 * The pages search engines are told about: every content page, plus the public pages that are routes of
 * their own in app/ rather than content files.
 */
import type { MetadataRoute } from "next";
import type { ContentPage } from "@/lib/content/pages";
import { absoluteUrl } from "./site-identity";

export interface NonContentPage {
  /** The page's path, e.g. `/request-appointment`. */
  href: `/${string}`;
  /** Its heading and browser title, as on a content page (10-45 characters). */
  title: string;
  /** For search results and link previews (70-160 characters). */
  description: string;
  /** The date its words last changed (YYYY-MM-DD), when known. */
  updated?: string;
}

export const REQUEST_APPOINTMENT_PAGE = {
  href: "/request-appointment",
  title: "Request an appointment",
  description:
    "Ask Mocek Spine for an appointment online. Leave your name and phone number, and our staff will call you back.",
  updated: "2026-11-26",
} as const satisfies NonContentPage;

/**
 * Public pages that are not content/*.mdx files (forms and the like). Add a page here in the same change that
 * adds its route: the browser tests fetch every page listed and expect it to answer.
 */
export const NON_CONTENT_PAGES: readonly NonContentPage[] = [REQUEST_APPOINTMENT_PAGE];

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
