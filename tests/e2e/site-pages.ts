/** The addresses the browser tests visit, read from content/ the same way the site reads them. */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
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

/**
 * The build's decision (lib/zero-javascript/adapter.mjs): the addresses whose pages ship no JavaScript, and
 * those that keep React for a client component of ours. Tests check it against what each page shows.
 */
export function readZeroJavaScriptDecision(): { zeroJavaScript: string[]; keepRuntime: Record<string, string[]> } {
  return JSON.parse(fs.readFileSync(path.join(".next", "zero-javascript.json"), "utf8"));
}

/** Whether a page shows a client component of ours: the appointment form, or the self-check. */
export async function showsClientComponent(page: Page, href: string): Promise<boolean> {
  return appRoutePages.some((formPage) => formPage.href === href) || (await page.locator(".self-check").count()) > 0;
}
