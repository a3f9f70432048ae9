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

  it("reads the web editor's git settings: the checkout's absolute path, the branch (main) and an optional remote", () => {
    const unset = parseServerEnv({});
    expect([unset.CONTENT_GIT_REPOSITORY, unset.CONTENT_GIT_BRANCH, unset.CONTENT_GIT_REMOTE]).toEqual([undefined, "main", undefined]);
    expect(parseServerEnv({ CONTENT_GIT_REPOSITORY: "/srv/site", CONTENT_GIT_BRANCH: "content", CONTENT_GIT_REMOTE: "origin" })).toMatchObject({
      CONTENT_GIT_REPOSITORY: "/srv/site",
      CONTENT_GIT_BRANCH: "content",
      CONTENT_GIT_REMOTE: "origin",
    });
    expect(() => parseServerEnv({ CONTENT_GIT_REPOSITORY: "site", CONTENT_GIT_BRANCH: "--force", CONTENT_GIT_REMOTE: "-u x" })).toThrow(
      [
        "Environment variables need fixing:",
        '  - CONTENT_GIT_REPOSITORY must be the absolute path of a git checkout, e.g. /srv/mocek-spine/site (it is "site")',
        '  - CONTENT_GIT_BRANCH must be a branch name such as main (it is "--force")',
        '  - CONTENT_GIT_REMOTE must be the name or URL of a git remote, such as origin (it is "-u x")',
      ].join("\n"),
    );
  });

  it("trusts one proxy by default and caps the whole site's requests", () => {
    expect(parseServerEnv({})).toMatchObject({ TRUSTED_PROXIES: 1, RATE_LIMIT_GLOBAL_MAX: 100 });
    expect(() => parseServerEnv({ TRUSTED_PROXIES: "0" })).toThrow('TRUSTED_PROXIES must be above 0 (it is "0")');
  });

  it("refuses a relative DATA_DIR in the standalone server, where it would sit inside the build output", () => {
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = "{}";
    try {
      expect(() => parseServerEnv({})).toThrow(/DATA_DIR must be an absolute path outside the app's folder when the standalone server runs/);
      expect(parseServerEnv({ DATA_DIR: "/var/lib/mocek-spine" }).DATA_DIR).toBe("/var/lib/mocek-spine");
    } finally {
      delete process.env.__NEXT_PRIVATE_STANDALONE_CONFIG;
    }
  });
});

describe("server environment with PostgreSQL", () => {
  it("requires the shared key when the database is shared", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "postgres://mocek@db.example:5432/mocek" })).toThrow(
      /APPOINTMENTS_KEY must be set when DATABASE_URL is: every server sharing the database must encrypt with the same key/,
    );
    expect(parseServerEnv({ DATABASE_URL: "postgres://mocek@db.example:5432/mocek", APPOINTMENTS_KEY: "k".repeat(44) }).DATABASE_URL).toBe(
      "postgres://mocek@db.example:5432/mocek",
    );
    expect(() => parseServerEnv({ DATABASE_URL: "mysql://db" })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });
});

describe("server environment errors", () => {
  it("never print a secret or a password, even of a mistyped setting", () => {
    let message = "";
    try {
      parseServerEnv({ SMTP_URL: "smtsp://clinic:Hunter2Secret@mail.example.com", OUTBOX_DRAIN_TOKEN: "short-secret" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('SMTP_URL must be an smtp:// or smtps:// URL (it is "smtsp://…@mail.example.com")');
    expect(message).toContain("OUTBOX_DRAIN_TOKEN must be at least 32 characters");
    expect(message).not.toMatch(/Hunter2Secret|short-secret/);
  });
});

describe("the sender of staff notifications (MAIL_FROM)", () => {
  const notificationsOn = { SMTP_URL: "smtp://mail.example.com", STAFF_NOTIFY_EMAIL: "staff@example.com" };

  it("must be set when notifications are on, and the error names it", () => {
    expect(() => parseServerEnv(notificationsOn)).toThrow(
      /- MAIL_FROM must be set when staff notifications are on \(SMTP_URL and STAFF_NOTIFY_EMAIL are set\)/,
    );
  });

  it("is not needed when notifications are off, and has no made-up default", () => {
    expect(parseServerEnv({ SMTP_URL: "smtp://mail.example.com" }).MAIL_FROM).toBeUndefined();
    expect(parseServerEnv({}).MAIL_FROM).toBeUndefined();
  });

  it("takes an address or Name <address>", () => {
    for (const from of ["website@mocekspine.com", "Mocek Spine website <website@mocekspine.com>", '"Mocek, Spine" <a@example.com>']) {
      expect(parseServerEnv({ ...notificationsOn, MAIL_FROM: from }).MAIL_FROM).toBe(from);
    }
  });

  it("refuses what is not one sender: no address, two addresses, a line break", () => {
    for (const from of ["Mocek Spine", "website@", "a@example.com, b@example.com", "Site <a@example.com>\r\nBcc: x@example.com", "<>"]) {
      expect(() => parseServerEnv({ ...notificationsOn, MAIL_FROM: from }), from).toThrow(/MAIL_FROM must be an email address or "Name <address>"/);
    }
  });
});
