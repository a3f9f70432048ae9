// What search engines and link previews read. None of it depends on the screen, so this file runs in the
// desktop project alone (see playwright.config.ts); the phone project checks that the breadcrumbs fit.
import { expect, test, type Page } from "@playwright/test";
import { parseServerEnv } from "../../lib/env";
import { NON_CONTENT_PAGES } from "../../lib/seo/sitemap";
import { contentPages } from "./site-pages";

/** Every public page, content file or code route: each must tell search engines and link previews the same things. */
const seoPages = [...contentPages, ...NON_CONTENT_PAGES.map((page) => ({ ...page, file: `app${page.href}/page.tsx` }))];

/** The public origin the site was built for: `npm test` gives the build and these tests the same environment. */
const SITE_URL = parseServerEnv(process.env).SITE_URL;
const SITE_ORIGIN = new URL(SITE_URL).origin;

/** The same address on the test server: links name the public origin, which is not where the tests run. */
function onTestServer(publicUrl: string, baseURL: string): string {
  const url = new URL(publicUrl);
  expect(url.origin, `${publicUrl} is on the public origin`).toBe(SITE_ORIGIN);
  return new URL(`${url.pathname}${url.search}`, baseURL).href;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString("hex"), "PNG signature").toBe("89504e470d0a1a0a");
  expect(bytes.subarray(12, 16).toString("ascii"), "first chunk").toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function metaContent(page: Page, attribute: "name" | "property", key: string): Promise<string | null> {
  const meta = page.locator(`head meta[${attribute}="${key}"]`);
  await expect(meta, `<meta ${attribute}="${key}">`).toHaveCount(1);
  return meta.getAttribute("content");
}

type JsonLdNode = Record<string, unknown> & { "@type"?: string };

/** Every node of every JSON-LD block on the page; each block must parse. */
async function jsonLdNodes(page: Page): Promise<JsonLdNode[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks.length, "JSON-LD blocks").toBeGreaterThan(0);
  return blocks.flatMap((block) => {
    const data = JSON.parse(block) as JsonLdNode & { "@graph"?: JsonLdNode[] };
    expect(data["@context"]).toBe("https://schema.org");
    return data["@graph"] ?? [data];
  });
}

/** The @types each page must carry, beyond the MedicalWebPage every page has. */
function expectedTypes(href: string): string[] {
  const types = ["MedicalWebPage"];
  if (href === "/") types.push("MedicalClinic", "WebSite");
  else types.push("BreadcrumbList");
  if (href === "/mild-procedure") types.push("MedicalProcedure");
  if (href === "/lumbar-spinal-stenosis") types.push("MedicalCondition");
  if (href === "/faq") types.push("FAQPage");
  return types;
}

