// @vitest-environment node
/**
 * The release path builds for the public site: a SITE_URL that is unset or names this computer is refused, before
 * anything is fetched or built, with what to set.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { releaseSiteUrlProblem } from "@/lib/releases/site-url";

describe("the SITE_URL a release is built with", () => {
  it.each(["http://localhost:3000", "http://127.0.0.1:3100", "https://127.1.2.3", "http://[::1]:3000", "http://0.0.0.0", "https://staff.localhost"])(
    "refuses %s, naming SITE_URL and what to set",
    (siteUrl) => {
      expect(releaseSiteUrlProblem(siteUrl)).toMatch(/^SITE_URL is \S+, this computer, .+: set SITE_URL in \/etc\/mocek-spine\/env to the address patients type to reach the site/);
    },
  );

  it("refuses an unset or empty one, which the site would read as http://localhost", () => {
    for (const unset of [undefined, "", "  "]) expect(releaseSiteUrlProblem(unset)).toMatch(/^SITE_URL is not set, .+ point to http:\/\/localhost: set SITE_URL/);
  });

  it("refuses one that is not an address, as the server would", () => {
    expect(releaseSiteUrlProblem("www.mocekspine.com")).toMatch(/^SITE_URL must be an absolute http\(s\) URL .+\(it is "www.mocekspine.com"\)/);
  });

  it("accepts a public address, an example domain too (the launch check lists those)", () => {
    expect(releaseSiteUrlProblem("https://www.mocekspine.com")).toBeUndefined();
    expect(releaseSiteUrlProblem("https://clinic.example.org")).toBeUndefined();
  });
});

describe("npm run site -- update and rollback with SITE_URL on this computer", () => {
  it.each(["update", "rollback"])("%s exits 1, says why, and builds or switches nothing", (command) => {
    const siteRoot = fs.mkdtempSync(path.join(os.tmpdir(), "site-url-refused-"));
    try {
      const result = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/site.ts", command], {
        env: { ...process.env, SITE_ROOT: siteRoot, SITE_URL: "http://localhost:3000" },
        encoding: "utf8",
        // Were it not refused, update would build a whole release: stop it rather than wait for that.
        timeout: 20_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("SITE_URL is http://localhost:3000, this computer");
      expect(fs.readdirSync(siteRoot)).toEqual([]);
    } finally {
      fs.rmSync(siteRoot, { recursive: true, force: true });
    }
  }, 30_000);
});
