/**
 * Pages written in code under app/, rather than in content/. Links in content may point to them, the sitemap
 * lists them and the browser tests visit them, all from this one list.
 */

export interface CodePage {
  /** The page's path, e.g. `/request-appointment`. */
  href: `/${string}`;
  /** Its heading and browser title, as on a content page (10-45 characters). */
  title: string;
  /** For search results and link previews (70-160 characters). */
  description: string;
  /** The date its words last changed (YYYY-MM-DD). */
  updated?: string;
}

/** The online appointment request form. */
export const REQUEST_APPOINTMENT_PAGE = {
  href: "/request-appointment",
  title: "Request an appointment",
  description:
    "Ask Mocek Spine for an appointment online. Leave your name and phone number, and our staff will call you back.",
  updated: "2026-11-26",
} as const satisfies CodePage;

export const APPOINTMENT_REQUEST_HREF = REQUEST_APPOINTMENT_PAGE.href;

/** Add a page here in the same change that adds its route: the browser tests expect every one to answer. */
export const CODE_PAGES: readonly CodePage[] = [REQUEST_APPOINTMENT_PAGE];

export const CODE_PAGE_HREFS: readonly string[] = CODE_PAGES.map((page) => page.href);

/** The self-check "Could MILD help me?": the page that shows `<SelfCheck />`, at the self-check itself. */
export const SELF_CHECK_PAGE_HREF = "/candidacy";
export const SELF_CHECK_ANCHOR = "self-check";
export const SELF_CHECK_HREF = `${SELF_CHECK_PAGE_HREF}#${SELF_CHECK_ANCHOR}`;
