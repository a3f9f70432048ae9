// @vitest-environment node
/**
 * Every build of one commit made by the release path gets the same build ID. Several servers each build the release
 * they serve (docs/deploy.md, "Several servers"), and a page from one server fetches React's payload for it
 * (/_next/static/rsc-payload/<hash of its contents>.js, lib/zero-javascript/defer-runtime.mjs) from whichever server
 * the load balancer picks. The payload holds the build ID: with Next's random one, each server's file had another
 * name, the other servers answered 404 and the patient's page never got React (it still works without it).
 */
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import nextConfig from "@/next.config";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";

afterEach(() => vi.unstubAllEnvs());

describe("the build ID", () => {
  it("is the commit the release path builds (SITE_COMMIT), the same on every server", async () => {
    vi.stubEnv("SITE_COMMIT", COMMIT);
    const config = await nextConfig(PHASE_PRODUCTION_BUILD);
    expect(await config.generateBuildId?.()).toBe(COMMIT);
  });

  it("is Next's own, drawn per build, for a build outside the release path (its working tree may differ from any commit)", async () => {
    vi.stubEnv("SITE_COMMIT", "");
    const config = await nextConfig(PHASE_PRODUCTION_BUILD);
    expect(await config.generateBuildId?.()).toBeNull();
  });
});
