// @vitest-environment node
/**
 * The guards every staff page and action passes, as the server runs them: the inbox's own pages render here on a
 * real store with a real session; only the request's headers are set by the test, as a browser would send them.
 *
 * A page on another website cannot make the inbox open a patient's details, or write "viewed a request" or
 * "searched by name" into the audit log in a staff member's name: the session cookie (SameSite=Lax) comes with a
 * link followed from anywhere, so the inbox judges where the visit came from (Sec-Fetch-Site, else the referrer).
 * And a staff member's attempt at what only admins may do is refused, and recorded; so is an attempt at what needs
 * an ability the account does not hold (edit, review), answered 403 rather than redirected.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { parseServerEnv } from "@/lib/env";
import { setLogDestination } from "@/lib/log";
import type { StaffContext } from "@/lib/staff/context";
import { signedInStaff, testStaffContext } from "@/tests/support/staff";
import { openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
// The users page's actions refresh it (revalidatePath), which needs Next's request store; the pages render anew here anyway.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// Every opening of a sealed value, counted: "decrypts nothing" is checked, not assumed.
const crypto = vi.hoisted(() => ({ decryptions: 0 }));
vi.mock("@/lib/appointments/crypto", async (original) => {
  const actual = await original<typeof import("@/lib/appointments/crypto")>();
  return {
    ...actual,
    decryptField: (...args: Parameters<typeof actual.decryptField>) => {
      crypto.decryptions += 1;
      return actual.decryptField(...args);
    },
  };
});

const { default: RequestPage } = await import("@/app/staff/requests/[reference]/page");
const { default: RequestsPage } = await import("@/app/staff/requests/page");
const { searchRequestsAction } = await import("@/app/staff/requests/actions");
const { default: UsersPage } = await import("@/app/staff/users/page");
const { default: AuditPage } = await import("@/app/staff/audit/page");
const { addUserAction, userAction, purgeAction, abilitiesAction } = await import("@/app/staff/users/actions");
const { default: PagesPage } = await import("@/app/staff/pages/page");
const { POST: postRequestsExport } = await import("@/app/staff/export/requests/route");
const { POST: postAuditExport } = await import("@/app/staff/export/audit/route");

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const staffGlobal = globalThis as typeof globalThis & { __staffContext?: Promise<StaffContext> };
const PATIENT = { fullName: "Philippa Crosssite-Audittest", phone: "(501) 555-0174", bestTime: "morning", acknowledged: "on" };
const SITE = "https://clinic.example";

/** The inbox on a fresh store, one signed-in staff member, one patient's request. */
async function inboxWithOneRequest() {
  setLogDestination({ write: () => undefined });
  cleanups.push(() => setLogDestination(undefined));
  const context = testStaffContext(await openTestSqliteStore(cleanups));
  staffGlobal.__staffContext = Promise.resolve(context);
  cleanups.push(() => void (staffGlobal.__staffContext = undefined));
  const desk = await signedInStaff(context, { name: "Dee Desk", email: "dee@clinic.example" });
  const submitted = await submitAppointmentRequest(
    { store: context.store, keys: context.keys, env: parseServerEnv({ DATA_DIR: "/nowhere" }), outbox: undefined },
    PATIENT,
    { clientAddress: "192.0.2.51" },
  );
  return { context, desk, reference: (submitted as { reference: string }).reference };
}

/** The next request comes with the person's cookie and these headers, as their browser sends them. */
function browserSends(cookie: string, headers: Record<string, string>) {
  request.headers = new Headers({ cookie, "x-forwarded-for": "203.0.113.77", ...headers });
  crypto.decryptions = 0;
}

const auditActions = async (context: StaffContext) => (await context.store.listAudit({ limit: 100 })).map((entry) => entry.action);

const requestPage = async (reference: string) =>
  renderToStaticMarkup(await RequestPage({ params: Promise.resolve({ reference }), searchParams: Promise.resolve({}) }));

beforeEach(() => {
  crypto.decryptions = 0;
});

describe("a request's page", () => {
  it("followed from another website: opens nothing, records nothing, and offers the request one tap away", async () => {
    const { context, desk, reference } = await inboxWithOneRequest();
    const fromElsewhere: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, {}, { referer: "https://attacker.example/" }];
    for (const headers of fromElsewhere) {
      browserSends(desk.cookie, headers);
      const html = await requestPage(reference);
      expect(html, JSON.stringify(headers)).not.toContain(PATIENT.fullName);
      expect(html).toContain(`href="/staff/requests/${reference}"`);
      expect(html).toContain(`Open request ${reference}`);
      expect(crypto.decryptions).toBe(0);
    }
    expect(await auditActions(context)).toEqual([]);
  });

  it("opened from the inbox, a bookmark or a mail app: shows the patient and records exactly one view", async () => {
    const { context, desk, reference } = await inboxWithOneRequest();
    const fromTheInbox: Record<string, string>[] = [{ "sec-fetch-site": "same-origin" }, { "sec-fetch-site": "none" }, { referer: `${SITE}/staff/requests/${reference}` }];
    for (const headers of fromTheInbox) {
      browserSends(desk.cookie, headers);
      const before = (await auditActions(context)).length;
      const html = await requestPage(reference);
      expect(html, JSON.stringify(headers)).toContain(PATIENT.fullName);
      expect(crypto.decryptions).toBeGreaterThan(0);
      const entries = await context.store.listAudit({ limit: 100 });
      expect(entries.length - before).toBe(1);
      expect(entries[0]).toMatchObject({ action: "request-view", reference, actorId: desk.id, actorEmail: "dee@clinic.example" });
    }
  });
});

