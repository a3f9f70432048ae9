import type { MetadataRoute } from "next";
import { getContentPages } from "@/lib/content/pages";
import { getServerEnv } from "@/lib/env";
import { NON_CONTENT_PAGES, sitemapEntries } from "@/lib/seo/sitemap";

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries(getContentPages(), NON_CONTENT_PAGES, getServerEnv().SITE_URL);
}
