import createMDX from "@next/mdx";
import type { NextConfig } from "next";
import { MDX_REMARK_PLUGIN_NAMES } from "./lib/content/mdx-options";

const nextConfig: NextConfig = {
  // Content pages are imported from content/*.mdx by app routes; .mdx is not a route extension here.
  pageExtensions: ["ts", "tsx"],
  poweredByHeader: false,
  reactStrictMode: true,
};

// Under Turbopack, remark plugins must be named as strings (functions are not serialisable).
const withMDX = createMDX({
  options: {
    // Frontmatter is read and validated by lib/content; here it is only stripped from the rendered body.
    remarkPlugins: [...MDX_REMARK_PLUGIN_NAMES],
  },
});

export default withMDX(nextConfig);
