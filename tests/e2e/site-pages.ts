/** The addresses the browser tests visit, read from content/ the same way the site reads them. */
import { CONTENT_DIR, loadContentPagesFrom } from "../../lib/content/pages";
import { NON_CONTENT_PAGES } from "../../lib/seo/sitemap";

export const contentPages = loadContentPagesFrom(CONTENT_DIR);

/** Pages that are routes of their own rather than content files. */
export const appRoutePages = NON_CONTENT_PAGES.map(({ href, title }) => ({ href, title, file: `app${href}/page.tsx` }));

/** Every public page, for the checks every page must pass. */
export const allPages = [
  ...contentPages.map(({ href, title, headline, file }) => ({ href, title, headline, file })),
  ...appRoutePages.map((page) => ({ ...page, headline: undefined })),
];

export const PHONE_HREF = "tel:+15012244001";
