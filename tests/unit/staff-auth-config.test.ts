import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { describe, expect, it } from "vitest";
import { createStaffAuth, SESSION_HOURS } from "@/lib/staff/auth-config";

const secrets = [{ version: 1, value: randomBytes(32).toString("base64") }];
const database = () => ({ db: new Kysely({ dialect: new SqliteDialect({ database: new Database(":memory:") }) }), type: "sqlite" as const });

describe("the staff session cookie", () => {
  it("is Secure behind HTTPS, HttpOnly, SameSite=Lax and sent to /staff only", async () => {
    const context = await createStaffAuth(database(), { baseURL: "https://www.mocekspine.example", secrets }).$context;
    const cookie = context.authCookies.sessionToken;
    expect(cookie.name).toBe("__Secure-mocek-staff.session_token");
    expect(cookie.attributes).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/staff" });
  });

  it("is not Secure on a plain-http address (a developer's machine), where a Secure cookie would never come back", async () => {
    const context = await createStaffAuth(database(), { baseURL: "http://localhost:3000", secrets }).$context;
    expect(context.authCookies.sessionToken.attributes).toMatchObject({ secure: false, httpOnly: true, sameSite: "lax", path: "/staff" });
  });

  it("lives 12 hours at most, never extended by activity, and nobody can sign up", async () => {
    const { options } = await createStaffAuth(database(), { baseURL: "https://www.mocekspine.example", secrets }).$context;
    expect(options.session).toMatchObject({ expiresIn: SESSION_HOURS * 3600, disableSessionRefresh: true });
    expect(SESSION_HOURS).toBe(12);
    expect(options.emailAndPassword).toMatchObject({ disableSignUp: true, minPasswordLength: 12 });
    expect(options.telemetry).toEqual({ enabled: false });
  });
});