describe("the list of requests", () => {
  it("with a name in its address (?q=), from anywhere: never searches names, decrypts nothing, records nothing", async () => {
    const { context, desk, reference } = await inboxWithOneRequest();
    for (const headers of [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-origin" }]) {
      browserSends(desk.cookie, headers);
      const html = renderToStaticMarkup(await RequestsPage({ searchParams: Promise.resolve({ q: "Philippa" }) }));
      expect(html).toContain(reference);
      expect(crypto.decryptions).toBe(0);
    }
    expect(await auditActions(context)).toEqual([]);
  });
});

describe("the search by name", () => {
  const search = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return searchRequestsAction({}, form);
  };

  it("is a post from the inbox's own page: it finds by part of a name and records the search once, with the references found", async () => {
    const { context, desk, reference } = await inboxWithOneRequest();
    browserSends(desk.cookie, { "sec-fetch-site": "same-origin", origin: SITE });
    const answer = await search({ status: "", q: "crosssite" });
    expect(answer.rows?.map((row) => row.reference)).toEqual([reference]);
    expect(answer.filter).toEqual({ q: "crosssite" });
    // The answer lists references and times: the name stays on the server.
    expect(JSON.stringify(answer.rows)).not.toContain("Philippa");
    const entries = await context.store.listAudit({ limit: 100 });
    expect(entries.map((entry) => [entry.action, entry.detail, entry.actorId])).toEqual([["requests-search", `1 found: ${reference}`, desk.id]]);
    expect(JSON.stringify(entries)).not.toContain("crosssite");
  });

  it("by reference, or with too few letters, opens no name and records nothing", async () => {
    const { context, desk, reference } = await inboxWithOneRequest();
    browserSends(desk.cookie, { "sec-fetch-site": "same-origin", origin: SITE });
    expect((await search({ q: reference.slice(3).toLowerCase() })).rows?.map((row) => row.reference)).toEqual([reference]);
    expect(await search({ q: "ph" })).toMatchObject({ rows: [], searchTooShort: true });
    expect(crypto.decryptions).toBe(0);
    expect(await auditActions(context)).toEqual([]);
  });

  it("cannot be made from another website, even if the post got past the proxy", async () => {
    const { context, desk } = await inboxWithOneRequest();
    browserSends(desk.cookie, { "sec-fetch-site": "cross-site", origin: "https://attacker.example" });
    await expect(search({ q: "Philippa" })).rejects.toThrow("must not open patients' details");
    expect(crypto.decryptions).toBe(0);
    expect(await auditActions(context)).toEqual([]);
  });
});

describe("what only admins may do, asked by a staff member", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return data;
  };
  const exportPost = (path: string) =>
    new Request(`${SITE}${path}`, { method: "POST", headers: request.headers, body: new URLSearchParams() });

  it("is refused, and each refusal is in the audit log with who and what", async () => {
    vi.stubEnv("SITE_URL", SITE);
    cleanups.push(() => void vi.unstubAllEnvs());
    const { context, desk } = await inboxWithOneRequest();
    browserSends(desk.cookie, { "sec-fetch-site": "same-origin", origin: SITE });
    const toTheInbox = "NEXT_REDIRECT";
    await expect(UsersPage()).rejects.toThrow(toTheInbox);
    await expect(AuditPage({ searchParams: Promise.resolve({}) })).rejects.toThrow(toTheInbox);
    await expect(addUserAction({}, form({ email: "new@clinic.example", name: "New", role: "admin" }))).rejects.toThrow(toTheInbox);
    await expect(userAction({}, form({ intent: "disable", email: "boss@clinic.example", confirmed: "yes" }))).rejects.toThrow(toTheInbox);
    await expect(purgeAction({}, form({ olderThanDays: "1", confirm: "DELETE" }))).rejects.toThrow(toTheInbox);
    expect((await postRequestsExport(exportPost("/staff/export/requests"))).status).toBe(403);
    expect((await postAuditExport(exportPost("/staff/export/audit"))).status).toBe(403);

    const entries = (await context.store.listAudit({ limit: 100 })).reverse();
    expect(entries.map((entry) => [entry.action, entry.detail])).toEqual([
      ["admin-refused", "open the users page"],
      ["admin-refused", "open the audit log"],
      ["admin-refused", "add a user"],
      ["admin-refused", "disable a user's account"],
      ["admin-refused", "purge old requests"],
      ["admin-refused", "export every request (CSV)"],
      ["admin-refused", "export the audit log (CSV)"],
    ]);
    for (const entry of entries) expect(entry).toMatchObject({ actorId: desk.id, actorEmail: "dee@clinic.example", ipHash: expect.any(String) });
    // Nothing an admin action would have done happened.
    expect((await context.store.listInbox({})).length).toBe(1);
    expect(JSON.stringify(entries)).not.toContain("new@clinic.example");
  });

  it("is not recorded for a link to an admin page followed from another website (the person did not ask)", async () => {
    const { context, desk } = await inboxWithOneRequest();
    browserSends(desk.cookie, { "sec-fetch-site": "cross-site" });
    await expect(UsersPage()).rejects.toThrow("NEXT_REDIRECT");
    await expect(AuditPage({ searchParams: Promise.resolve({}) })).rejects.toThrow("NEXT_REDIRECT");
    expect(await auditActions(context)).toEqual([]);
  });
});

