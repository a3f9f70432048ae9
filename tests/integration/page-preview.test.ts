// @vitest-environment node
/**
 * The preview of a draft (app/staff/pages/[slug]/preview): the page as patients will see it, rendered on the server
 * by the one function that renders the built pages, at phone or desktop width, for signed-in staff only, never
 * cached or indexed. The content check runs first: a draft with an error shows the error at its line, and none of
 * it runs. The pages render here as the server runs them, on a real store with a real session, and the publishing
 * service on a throwaway git repository holding the site's content: the preview shows the draft's latest save, else
 * the page at the branch's head, judged against the branch's content as every save is.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { renderToStaticMarkup } from "react-dom/server";
import sharp from "sharp";
import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config";
import { preparePicture } from "@/lib/publishing/pictures";
import type { PublishingService } from "@/lib/publishing/service";
import { ana, publishingFixture } from "@/tests/support/publishing";
import { signInOnServer } from "@/tests/support/signed-in-server";
import { developerCommit, gitIn } from "@/tests/support/throwaway-git";
import type { Cleanups } from "@/tests/support/test-stores";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
// Next matches a header rule's `source` with its copy of path-to-regexp, which has no types of its own.
const { pathToRegexp } = createRequire(import.meta.url)("next/dist/compiled/path-to-regexp") as { pathToRegexp: (source: string) => RegExp };

const { default: PreviewPage } = await import("@/app/staff/pages/[slug]/preview/page");
const { default: PreviewFramePage } = await import("@/app/staff/pages/[slug]/preview/frame/page");
const { GET: draftPictureGet } = await import("@/app/staff/pages/[slug]/pictures/[name]/route");

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const published = fs.readFileSync(path.join(process.cwd(), "content/benefits.mdx"), "utf8");
/** The benefits page with `words` added after its settings, on the line the function returns. */
function draftWith(words: string): { source: string; line: number } {
  const end = published.indexOf("\n---\n") + "\n---\n".length;
  return { source: `${published.slice(0, end)}\n${words}\n${published.slice(end)}`, line: published.slice(0, end).split("\n").length + 1 };
}

const publishingGlobal = globalThis as typeof globalThis & { __publishingService?: Promise<PublishingService> };

/** A signed-in editor, and the server's publishing service. */
async function signedIn() {
  await signInOnServer(cleanups, request);
  return withPublishing();
}

/** The server's publishing service on a throwaway copy of the site's repository. */
async function withPublishing() {
  const fixture = await publishingFixture(cleanups);
  publishingGlobal.__publishingService = Promise.resolve(fixture.service);
  cleanups.push(() => void (publishingGlobal.__publishingService = undefined));
  return fixture;
}

/** Saves `source` as the page's draft, as the editor does while someone types. */
async function saveDraft(service: PublishingService, slug: string, source: string) {
  const file = `content/${slug}.mdx`;
  const { draft } = await service.openDraft(file, ana);
  expect(await service.saveDraft({ path: file, source, baseVersion: draft.version }, ana)).toMatchObject({ status: "saved" });
}

const previewOf = async (slug: string, width?: string) =>
  renderToStaticMarkup(await PreviewPage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve(width ? { width } : {}) }));
const frameOf = async (slug: string) => renderToStaticMarkup(await PreviewFramePage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({}) }));

