// @vitest-environment node
/**
 * The Content-Security-Policy next.config.ts sends. In `next dev`, React's development build uses eval(), which the
 * site's policy forbids: the preview showed "1 Issue: eval() is not supported…" on every page, and staff took it for
 * a fault. The development server alone may allow eval; a build and a production server never.
 */
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

/** The policy the config sends with every response in that phase. */
async function policyIn(phase: string): Promise<string> {
  const config = await nextConfig(phase);
  const everyResponse = (await config.headers!()).find((route) => route.source === "/:path*");
  const policy = everyResponse?.headers.find((header) => header.key === "Content-Security-Policy")?.value;
  if (!policy) throw new Error(`no Content-Security-Policy for every response in ${phase}`);
  return policy;
}

const directivesOf = (policy: string) => Object.fromEntries(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

/** The policy every built page and every production response has carried since the security review. */
const PRODUCTION_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

describe("the Content-Security-Policy", () => {
  it("is unchanged for a build and a production server, with no eval", async () => {
    for (const phase of [PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER]) {
      expect(await policyIn(phase), phase).toBe(PRODUCTION_POLICY);
    }
  });

  it("allows eval in next dev, and differs from production by that alone", async () => {
    const development = directivesOf(await policyIn(PHASE_DEVELOPMENT_SERVER));
    expect(development).toEqual({ ...directivesOf(PRODUCTION_POLICY), "script-src": "script-src 'self' 'unsafe-inline' 'unsafe-eval'" });
  });
});
