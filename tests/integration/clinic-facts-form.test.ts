// @vitest-environment node
/**
 * The clinic's facts form (app/staff/clinic-facts): the page shows each fact with the schema's limits, and its
 * action saves the change as a draft of content/clinic.yaml through the publishing core, changing only the lines
 * that changed; what the build would refuse comes back at its field, and nothing is saved. Rendered as the server
 * runs it, on a real store with a real session, and the publishing service on a throwaway copy of the site's
 * repository: a save made by someone else since the form was shown is refused at the form, the typed text kept.
 */
import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PublishingService } from "@/lib/publishing/service";
import { ben, publishingFixture } from "@/tests/support/publishing";
import { signInOnServer } from "@/tests/support/signed-in-server";
import type { Cleanups } from "@/tests/support/test-stores";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
const { default: ClinicFactsPage } = await import("@/app/staff/clinic-facts/page");
const { saveClinicFactsAction } = await import("@/app/staff/clinic-facts/actions");

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CLINIC = "content/clinic.yaml";
const TODAY = fs.readFileSync(path.join(process.cwd(), CLINIC), "utf8");
const publishingGlobal = globalThis as typeof globalThis & { __publishingService?: Promise<PublishingService> };

/** A signed-in editor, and the server's publishing service. */
async function signedIn() {
  await signInOnServer(cleanups, request);
  return withPublishing();
}

/** The server's publishing service on a repository whose clinic.yaml is today's. */
async function withPublishing() {
  const fixture = await publishingFixture(cleanups, { files: { [CLINIC]: TODAY } });
  publishingGlobal.__publishingService = Promise.resolve(fixture.service);
  cleanups.push(() => void (publishingGlobal.__publishingService = undefined));
  return fixture;
}

/** The open draft of the clinic's facts, if anyone started one. */
const draftOf = async (service: PublishingService) => (await service.readDraft(CLINIC, ben))?.version ?? null;

/** The form as a browser posts it, with these fields changed. */
function posted(changes: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries({ name: "Mocek Spine", phone: "501.224.4001", ...changes })) data.set(name, value);
  return data;
}

