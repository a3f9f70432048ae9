import type { MetadataRoute } from "next";
import { getServerEnv } from "@/lib/env";
import { absoluteUrl } from "@/lib/seo/site-identity";

// Every page is public; the sitemap tells crawlers where they are.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/" },
    sitemap: absoluteUrl(getServerEnv().SITE_URL, "/sitemap.xml"),
  };
}