describe("the preview of a draft", () => {
  it("shows the draft as patients will see it, at phone width first, with a link to desktop width", async () => {
    const { service } = await signedIn();
    await saveDraft(service, "benefits", draftWith("A sentence only the draft has.").source);
    const phone = await previewOf("benefits");
    expect(phone).toMatch(/<iframe[^>]*src="\/staff\/pages\/benefits\/preview\/frame"[^>]*>/);
    expect(phone).toMatch(/<iframe[^>]*width="390"/);
    expect(phone).toMatch(/<a[^>]*href="\/staff\/pages\/benefits\/preview\?width=desktop"[^>]*>Desktop<\/a>/);
    expect(phone).toMatch(/<a[^>]*aria-current="page"[^>]*>Phone<\/a>/);
    expect(await previewOf("benefits", "desktop")).toMatch(/<iframe[^>]*width="1280"/);

    const frame = await frameOf("benefits");
    expect(frame).toContain("A sentence only the draft has.");
    expect(frame).toContain('id="main-content"');
  });

  it("previews the home page from its file, content/index.mdx", async () => {
    await signedIn();
    expect(await frameOf("index")).toContain("Take the private self-check");
  });

  it("shows a draft's errors at their lines, and renders none of it", async () => {
    const { service } = await signedIn();
    const probe = globalThis as { previewProbe?: number };
    const { source, line } = draftWith("MILD is risk-free.\n\n{globalThis.previewProbe = 1}\n\nA sentence only the draft has.");
    await saveDraft(service, "benefits", source);
    for (const html of [await previewOf("benefits"), await frameOf("benefits")]) {
      expect(html).toContain(`Line ${line}: do not write &quot;risk-free&quot;`);
      expect(html).toContain(`Line ${line + 2}: {globalThis.previewProbe = 1} is code`);
      expect(html).not.toContain("<iframe");
      expect(html).not.toContain("A sentence only the draft has.");
      expect(html).not.toContain("<footer");
    }
    expect(probe.previewProbe).toBeUndefined();
  });

  it("shows the page at the branch's head when nobody has a draft, and judges a draft against the branch's pages", async () => {
    const { service, repository } = await signedIn();
    developerCommit(repository, "content/benefits.mdx", draftWith("A sentence only the branch has.").source);
    expect(await frameOf("benefits")).toContain("A sentence only the branch has.");

    // The branch no longer has the privacy page (this checkout still does): a link to it is the draft's error.
    gitIn(repository, "rm", "--quiet", "content/privacy.mdx");
    gitIn(repository, "commit", "--quiet", "-m", "Developer: no privacy page");
    const { source, line } = draftWith("Read [our privacy notice](/privacy).");
    await saveDraft(service, "benefits", source);
    const html = await previewOf("benefits");
    expect(html).toMatch(new RegExp(`Line ${line}: [^<]*/privacy`));
    expect(html).not.toContain("<iframe");
  });

  it("says what to set on a server where the editor has no repository (CONTENT_GIT_REPOSITORY)", async () => {
    await signInOnServer(cleanups, request);
    expect(process.env.CONTENT_GIT_REPOSITORY).toBeUndefined();
    for (const html of [await previewOf("benefits"), await frameOf("benefits")]) {
      expect(html).toContain("CONTENT_GIT_REPOSITORY is not set");
      expect(html).not.toContain("<iframe");
    }
  });

  it("shows a title with <script> as text", async () => {
    const { service } = await signedIn();
    await saveDraft(service, "benefits", published.replace(/^title: .*$/m, 'title: "Benefits <script>alert(1)</script>"'));
    for (const html of [await previewOf("benefits"), await frameOf("benefits")]) {
      expect(html).toContain("Benefits &lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).not.toContain("<script>alert(1)");
    }
  });

  it("is not found for a page that does not exist, and refused to a signed-out visitor", async () => {
    await signedIn();
    await expect(previewOf("no-such-page")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    await expect(frameOf("../clinic")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    request.headers = new Headers();
    await expect(previewOf("benefits")).rejects.toThrow(/NEXT_REDIRECT/);
    await expect(frameOf("benefits")).rejects.toThrow(/NEXT_REDIRECT/);
  });
});

describe("a picture uploaded with the draft", () => {
  /** A picture uploaded to the benefits page's draft, as the upload route keeps it. */
  async function uploaded(service: PublishingService) {
    const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#6a8caf" } }).png().toBuffer();
    const prepared = await preparePicture({ name: "waiting room.png", bytes });
    if (!prepared.ok) throw new Error(prepared.message);
    const { fileName } = prepared.picture;
    await service.addPicture("content/benefits.mdx", { ...prepared.picture, path: `public/images/${fileName}` }, ana);
    return { fileName, bytes: prepared.picture.bytes };
  }
  const pictureOf = (slug: string, name: string) => draftPictureGet(new Request(`https://clinic.example/staff/pages/${slug}/pictures/${name}`), { params: Promise.resolve({ slug, name }) });

  it("is shown in the preview from the staff-only address that serves it, before it is published", async () => {
    const { service } = await signedIn();
    const { fileName, bytes } = await uploaded(service);
    await saveDraft(
      service,
      "benefits",
      draftWith(`<Figure src="/images/${fileName}" alt="The waiting room" caption="Our waiting room" />\n\n![The waiting room again](/images/${fileName})`).source,
    );
    const frame = await frameOf("benefits");
    const served = `/staff/pages/benefits/pictures/${fileName}`;
    expect(frame).toMatch(new RegExp(`<img[^>]*src="${served}"[^>]*alt="The waiting room"`));
    expect(frame).toMatch(new RegExp(`<img[^>]*src="${served}"[^>]*alt="The waiting room again"`));
    expect(frame).not.toContain(`src="/images/${fileName}"`);

    const response = await pictureOf("benefits", fileName);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect(Object.fromEntries(["content-type", "cache-control", "x-content-type-options"].map((name) => [name, response.headers.get(name)]))).toEqual({
      "content-type": "image/png",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    expect((await pictureOf("benefits", "no-such-picture.png")).status).toBe(404);
    expect((await pictureOf("privacy", fileName)).status).toBe(404);
  });

  it("is served to a clinical reviewer, refused with 403 to staff who neither edit nor review", async () => {
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    cleanups.push(() => void vi.unstubAllEnvs());
    await signInOnServer(cleanups, request, { name: "Dr. Ada Mocek", email: "ada@clinic.example" }, { edit: false, review: true, physician: "Dr. Ada Mocek" });
    const { service } = await withPublishing();
    const { fileName } = await uploaded(service);
    expect((await pictureOf("benefits", fileName)).status).toBe(200);
    await signInOnServer(cleanups, request, { name: "Dee Desk", email: "dee@clinic.example" }, { edit: false });
    await expect(pictureOf("benefits", fileName)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
  });
});

describe("the preview, asked for by staff who neither edit nor review", () => {
  it("is refused with 403 (the page and its frame), and the attempt is audited", async () => {
    vi.stubEnv("__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS", "true");
    cleanups.push(() => void vi.unstubAllEnvs());
    const { context } = await signInOnServer(cleanups, request, { name: "Dee Desk", email: "dee@clinic.example" }, { edit: false });
    await expect(previewOf("benefits")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    await expect(frameOf("benefits")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;403/);
    expect((await context.store.listAudit({ limit: 10 })).map((entry) => entry.action)).toEqual(["ability-refused", "ability-refused"]);
  });

  it("is shown to a clinical reviewer", async () => {
    await signInOnServer(cleanups, request, { name: "Dr. Ada Mocek", email: "ada@clinic.example" }, { edit: false, review: true, physician: "Dr. Ada Mocek" });
    await withPublishing();
    expect(await previewOf("benefits")).toContain("Preview: ");
  });
});

describe("the preview's headers", () => {
  /** The headers a response to `address` gets: every matching rule of next.config.ts, the last one winning. */
  async function headersFor(address: string): Promise<Record<string, string>> {
    const config = await nextConfig(PHASE_PRODUCTION_SERVER);
    const rules = (await config.headers?.()) ?? [];
    const headers: Record<string, string> = {};
    for (const rule of rules) {
      if (pathToRegexp(rule.source).test(address)) for (const { key, value } of rule.headers) headers[key.toLowerCase()] = value;
    }
    return headers;
  }

  it("are never cached nor indexed; only the frame may be framed, by the site itself", async () => {
    const page = await headersFor("/staff/pages/benefits/preview");
    const frame = await headersFor("/staff/pages/benefits/preview/frame");
    for (const headers of [page, frame]) {
      expect(headers["cache-control"]).toBe("no-store");
      expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
    }
    expect(page["x-frame-options"]).toBe("DENY");
    expect(page["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(frame["x-frame-options"]).toBe("SAMEORIGIN");
    expect(frame["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(frame["content-security-policy"]).not.toContain("frame-ancestors 'none'");
    expect((await headersFor("/benefits"))["x-frame-options"]).toBe("DENY");
  });
});