describe("the clinic's facts form", () => {
  it("shows each fact, with the schema's limits on the fields", async () => {
    await signedIn();
    const html = renderToStaticMarkup(await ClinicFactsPage());
    expect(html).toMatch(/<input[^>]*name="name"[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*name="name")(?=[^>]*value="Mocek Spine")(?=[^>]*maxLength="60")(?=[^>]*minLength="2")[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*name="physicians\.0\.name")(?=[^>]*maxLength="80")[^>]*>/);
    expect(html).toMatch(/<form[^>]*action=/);
  });

  it("shows the facts only the clinic can give before launch: email, the notices, the Medicare answer (not known yet), the call-back and the call times", async () => {
    await signedIn();
    const html = renderToStaticMarkup(await ClinicFactsPage());
    for (const name of ["email", "notices.privacyPractices", "notices.civilRightsContact.name", "notices.civilRightsContact.phone", "notices.civilRightsContact.email", "notices.civilRightsContact.address", "notices.languageTaglines", "callBack.withinBusinessDays", "callBack.from"]) {
      expect(html).toMatch(new RegExp(`<input[^>]*name="${name.replaceAll(".", "\\.")}"[^>]*>`));
    }
    expect(html).toMatch(/<input(?=[^>]*name="notices\.civilRightsContact\.name")(?=[^>]*maxLength="100")[^>]*>/);
    // Three answers, "not known yet" chosen while clinic.yaml gives none.
    expect(html.match(/<input[^>]*type="radio"[^>]*name="medicareStudy"[^>]*>/g)).toHaveLength(3);
    expect(html).toMatch(/<input(?=[^>]*name="medicareStudy")(?=[^>]*value="")(?=[^>]*checked="")[^>]*>Not known yet/);
    expect(html).toMatch(/<input(?=[^>]*name="medicareStudy")(?=[^>]*value="takes-part")[^>]*>We take part in a Medicare-approved MILD study/);
    // The call times the appointment form may offer, none ticked.
    expect([...html.matchAll(/<input[^>]*type="checkbox"[^>]*name="callTimes"[^>]*value="(\w+)"[^>]*>(\w+)/g)].map((match) => [match[1], match[2]])).toEqual([
      ["morning", "Morning"],
      ["afternoon", "Afternoon"],
      ["evening", "Evening"],
    ]);
    expect(html).not.toMatch(/<input(?=[^>]*name="callTimes")(?=[^>]*checked)[^>]*>/);
  });

  it("saves the Medicare answer, the call-back and the call times below the rest of the file, and shows them checked", async () => {
    const { service } = await signedIn();
    const data = posted({ medicareStudy: "does-not-take-part", "callBack.withinBusinessDays": "2", "callBack.from": "501.224.4001", "notices.civilRightsContact.name": "Sam Testperson" });
    data.append("callTimes", "morning");
    data.append("callTimes", "evening");
    expect(await saveClinicFactsAction({}, data)).toMatchObject({ saved: true, version: 2 });
    const { draft } = await service.openDraft(CLINIC, ben);
    expect(draft.source).toBe(
      `${TODAY.trimEnd()}\nnotices:\n  civilRightsContact:\n    name: Sam Testperson\nmedicareStudy: does-not-take-part\ncallBack:\n  withinBusinessDays: 2\n  from: 501.224.4001\ncallTimes: [morning, evening]\n`,
    );
    const html = renderToStaticMarkup(await ClinicFactsPage());
    expect(html).toMatch(/<input(?=[^>]*name="medicareStudy")(?=[^>]*value="does-not-take-part")(?=[^>]*checked="")[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*name="callTimes")(?=[^>]*value="evening")(?=[^>]*checked="")[^>]*>/);
    expect(html).not.toMatch(/<input(?=[^>]*name="callTimes")(?=[^>]*value="afternoon")(?=[^>]*checked="")[^>]*>/);
  });

  it("refuses a call-back that is not a number of days, or from an example number, at its field, and saves nothing", async () => {
    const { service } = await signedIn();
    const state = await saveClinicFactsAction({}, posted({ "callBack.withinBusinessDays": "tomorrow", "callBack.from": "501.555.0123" }));
    expect(state.errors).toMatchObject({
      "callBack.withinBusinessDays": "must be a whole number of business days, e.g. 1",
      "callBack.from": expect.stringMatching(/555-01xx number/),
    });
    expect(state.values?.callBack).toEqual({ withinBusinessDays: "tomorrow", from: "501.555.0123" });
    expect(await draftOf(service)).toBeNull();
  });

  it("saves a change as a draft of content/clinic.yaml in the editor's name, changing its one line; the next save goes on top", async () => {
    const { service } = await signedIn();
    const state = await saveClinicFactsAction({}, posted({ phone: "501.224.4002" }));
    expect(state).toMatchObject({ saved: true, version: 2 });
    const { draft } = await service.openDraft(CLINIC, ben);
    expect(draft).toMatchObject({ version: 2, savedBy: { name: "Eda Editor" }, source: TODAY.replace("phone: 501.224.4001", "phone: 501.224.4002") });
    // The form shows the draft (and its version) from now on.
    const html = renderToStaticMarkup(await ClinicFactsPage());
    expect(html).toMatch(/<input(?=[^>]*name="phone")(?=[^>]*value="501.224.4002")[^>]*>/);
    expect(html).toMatch(/<input(?=[^>]*type="hidden")(?=[^>]*name="baseVersion")(?=[^>]*value="2")[^>]*>/);
    const again = await saveClinicFactsAction({}, posted({ phone: "501.224.4003", baseVersion: "2" }));
    expect(again).toMatchObject({ saved: true, version: 3 });
  });

  it("refuses a save over someone else's newer one at the form, keeps what was typed, and overwrites nothing", async () => {
    const { service } = await signedIn();
    // The form was shown (no draft yet); meanwhile Ben saved a draft of the facts.
    const { draft } = await service.openDraft(CLINIC, ben);
    await service.saveDraft({ path: CLINIC, source: TODAY.replace("phone: 501.224.4001", "phone: 501.224.4009"), baseVersion: draft.version }, ben);
    const state = await saveClinicFactsAction({}, posted({ phone: "501.224.4002" }));
    expect(state.saved).toBeUndefined();
    expect(state.message).toMatch(/^Ben Okafor saved .*your changes were not saved and are kept here/);
    expect(state.values).toMatchObject({ phone: "501.224.4002" });
    expect((await service.openDraft(CLINIC, ben)).draft).toMatchObject({ version: 2, source: expect.stringContaining("phone: 501.224.4009") });

    // A form shown at version 2 while Ben saved version 3: refused the same way.
    await service.saveDraft({ path: CLINIC, source: TODAY.replace("phone: 501.224.4001", "phone: 501.224.4008"), baseVersion: 2 }, ben);
    const stale = await saveClinicFactsAction({}, posted({ phone: "501.224.4002", baseVersion: "2" }));
    expect(stale.message).toMatch(/^Ben Okafor saved a newer version .*kept here/);
    expect(await draftOf(service)).toBe(3);
  });

  it("says what to set on a server where the editor has no repository (CONTENT_GIT_REPOSITORY), and saves nothing", async () => {
    await signInOnServer(cleanups, request);
    expect(process.env.CONTENT_GIT_REPOSITORY).toBeUndefined();
    const html = renderToStaticMarkup(await ClinicFactsPage());
    expect(html).toContain("CONTENT_GIT_REPOSITORY is not set");
    expect(html).not.toContain('name="phone"');
    const state = await saveClinicFactsAction({}, posted({ phone: "501.224.4002" }));
    expect(state).toMatchObject({ values: { phone: "501.224.4002" }, message: expect.stringContaining("CONTENT_GIT_REPOSITORY is not set") });
  });

  it("saves nothing when nothing changed, and says so", async () => {
    const { service } = await signedIn();
    const state = await saveClinicFactsAction({}, posted({}));
    expect(state.message).toBe("Nothing changed: the clinic's facts are as they were.");
    expect(await draftOf(service)).toBeNull();
  });

  it("refuses an example value at its field, keeps what was typed, and saves nothing", async () => {
    const { service } = await signedIn();
    const state = await saveClinicFactsAction({}, posted({ "physicians.0.name": "Dr. Example Name", "physicians.0.credentials": "MD" }));
    expect(state.errors?.["physicians.0.name"]).toMatch(/an example, not the clinic's/);
    expect(state.values?.physicians[0]?.name).toBe("Dr. Example Name");
    expect(await draftOf(service)).toBeNull();
  });

  it("is refused with 403 to staff who may not edit pages (the form and its action), and saves nothing", async () => {
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    cleanups.push(() => void vi.unstubAllEnvs());
    const { service } = await withPublishing();
    await signInOnServer(cleanups, request, { name: "Dr. Ada Mocek", email: "ada@clinic.example" }, { edit: false, review: true, physician: "Dr. Ada Mocek" });
    await expect(ClinicFactsPage()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    await expect(saveClinicFactsAction({}, posted({ name: "Mocek Spine Center" }))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    expect(await draftOf(service)).toBeNull();
  });

  it("sends a signed-out visitor to sign-in, and saves nothing", async () => {
    const { service } = await signedIn();
    request.headers = new Headers();
    await expect(saveClinicFactsAction({}, posted({ phone: "501.224.4002" }))).rejects.toThrow(/NEXT_REDIRECT/);
    await expect(ClinicFactsPage()).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await draftOf(service)).toBeNull();
  });
});
