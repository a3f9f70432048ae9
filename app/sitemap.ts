import type { MetadataRoute } from "next";
import { getContentPages } from "@/lib/content/pages";
import { getServerEnv } from "@/lib/env";
import { APP_ROUTE_PAGES, sitemapEntries } from "@/lib/seo/sitemap";

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries(getContentPages(), APP_ROUTE_PAGES, getServerEnv().SITE_URL);
}
