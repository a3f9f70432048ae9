// @vitest-environment node
/**
 * The preview of a draft (app/staff/pages/[slug]/preview): the page as patients will see it, rendered on the server
 * by the one function that renders the built pages, at phone or desktop width, for signed-in staff only, never
 * cached or indexed. The content check runs first: a draft with an error shows the error at its line, and none of
 * it runs. The pages render here as the server runs them, on a real store with a real session; only the draft's
 * text is given by the test, as the publishing store would give it.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import nextConfig from "@/next.config";
import { signInOnServer } from "@/tests/support/signed-in-server";
import type { Cleanups } from "@/tests/support/test-stores";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
// The draft each page has in the publishing store; a page without one previews as published.
const drafts = vi.hoisted(() => new Map<string, string>());
vi.mock("@/lib/publishing/adapters", async (original) => {
  const actual = await original<typeof import("@/lib/publishing/adapters")>();
  return { ...actual, loadDraftSource: async (slug: string) => drafts.get(slug) ?? actual.loadDraftSource(slug) };
});

// Next matches a header rule's `source` with its copy of path-to-regexp, which has no types of its own.
const { pathToRegexp } = createRequire(import.meta.url)("next/dist/compiled/path-to-regexp") as { pathToRegexp: (source: string) => RegExp };

const { default: PreviewPage } = await import("@/app/staff/pages/[slug]/preview/page");
const { default: PreviewFramePage } = await import("@/app/staff/pages/[slug]/preview/frame/page");

const cleanups: Cleanups = [];
afterEach(async () => {
  drafts.clear();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const published = fs.readFileSync(path.join(process.cwd(), "content/benefits.mdx"), "utf8");
/** The benefits page with `words` added after its settings, on the line the function returns. */
function draftWith(words: string): { source: string; line: number } {
  const end = published.indexOf("\n---\n") + "\n---\n".length;
  return { source: `${published.slice(0, end)}\n${words}\n${published.slice(end)}`, line: published.slice(0, end).split("\n").length + 1 };
}

const signedIn = () => signInOnServer(cleanups, request);

const previewOf = async (slug: string, width?: string) =>
  renderToStaticMarkup(await PreviewPage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve(width ? { width } : {}) }));
const frameOf = async (slug: string) => renderToStaticMarkup(await PreviewFramePage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve({}) }));

describe("the preview of a draft", () => {
  it("shows the draft as patients will see it, at phone width first, with a link to desktop width", async () => {
    await signedIn();
    drafts.set("benefits", draftWith("A sentence only the draft has.").source);
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
    await signedIn();
    const probe = globalThis as { previewProbe?: number };
    const { source, line } = draftWith("MILD is risk-free.\n\n{globalThis.previewProbe = 1}\n\nA sentence only the draft has.");
    drafts.set("benefits", source);
    for (const html of [await previewOf("benefits"), await frameOf("benefits")]) {
      expect(html).toContain(`Line ${line}: do not write &quot;risk-free&quot;`);
      expect(html).toContain(`Line ${line + 2}: {globalThis.previewProbe = 1} is code`);
      expect(html).not.toContain("<iframe");
      expect(html).not.toContain("A sentence only the draft has.");
      expect(html).not.toContain("<footer");
    }
    expect(probe.previewProbe).toBeUndefined();
  });

  it("shows a title with <script> as text", async () => {
    await signedIn();
    drafts.set("benefits", published.replace(/^title: .*$/m, 'title: "Benefits <script>alert(1)</script>"'));
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