for (const contentPage of seoPages) {
  test.describe(`${contentPage.href} (${contentPage.file})`, () => {
    test("has a canonical link, a description and link-preview tags on the public origin", async ({ page }) => {
      await page.goto(contentPage.href);
      expect((await page.title()).length, "title length").toBeLessThanOrEqual(60);
      const description = await metaContent(page, "name", "description");
      expect(description).toBe(contentPage.description);
      expect(description!.length).toBeGreaterThanOrEqual(70);
      expect(description!.length).toBeLessThanOrEqual(160);

      const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
      expect(canonical, "canonical is absolute").toMatch(/^https?:\/\//);
      // new URL() so that the origin alone and the origin with "/" (the home page) count as the same address.
      expect(new URL(canonical!).href).toBe(new URL(`${SITE_URL}${contentPage.href}`).href);

      expect(await metaContent(page, "property", "og:url")).toBe(canonical);
      expect(await metaContent(page, "property", "og:type")).toBe("website");
      expect(await metaContent(page, "property", "og:site_name")).toBe("Mocek Spine");
      expect(await metaContent(page, "property", "og:locale")).toBe("en_US");
      expect(await metaContent(page, "property", "og:title")).toBe(contentPage.title);
      expect(await metaContent(page, "property", "og:description")).toBe(contentPage.description);
      expect(await metaContent(page, "name", "twitter:card")).toBe("summary_large_image");
      expect(await metaContent(page, "name", "twitter:image")).toBe(await metaContent(page, "property", "og:image"));
    });

    test("has a 1200x630 PNG share image of its own", async ({ page, request, baseURL }) => {
      await page.goto(contentPage.href);
      const imageUrl = (await metaContent(page, "property", "og:image"))!;
      expect(imageUrl).toMatch(/^https?:\/\//);
      const expectedPath = contentPage.href === "/" ? "/opengraph-image" : `${contentPage.href}/opengraph-image`;
      expect(new URL(imageUrl).pathname).toBe(expectedPath);

      const response = await request.get(onTestServer(imageUrl, baseURL!));
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
      expect(await metaContent(page, "property", "og:image:width")).toBe("1200");
      expect(await metaContent(page, "property", "og:image:height")).toBe("630");
    });

    test("has structured data that parses, with the types this page needs", async ({ page }) => {
      await page.goto(contentPage.href);
      const nodes = await jsonLdNodes(page);
      const types = nodes.map((node) => node["@type"]);
      expect(types).toEqual(expect.arrayContaining(expectedTypes(contentPage.href)));
      expect(new Set(types).size, "no type twice").toBe(types.length);
      const webPage = nodes.find((node) => node["@type"] === "MedicalWebPage")!;
      expect(webPage).toMatchObject({ name: contentPage.title, description: contentPage.description, dateModified: contentPage.updated });
      // No physician has approved a page yet (content/clinic.yaml lists none): no page claims a review.
      expect(webPage).not.toHaveProperty("lastReviewed");
      expect(webPage).not.toHaveProperty("reviewedBy");

      const breadcrumbNav = page.getByRole("navigation", { name: "Breadcrumb" });
      const breadcrumbList = nodes.find((node) => node["@type"] === "BreadcrumbList");
      if (contentPage.href === "/") {
        await expect(breadcrumbNav).toHaveCount(0);
        expect(breadcrumbList).toBeUndefined();
        return;
      }
      // The visible breadcrumbs and the BreadcrumbList name the same pages in the same order.
      const visible = await breadcrumbNav.locator("li").evaluateAll((items) =>
        items.map((item) => {
          const crumb = item.querySelector("a, [aria-current]")!;
          return { name: crumb.textContent!.trim(), href: crumb.getAttribute("href") ?? window.location.pathname };
        }),
      );
      const described = (breadcrumbList!.itemListElement as { name: string; item: string }[]).map((element) => {
        expect(new URL(element.item).origin).toBe(SITE_ORIGIN);
        return { name: element.name, href: new URL(element.item).pathname };
      });
      expect(visible).toEqual(described);
      expect(visible.at(-1)).toEqual({ name: contentPage.title, href: contentPage.href });
      await expect(breadcrumbNav.locator('[aria-current="page"]')).toHaveText(contentPage.title);
    });
  });
}

test("/faq: the FAQPage asks exactly the questions the page shows as headings", async ({ page }) => {
  await page.goto("/faq");
  const faqPage = (await jsonLdNodes(page)).find((node) => node["@type"] === "FAQPage")!;
  const questions = (faqPage.mainEntity as { name: string; acceptedAnswer: { text: string } }[]).map((question) => {
    expect(question.acceptedAnswer.text.length, question.name).toBeGreaterThan(0);
    return question.name;
  });
  const headings = (await page.locator("article h2").allTextContents()).map((text) => text.trim());
  expect(questions).toEqual(headings);
});

test("no two pages share a title or a description", async ({ page }) => {
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();
  for (const contentPage of seoPages) {
    await page.goto(contentPage.href);
    const title = await page.title();
    const description = (await metaContent(page, "name", "description"))!;
    expect(titles.get(title), `title of ${contentPage.href}`).toBeUndefined();
    expect(descriptions.get(description), `description of ${contentPage.href}`).toBeUndefined();
    titles.set(title, contentPage.href);
    descriptions.set(description, contentPage.href);
  }
});

test("the sitemap lists every public page with the date it last changed, and every address in it answers", async ({ request, baseURL }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("xml");
  const listed = [...(await response.text()).matchAll(/<url>\s*<loc>([^<]+)<\/loc>(?:\s*<lastmod>([^<]+)<\/lastmod>)?/g)].map(
    ([, loc, lastmod]) => ({ loc: loc!, lastmod }),
  );
  const expected = [...contentPages, ...NON_CONTENT_PAGES].map((page) => ({ loc: `${SITE_URL}${page.href}`, lastmod: page.updated }));
  expect(listed).toEqual(expected);
  for (const { loc } of listed) {
    expect((await request.get(onTestServer(loc, baseURL!))).status(), loc).toBe(200);
  }
});

test("robots.txt lets every crawler in but for the staff inbox, and names the sitemap by its full address", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const robots = await response.text();
  expect(robots).toMatch(/^User-Agent: \*$/m);
  expect(robots).toMatch(/^Allow: \/$/m);
  expect(robots.match(/^Disallow: .*$/gm)).toEqual(["Disallow: /staff"]);
  expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
});

test("the not-found page asks search engines not to index it", async ({ page }) => {
  await page.goto("/no-such-page");
  // Next adds its own noindex to every 404 besides the page's: each one there must say noindex.
  const robots = await page.locator('head meta[name="robots"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute("content")));
  expect(robots.length).toBeGreaterThan(0);
  for (const content of robots) expect(content).toMatch(/noindex/);
});
