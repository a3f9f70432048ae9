import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env";

describe("server environment", () => {
  it("works with nothing set", () => {
    const env = parseServerEnv({});
    expect(env).toMatchObject({ SITE_URL: "http://localhost:3000", DATA_DIR: "./data", RATE_LIMIT_MAX: 5 });
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("treats an empty value as unset and drops a trailing slash from SITE_URL", () => {
    expect(parseServerEnv({ SMTP_URL: "", SITE_URL: "https://www.example.com/" })).toMatchObject({
      SMTP_URL: undefined,
      SITE_URL: "https://www.example.com",
    });
  });

  it("names every bad variable, what it must be and what it is", () => {
    expect(() => parseServerEnv({ SITE_URL: "mocekspine.com", SMTP_URL: "http://mail", RATE_LIMIT_MAX: "lots" })).toThrow(
      [
        "Environment variables need fixing:",
        '  - SITE_URL must be an absolute http(s) URL such as https://www.example.com (it is "mocekspine.com")',
        '  - SMTP_URL must be an smtp:// or smtps:// URL (it is "http://mail")',
        '  - RATE_LIMIT_MAX must be a whole number (it is "lots")',
      ].join("\n"),
    );
  });
});
