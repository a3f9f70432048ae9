// @vitest-environment node
/**
 * The clinic's facts form (app/staff/pages/clinic): the page shows each fact with the schema's limits, and its
 * action saves the change as a draft of content/clinic.yaml through the publishing core, changing only the lines
 * that changed; what the build would refuse comes back at its field, and nothing is saved. Rendered as the server
 * runs it, on a real store with a real session; the publishing core's save is watched, as the draft store.
 */
import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { signInOnServer } from "@/tests/support/signed-in-server";
import type { Cleanups } from "@/tests/support/test-stores";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
const drafts = vi.hoisted(() => ({ saved: [] as { source: string; email: string }[] }));
vi.mock("@/lib/publishing/adapters", async (original) => {
  const actual = await original<typeof import("@/lib/publishing/adapters")>();
  return {
    ...actual,
    saveClinicFactsDraft: async (source: string, staff: { user: { email: string } }) => {
      drafts.saved.push({ source, email: staff.user.email });
      return { saved: true };
    },
  };
});

const { default: ClinicFactsPage } = await import("@/app/staff/pages/clinic/page");
const { saveClinicFactsAction } = await import("@/app/staff/pages/clinic/actions");

const cleanups: Cleanups = [];
afterEach(async () => {
  drafts.saved = [];
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const TODAY = fs.readFileSync(path.join(process.cwd(), "content/clinic.yaml"), "utf8");

const signedIn = () => signInOnServer(cleanups, request);

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

  it("saves a change as a draft of content/clinic.yaml, changing its one line", async () => {
    await signedIn();
    const state = await saveClinicFactsAction({}, posted({ phone: "501.224.4002" }));
    expect(state.saved).toBe(true);
    expect(drafts.saved).toHaveLength(1);
    expect(drafts.saved[0]!.email).toBe("eda@clinic.example");
    expect(drafts.saved[0]!.source).toBe(TODAY.replace("phone: 501.224.4001", "phone: 501.224.4002"));
  });

  it("saves nothing when nothing changed, and says so", async () => {
    await signedIn();
    const state = await saveClinicFactsAction({}, posted({}));
    expect(state.message).toBe("Nothing changed: the clinic's facts are as they were.");
    expect(drafts.saved).toEqual([]);
  });

  it("refuses an example value at its field, keeps what was typed, and saves nothing", async () => {
    await signedIn();
    const state = await saveClinicFactsAction({}, posted({ "physicians.0.name": "Dr. Example Name", "physicians.0.credentials": "MD" }));
    expect(state.errors?.["physicians.0.name"]).toMatch(/an example, not the clinic's/);
    expect(state.values?.physicians[0]?.name).toBe("Dr. Example Name");
    expect(drafts.saved).toEqual([]);
  });

  it("is refused with 403 to staff who may not edit pages (the form and its action), and saves nothing", async () => {
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    cleanups.push(() => void vi.unstubAllEnvs());
    await signInOnServer(cleanups, request, { name: "Dr. Ada Mocek", email: "ada@clinic.example" }, { edit: false, review: true, physician: "Dr. Ada Mocek" });
    await expect(ClinicFactsPage()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    await expect(saveClinicFactsAction({}, posted({ name: "Mocek Spine Center" }))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    expect(drafts.saved).toEqual([]);
  });

  it("sends a signed-out visitor to sign-in, and saves nothing", async () => {
    await signedIn();
    request.headers = new Headers();
    await expect(saveClinicFactsAction({}, posted({ phone: "501.224.4002" }))).rejects.toThrow(/NEXT_REDIRECT/);
    await expect(ClinicFactsPage()).rejects.toThrow(/NEXT_REDIRECT/);
    expect(drafts.saved).toEqual([]);
  });
});
