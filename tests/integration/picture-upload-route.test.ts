// @vitest-environment node
/**
 * The editor's picture upload as the server answers it (app/staff/pages/[slug]/pictures/route.ts, behind proxy.ts):
 * for staff who edit pages, from the site's own pages, at most 10 MB (refused without reading it all first), the
 * picture judged by lib/publishing/pictures.ts, kept with the page's draft, audited; the answer JSON the editor
 * reads, or a sentence the staff member can act on.
 */
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config";
import type { PublishingService } from "@/lib/publishing/service";
import { MAX_UPLOAD_BYTES, UPLOAD_POST_MAX_BYTES } from "@/lib/publishing/picture-upload-form";
import { refuseStaffPost } from "@/lib/staff/post-guard";
import { ana, publishingFixture } from "@/tests/support/publishing";
import { signInOnServer } from "@/tests/support/signed-in-server";
import { TEST_SITE_URL } from "@/tests/support/staff";
import type { Cleanups } from "@/tests/support/test-stores";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));

const { POST } = await import("@/app/staff/pages/[slug]/pictures/route");

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const publishingGlobal = globalThis as typeof globalThis & { __publishingService?: Promise<PublishingService> };

async function signedIn(grant: Parameters<typeof signInOnServer>[3] = {}) {
  const { context } = await signInOnServer(cleanups, request, undefined, grant);
  const fixture = await publishingFixture(cleanups);
  publishingGlobal.__publishingService = Promise.resolve(fixture.service);
  cleanups.push(() => void (publishingGlobal.__publishingService = undefined));
  return { context, ...fixture };
}

const UPLOAD_ADDRESS = `${TEST_SITE_URL}/staff/pages/privacy/pictures`;

function uploadOf(file: Blob, name: string, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  form.append("picture", file, name);
  return new Request(UPLOAD_ADDRESS, { method: "POST", headers: { ...Object.fromEntries(request.headers), ...headers }, body: form });
}

const send = (upload: Request, slug = "privacy") => POST(upload, { params: Promise.resolve({ slug }) });

const photo = () => sharp({ create: { width: 1200, height: 900, channels: 3, background: "#6a8caf" } }).jpeg().toBuffer();

describe("uploading a picture from the editor", () => {
  it("keeps the picture with the page's draft and answers its address and size; the upload is audited", async () => {
    const { context, service } = await signedIn();
    const response = await send(uploadOf(new Blob([new Uint8Array(await photo())], { type: "image/jpeg" }), "Front Desk.jpg"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const answer = (await response.json()) as { src: string; width: number; height: number };
    expect(answer).toEqual({ src: expect.stringMatching(/^\/images\/front-desk-[0-9a-f]{8}\.jpg$/), width: 1200, height: 900 });
    expect((await service.readDraft("content/privacy.mdx", ana))?.pictures).toEqual([answer.src]);
    const audit = await context.store.listAudit({ limit: 5 });
    expect(audit.map((entry) => entry.action)).toContain("page-picture-upload");
  });

  it("answers what preparePicture says of a file that is not a picture, and keeps nothing", async () => {
    const { service } = await signedIn();
    const response = await send(uploadOf(new Blob(["<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"]), "logo.jpg"));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: '"logo.jpg" is an SVG drawing, which can carry code: upload a photo or picture saved as JPEG, PNG or WebP instead' });
    expect((await service.readDraft("content/privacy.mdx", ana))?.pictures).toEqual([]);
  });

  it("refuses a post without a picture, and a page that does not exist", async () => {
    await signedIn();
    const empty = await send(new Request(UPLOAD_ADDRESS, { method: "POST", headers: request.headers, body: new FormData() }));
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { message: string }).message).toContain("Choose a picture");
    const nowhere = await send(uploadOf(new Blob([new Uint8Array(await photo())]), "a.jpg"), "no-such-page");
    expect(nowhere.status).toBe(404);
  });

  it("refuses more than 10 MB with a 413 and stops reading there: a declared length at once, a chunked one at the limit", async () => {
    await signedIn();
    const declared = await send(uploadOf(new Blob([new Uint8Array(1024)]), "big.jpg", { "content-length": String(UPLOAD_POST_MAX_BYTES + 1) }));
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { message: string }).message).toContain("at most 10 MB");

    let pulled = 0;
    const chunk = new Uint8Array(256 * 1024);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const chunked = await send(
      new Request(UPLOAD_ADDRESS, { method: "POST", headers: { ...Object.fromEntries(request.headers), "content-type": "multipart/form-data; boundary=x" }, body: endless, duplex: "half" } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(UPLOAD_POST_MAX_BYTES + 2 * chunk.length);
  });

  it("is refused with 403 to staff who may not edit pages, and keeps nothing", async () => {
    // next.config.ts switches forbidden() on; Next passes it to the server as this variable.
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    cleanups.push(() => void vi.unstubAllEnvs());
    const { service } = await signedIn({ edit: false, review: true, physician: "Dr. Ada Mocek" });
    await expect(send(uploadOf(new Blob([new Uint8Array(await photo())]), "a.jpg"))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    expect((await service.readDraft("content/privacy.mdx", { ...ana, abilities: ["review"] }))?.pictures).toEqual([]);
  });
});

describe("the proxy in front of the upload", () => {
  const post = (headers: Record<string, string>, path = "/staff/pages/privacy/pictures") =>
    new Request(`${TEST_SITE_URL}${path}`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", ...headers }, body: "--x--" });

  it("lets a 10 MB picture through to the route (the staff forms' own limit is far smaller), and no more", async () => {
    expect(await refuseStaffPost(post({ origin: TEST_SITE_URL, "content-length": String(UPLOAD_POST_MAX_BYTES) }), TEST_SITE_URL)).toBeUndefined();
    expect(await refuseStaffPost(post({ origin: TEST_SITE_URL, "content-length": String(UPLOAD_POST_MAX_BYTES + 1) }), TEST_SITE_URL)).toMatchObject({
      status: 413,
      message: expect.stringContaining("at most 10 MB"),
    });
    // Another staff address keeps the forms' limit.
    expect(await refuseStaffPost(post({ origin: TEST_SITE_URL, "content-length": String(UPLOAD_POST_MAX_BYTES) }, "/staff/users"), TEST_SITE_URL)).toMatchObject({ status: 413 });
    // Next hands a proxied request's body on only up to this size: a whole 10 MB picture must fit.
    expect((await nextConfig(PHASE_PRODUCTION_SERVER)).experimental?.proxyClientMaxBodySize).toBe(UPLOAD_POST_MAX_BYTES);
    expect(UPLOAD_POST_MAX_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
  });

  it("refuses an upload from another website", async () => {
    expect(await refuseStaffPost(post({ origin: "https://attacker.example", "content-length": "100" }), TEST_SITE_URL)).toMatchObject({ status: 403 });
    expect(await refuseStaffPost(post({ "content-length": "100" }), TEST_SITE_URL)).toMatchObject({ status: 403 });
  });
});