describe("what needs an ability (editing, clinical review)", () => {
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
    return data;
  };
  // Next answers forbidden() with the 403 page (app/staff/forbidden.tsx); the digest is how it knows the error.
  const FORBIDDEN = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;403" });
  beforeEach(() => {
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    cleanups.push(() => void vi.unstubAllEnvs());
  });

  it("is refused with 403 to a staff member without it, audited with who and what; an admin's grant lets them in", async () => {
    vi.stubEnv("SITE_URL", SITE);
    const { context, desk } = await inboxWithOneRequest();
    const boss = await signedInStaff(context, { name: "Bo Boss", email: "boss@clinic.example", role: "admin" });
    browserSends(desk.cookie, { "sec-fetch-site": "same-origin", origin: SITE });
    await expect(PagesPage()).rejects.toEqual(FORBIDDEN);
    // Nor may they grant it to themselves.
    await expect(abilitiesAction({}, form({ email: "dee@clinic.example", can: "edit" }))).rejects.toThrow("NEXT_REDIRECT");
    expect((await context.store.listAudit({ limit: 100 })).reverse().map((entry) => [entry.action, entry.actorEmail, entry.detail])).toEqual([
      ["ability-refused", "dee@clinic.example", "edit or review: open the pages"],
      ["admin-refused", "dee@clinic.example", "change what a user may do to the website's pages"],
    ]);

    browserSends(boss.cookie, { "sec-fetch-site": "same-origin", origin: SITE });
    expect(await abilitiesAction({}, form({ email: "dee@clinic.example", can: ["edit"], physician: "" }))).toEqual({
      done: "Saved: dee@clinic.example may now edit pages.",
    });
    expect(await abilitiesAction({}, form({ email: "dee@clinic.example", can: ["edit", "write"] }))).toEqual({
      error: 'Not saved: "write" is not an ability: choose from edit, review.',
    });

    browserSends(desk.cookie, { "sec-fetch-site": "same-origin", origin: SITE });
    const page = renderToStaticMarkup(await PagesPage());
    expect(page).toContain("<h1");
    expect(page).toMatch(/<a[^>]*href="\/staff\/pages"[^>]*aria-current="page"[^>]*>Pages<\/a>/);
    const granted = (await context.store.listAudit({ limit: 100 })).filter((entry) => entry.action === "user-abilities");
    expect(granted).toEqual([expect.objectContaining({ actorId: boss.id, detail: "dee@clinic.example: edit", ipHash: expect.any(String) })]);
  });

  it("shows Pages in the staff menu only to those who may edit or review", async () => {
    const { context, desk } = await inboxWithOneRequest();
    browserSends(desk.cookie, { "sec-fetch-site": "same-origin" });
    const menu = async () => renderToStaticMarkup(await RequestsPage({ searchParams: Promise.resolve({}) }));
    expect(await menu()).not.toContain('href="/staff/pages"');
    await context.store.setStaffAbilities({ userId: desk.id, edit: false, review: true, physician: "Dr. Ada Mocek" }, new Date().toISOString());
    expect(await menu()).toContain('href="/staff/pages"');
  });

  it("is not recorded for a link followed from another website, and still refused", async () => {
    const { context, desk } = await inboxWithOneRequest();
    browserSends(desk.cookie, { "sec-fetch-site": "cross-site" });
    await expect(PagesPage()).rejects.toEqual(FORBIDDEN);
    expect(await auditActions(context)).toEqual([]);
  });
});
