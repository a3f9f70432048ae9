import { describe, expect, it } from "vitest";
import { getContentPage, getContentPages } from "@/lib/content/pages";
import { breadcrumbTrail, hasBreadcrumbs } from "@/lib/seo/breadcrumbs";
import { contentPageMetadata } from "@/lib/seo/metadata";
import type { SiteIdentity } from "@/lib/seo/site-identity";
import { NON_CONTENT_PAGES, sitemapEntries } from "@/lib/seo/sitemap";
import { getClinic } from "@/lib/site";

const site: SiteIdentity = { siteUrl: "https://www.example.com", clinic: getClinic() };
const home = getContentPage("");

describe("page metadata", () => {
  it("gives a page its title, description, canonical link, Open Graph and Twitter card on the public origin", () => {
    const page = getContentPage("faq");
    expect(contentPageMetadata(page, site)).toEqual({
      title: { absolute: `${page.title} | Mocek Spine` },
      description: page.description,
      alternates: { canonical: "https://www.example.com/faq" },
      openGraph: {
        type: "website",
        siteName: "Mocek Spine",
        locale: "en_US",
        url: "https://www.example.com/faq",
        title: page.title,
        description: page.description,
      },
      twitter: { card: "summary_large_image", title: page.title, description: page.description },
    });
  });

  it("points the home page's canonical link at the origin", () => {
    expect(contentPageMetadata(home, site).alternates?.canonical).toBe("https://www.example.com/");
  });

  it("keeps every page's browser title within 60 characters and every description within 70-160", () => {
    for (const page of getContentPages()) {
      const metadata = contentPageMetadata(page, site);
      const title = (metadata.title as { absolute: string }).absolute;
      expect(title.length, title).toBeLessThanOrEqual(60);
      expect(page.description.length, page.file).toBeGreaterThanOrEqual(70);
      expect(page.description.length, page.file).toBeLessThanOrEqual(160);
    }
  });
});

describe("breadcrumb trail", () => {
  it("leads from home to the page, named by the home page's menu label and the page's title", () => {
    const page = getContentPage("evidence");
    expect(breadcrumbTrail(page, home)).toEqual([
      { name: home.navLabel, href: "/" },
      { name: page.title, href: "/evidence" },
    ]);
    expect(hasBreadcrumbs(breadcrumbTrail(page, home))).toBe(true);
  });

  it("is just the home page on the home page, which carries no breadcrumbs", () => {
    expect(breadcrumbTrail(home, home)).toEqual([{ name: home.navLabel, href: "/" }]);
    expect(hasBreadcrumbs(breadcrumbTrail(home, home))).toBe(false);
  });
});

describe("sitemap", () => {
  it("lists every content page with its review date, then the non-content pages, on the public origin", () => {
    const pages = getContentPages();
    const form = { href: "/request-appointment", title: "Request an appointment", description: "A form." } as const;
    const entries = sitemapEntries(pages, [form], site.siteUrl);
    expect(entries).toHaveLength(pages.length + 1);
    expect(entries[0]).toEqual({ url: "https://www.example.com/", lastModified: home.updated });
    expect(entries.at(-1)).toEqual({ url: "https://www.example.com/request-appointment" });
  });

  it("lists as non-content pages only addresses no content page has", () => {
    const contentHrefs = new Set(getContentPages().map((page) => page.href));
    for (const route of NON_CONTENT_PAGES) expect(contentHrefs.has(route.href), route.href).toBe(false);
  });
});
