import type { MetadataRoute } from "next";
import { getServerEnv } from "@/lib/env";
import { STAFF_PATH } from "@/lib/staff/paths";
import { absoluteUrl } from "@/lib/seo/site-identity";

// Every page is public but the staff inbox; the sitemap tells crawlers where the pages are.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: STAFF_PATH },
    sitemap: absoluteUrl(getServerEnv().SITE_URL, "/sitemap.xml"),
  };
}
