import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { describeCommit } from "./lib/git/repository";
import {
  CONTENT_SECURITY_POLICY,
  DEVELOPMENT_CONTENT_SECURITY_POLICY,
  DEVELOPMENT_FRAMED_BY_SITE_CONTENT_SECURITY_POLICY,
  FRAMED_BY_SITE_CONTENT_SECURITY_POLICY,
} from "./lib/security/content-security-policy.mjs";
import { UPLOAD_POST_MAX_BYTES } from "./lib/publishing/picture-upload-form";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/security/server-action-post";
import { getClinic } from "./lib/site";
import { STAFF_PAGES_PATH, STAFF_PATH } from "./lib/staff/paths";

/** Folders and files the server never reads; scripts/check-build-output.ts proves none of them is shipped. */
const NEVER_IN_BUILD_OUTPUT = ["data/**", "tests/**", "scripts/**", ".env*", ".git/**", "reports/**", ".bench/**", "test-results/**"];

/** Every response's headers. The policy allows eval in `next dev` alone, which React's development build needs. */
const securityHeaders = (phase: string) => [
  { key: "Content-Security-Policy", value: phase === PHASE_DEVELOPMENT_SERVER ? DEVELOPMENT_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

const clinic = getClinic();

const nextConfig: NextConfig = {
  // Content pages are read from content/*.mdx and rendered by lib/content/render-page.tsx (the one function the
  // preview of a draft uses too, with the rule that pages hold no code); .mdx is not a route extension here.
  pageExtensions: ["ts", "tsx"],
  // The deployable artifact: .next/standalone holds the server and only the files it reads (see README, "Deploying").
  output: "standalone",
  // Belt and braces for that artifact: the content readers take a folder as an argument (tests point them at
  // fixtures), which the build's tracer cannot resolve, so it would copy every .mdx in the project. None of these
  // is ever read by the server; patients' data and keys (data/, DATA_DIR's default) must never ship.
  outputFileTracingExcludes: { "*": [...NEVER_IN_BUILD_OUTPUT] },
  poweredByHeader: false,
  // For app/global-error.tsx, the page of last resort: a client component, which cannot read content/clinic.yaml.
  env: { CLINIC_NAME: clinic.name, CLINIC_PHONE_DISPLAY: clinic.phone.display, CLINIC_PHONE_HREF: clinic.phone.href },
  // After prerendering, strips Next's runtime from pages that need no JavaScript and tightens their policy:
  // see lib/zero-javascript/adapter.mjs. An absolute path: Next resolves it from its own folder.
  adapterPath: fileURLToPath(new URL("./lib/zero-javascript/adapter.mjs", import.meta.url)),
  reactStrictMode: true,
  experimental: {
    // forbidden() and app/staff/forbidden.tsx: staff without an ability get a 403 page (lib/staff/session.ts).
    authInterrupts: true,
    // Our forms send a few short fields; proxy.ts answers a larger post before Next would, with a bare 500.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
    // Next gives a post that passes proxy.ts only this much of its body (10 MB by default): a whole 10 MB picture
    // and its form for the editor's upload (proxy.ts and the route refuse anything larger).
    proxyClientMaxBodySize: UPLOAD_POST_MAX_BYTES,
  },
};

/** The headers of each route; `phase` is the one Next gives the config (`next dev`, `next build`, `next start`). */
function routeHeaders(phase: string): NextConfig["headers"] {
  return async () => {
    return [
      { source: "/:path*", headers: securityHeaders(phase) },
      {
        // A patient on the form page must not tell any other site where they were. Not "no-referrer": with it,
        // browsers send `Origin: null` on the form's POST, and Next's CSRF check of the Origin rightly refuses it.
        source: "/request-appointment",
        headers: [{ key: "Referrer-Policy", value: "same-origin" }],
      },
      {
        // The staff inbox: patients' details must never sit in a browser's or a proxy's cache, nor in a search
        // engine. Same-origin referrers only: a link out of the inbox must not carry a request's address.
        source: `${STAFF_PATH}/:path*`,
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      {
        source: STAFF_PATH,
        headers: [
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
      {
        // The preview of a draft shows the page in a frame at a phone's or a desktop's width: this address alone
        // may be framed, by the site's own preview page. Last, so it overrides the rules above.
        source: `${STAFF_PAGES_PATH}/:slug/preview/frame`,
        headers: [
          {
            key: "Content-Security-Policy",
            value: phase === PHASE_DEVELOPMENT_SERVER ? DEVELOPMENT_FRAMED_BY_SITE_CONTENT_SECURITY_POLICY : FRAMED_BY_SITE_CONTENT_SECURITY_POLICY,
          },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  };
}

/**
 * The commit a build serves (lib/release.ts): given by the release path (`npm run site -- update` sets
 * SITE_COMMIT and SITE_COMMITTED_AT), else read from the checkout's HEAD; a build outside git says "unknown".
 */
async function servedCommit(): Promise<{ SITE_COMMIT: string; SITE_COMMITTED_AT: string }> {
  if (process.env.SITE_COMMIT) return { SITE_COMMIT: process.env.SITE_COMMIT, SITE_COMMITTED_AT: process.env.SITE_COMMITTED_AT ?? "" };
  try {
    const head = await describeCommit(process.cwd(), "HEAD");
    return { SITE_COMMIT: head.commit, SITE_COMMITTED_AT: head.committedAt };
  } catch {
    return { SITE_COMMIT: "unknown", SITE_COMMITTED_AT: "" };
  }
}

export default async function config(phase: string): Promise<NextConfig> {
  return {
    ...nextConfig,
    headers: routeHeaders(phase),
    env: { ...nextConfig.env, ...(await servedCommit()) },
    // One build ID per commit on the release path, where several servers each build the release they serve: a
    // page's React payload (/_next/static/rsc-payload/<hash>.js) holds it, and a page from one server fetches that
    // file from whichever server the load balancer picks. Elsewhere Next draws one (null), as a working tree may
    // differ from its commit.
    generateBuildId: async () => process.env.SITE_COMMIT || null,
  };
}
