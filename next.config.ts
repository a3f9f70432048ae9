import createMDX from "@next/mdx";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Content pages are imported from content/*.mdx by app routes; .mdx is not a route extension here.
  pageExtensions: ["ts", "tsx"],
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // The appointment form sends a few short fields; anything larger is not a patient.
    serverActions: { bodySizeLimit: "64kb" },
  },
  async headers() {
    return [
      {
        // A patient on the form page must not tell any other site where they were. Not "no-referrer": with it,
        // browsers send `Origin: null` on the form's POST, and Next's CSRF check of the Origin rightly refuses it.
        source: "/request-appointment",
        headers: [{ key: "Referrer-Policy", value: "same-origin" }],
      },
    ];
  },
};

// Under Turbopack, remark plugins must be named as strings (functions are not serialisable).
const withMDX = createMDX({
  options: {
    // Frontmatter is read and validated by lib/content; here it is only stripped from the rendered body.
    remarkPlugins: ["remark-frontmatter", "remark-gfm"],
  },
});

export default withMDX(nextConfig);
