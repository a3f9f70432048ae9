// Byte budgets per page: what a cheap phone on a slow network must download. Sizes are as sent (gzip), so
// they repeat exactly run to run; speed itself is measured by `npm run bench`, not asserted here.
import { expect, test } from "@playwright/test";
import { allPages, appRoutePages } from "./site-pages";

const KB = 1024;
/**
 * Held at today's figures plus a small margin, so any growth fails. The targets (130 KB and 160 KB) are not met
 * yet: Next 16's runtime with React 19 alone is about 128 KB; content pages add only the self-check's small form
 * (about 2 KB, on every content page, since they share one route); the form adds react-hook-form and zod (about
 * 46 KB). See the performance issue's note.
 */
const JAVASCRIPT_BUDGET = { contentPage: 136 * KB, formPage: 185 * KB };
const HTML_BUDGET = 15 * KB;
const formHrefs = new Set<string>(appRoutePages.map((page) => page.href));

for (const sitePage of allPages) {
  test(`${sitePage.href} stays within its JavaScript and HTML budgets`, async ({ page }) => {
    const transfers: { url: string; type: string; bytes: Promise<number> }[] = [];
    page.on("requestfinished", (request) => {
      transfers.push({
        url: request.url(),
        type: request.resourceType(),
        bytes: request.sizes().then((sizes) => sizes.responseBodySize),
      });
    });
    await page.goto(sitePage.href);
    await page.waitForLoadState("networkidle");
    const sized = await Promise.all(transfers.map(async (transfer) => ({ ...transfer, bytes: await transfer.bytes })));
    const javascript = sized.filter((transfer) => transfer.type === "script").reduce((sum, transfer) => sum + transfer.bytes, 0);
    const html = sized.find((transfer) => transfer.type === "document")!.bytes;
    const budget = formHrefs.has(sitePage.href) ? JAVASCRIPT_BUDGET.formPage : JAVASCRIPT_BUDGET.contentPage;
    test.info().annotations.push({ type: "bytes", description: `JS ${(javascript / KB).toFixed(1)} KB, HTML ${(html / KB).toFixed(1)} KB` });
    expect(javascript, "JavaScript bytes (gzip)").toBeLessThanOrEqual(budget);
    expect(html, "HTML bytes (gzip)").toBeLessThanOrEqual(HTML_BUDGET);
  });
}
