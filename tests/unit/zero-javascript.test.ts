// @vitest-environment node
/**
 * The build step that removes Next's runtime from pages that need none (lib/zero-javascript), on real output of
 * `next build` with Next 16.4.6 (tests/fixtures/zero-javascript/next-16.4.6: /privacy and the 404 page, which
 * need no JavaScript, /candidacy with the self-check, and the client reference manifests and routes manifest),
 * and of `next build --webpack` (next-16.4.6-webpack: its manifests name files by absolute path, as built in
 * /work/wt-14, and list Next's ES module and CommonJS copies under one id).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  CONTENT_SECURITY_POLICY,
  deferredRuntimeContentSecurityPolicy,
  NO_SCRIPT_CONTENT_SECURITY_POLICY,
  NO_SCRIPT_META_CONTENT_SECURITY_POLICY,
} from "@/lib/security/content-security-policy.mjs";
import {
  addDeferredRuntimePolicyHeaders,
  addNoScriptPolicyHeaders,
  prerenderedHtmlFiles,
  stripPagesWithoutClientComponents,
} from "@/lib/zero-javascript/adapter.mjs";
import { UnrecognisedBuildOutputError } from "@/lib/zero-javascript/build-output-error.mjs";
import {
  clientComponentsOfPage,
  clientReferences,
  readClientModuleSources,
  readInlineFlightPayload,
  SITE_GLOBAL_ERROR,
} from "@/lib/zero-javascript/client-references.mjs";
import { deferNextRuntime, firstInteractionLoader, scriptHashSource } from "@/lib/zero-javascript/defer-runtime.mjs";
import { stripNextRuntime } from "@/lib/zero-javascript/strip-runtime.mjs";

const FIXTURES = path.resolve("tests/fixtures/zero-javascript/next-16.4.6");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), "utf8");
const privacyHtml = fixture("privacy.html");
const candidacyHtml = fixture("candidacy.html");
const notFoundHtml = fixture("not-found.html");
const clientModuleSources = readClientModuleSources(path.join(FIXTURES, "server", "app"));
const strip = (html: string) => stripNextRuntime(html, { file: "page.html", contentSecurityPolicy: NO_SCRIPT_META_CONTENT_SECURITY_POLICY });

/** The page with every <script> but JSON-LD and every script preload cut out by hand: what stripping must leave. */
function withoutScriptsByHand(html: string): string {
  return html
    .replace(/<script(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link rel="preload" as="script"[^>]*\/>/g, "");
}

describe("which pages need JavaScript, read from the build", () => {
  it("a content page references only Next's App Router frame: it needs none", () => {
    expect(clientComponentsOfPage(privacyHtml, clientModuleSources, "privacy.html")).toEqual([]);
    expect(clientComponentsOfPage(notFoundHtml, clientModuleSources, "not-found.html")).toEqual([]);
  });

  it("a content page whose page of last resort is the site's own (app/global-error.tsx) still needs none", () => {
    // The fixture's build had Next's built-in one: the same page, with that reference named as ours.
    const ownGlobalError = new Map(
      [...clientModuleSources].map(([id, source]) => [id, source.endsWith("builtin/global-error.js") ? SITE_GLOBAL_ERROR : source]),
    );
    expect([...ownGlobalError.values()]).toContain(SITE_GLOBAL_ERROR);
    expect(clientComponentsOfPage(privacyHtml, ownGlobalError, "privacy.html")).toEqual([]);
    expect(clientComponentsOfPage(candidacyHtml, ownGlobalError, "candidacy.html")).toEqual(["components/self-check/LazySelfCheckForm.tsx"]);
  });

  it("/candidacy references the self-check's form, so it keeps the runtime", () => {
    expect(clientComponentsOfPage(candidacyHtml, clientModuleSources, "candidacy.html")).toEqual(["components/self-check/LazySelfCheckForm.tsx"]);
  });

  it("the manifests name each client module's source file", () => {
    expect([...clientModuleSources.values()]).toEqual(
      expect.arrayContaining(["components/appointment/AppointmentForm.tsx", "node_modules/next/dist/client/components/layout-router.js"]),
    );
  });

  it("text that merely looks like a client reference inside a text row is not taken for one", () => {
    const text = 'Words\n9:I[74894,[],"default"]\nmore';
    const payload = `1:"$Sreact.fragment"\n2:T${Buffer.byteLength(text).toString(16)},${text}3:I[39756,[],"default"]\n`;
    expect(clientReferences(payload, "page.html")).toEqual([{ moduleId: "39756", exportName: "default" }]);
  });

  it("a page whose payload Next no longer inlines stops the build", () => {
    const noPayload = privacyHtml.replace(/<script>self\.__next_f\.push\([\s\S]*?\)<\/script>/g, "");
    expect(() => clientComponentsOfPage(noPayload, clientModuleSources, "privacy.html")).toThrow(UnrecognisedBuildOutputError);
    expect(() => readInlineFlightPayload(noPayload, "privacy.html")).toThrow(/privacy\.html: no inline RSC payload/);
  });

  it("a client reference no manifest names stops the build", () => {
    const unknownModule = candidacyHtml.replace("I[74894,", "I[11111,");
    expect(() => clientComponentsOfPage(unknownModule, clientModuleSources, "candidacy.html")).toThrow(
      /candidacy\.html: client reference 11111 is in no client reference manifest/,
    );
  });

  it("a payload without Next's layout router is not output the step understands", () => {
    const renamedFrame = new Map([...clientModuleSources].map(([id, source]) => [id, source.replace("layout-router", "segment-router")]));
    expect(() => clientComponentsOfPage(privacyHtml, renamedFrame, "privacy.html")).toThrow(/does not reference Next's client\/components\/layout-router\.js/);
  });
});

describe("a webpack build (next build --webpack)", () => {
  const WEBPACK_FIXTURES = path.resolve("tests/fixtures/zero-javascript/next-16.4.6-webpack");
  const BUILT_IN = "/work/wt-14";
  const webpackPage = (name: string) => fs.readFileSync(path.join(WEBPACK_FIXTURES, name), "utf8");
  const webpackSources = readClientModuleSources(path.join(WEBPACK_FIXTURES, "server", "app"), BUILT_IN);

  it("is decided the same way, with files named relative to the project", () => {
    expect(clientComponentsOfPage(webpackPage("privacy.html"), webpackSources, "privacy.html")).toEqual([]);
    expect(clientComponentsOfPage(webpackPage("candidacy.html"), webpackSources, "candidacy.html")).toEqual(["components/self-check/LazySelfCheckForm.tsx"]);
  });

  it("is stripped the same way: webpack's runtime script and all", () => {
    const { html } = strip(webpackPage("privacy.html"));
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="application/ld+json">']);
    expect(html).not.toMatch(/webpack-|main-app-|__next_f/);
  });
});

describe("stripping Next's runtime from a page", () => {
  const { html, removed } = strip(privacyHtml);

  it("leaves no script but JSON-LD, and no script preload", () => {
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="application/ld+json">']);
    expect(html).not.toMatch(/as="script"|__next_f|\/_next\/static\/chunks\/[^"]*\.js/);
    const scriptsButJsonLd = privacyHtml.match(/<script(?![^>]*application\/ld\+json)/g)!.length;
    expect(removed).toEqual({ scripts: scriptsButJsonLd, preloads: 1 });
    expect(scriptsButJsonLd).toBeGreaterThan(5);
  });

  it("keeps everything else byte for byte: the words, the styles, the JSON-LD", () => {
    const policyMeta = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\/>/;
    expect(html.replace(policyMeta, "")).toBe(withoutScriptsByHand(privacyHtml));
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/');
    const jsonLd = (page: string) => page.match(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g);
    expect(jsonLd(html)).toEqual(jsonLd(privacyHtml));
  });

  it("states a policy without scripts in the page, right after its charset", () => {
    expect(html).toContain(`<meta charSet="utf-8"/><meta http-equiv="Content-Security-Policy" content="${NO_SCRIPT_META_CONTENT_SECURITY_POLICY}"/>`);
  });

  it("stops the build at a script it does not know, naming the file", () => {
    // React's inline script that reveals content streamed in late: without it, that content would stay hidden.
    const withRevealScript = privacyHtml.replace("</body>", '<script>$RC("B:0","S:0")</script></body>');
    expect(() => strip(withRevealScript)).toThrow(UnrecognisedBuildOutputError);
    expect(() => strip(withRevealScript)).toThrow(/^page\.html: a <script> this step does not know: <script>\$RC/);
  });

  it("stops the build at content that only a script would reveal", () => {
    expect(() => strip(privacyHtml.replace("<main", '<template id="B:0"></template><main'))).toThrow(/streamed content/);
  });

  it("stops the build at a page with none of Next's scripts: not output it recognises", () => {
    expect(() => strip(withoutScriptsByHand(privacyHtml))).toThrow(/no Next\.js chunk <script src> or no inline RSC payload/);
  });

  it("stops the build at a script preload from elsewhere", () => {
    const foreignPreload = privacyHtml.replace("</head>", '<link rel="modulepreload" href="/vendor/app.js"/></head>');
    expect(() => strip(foreignPreload)).toThrow(/a script preload this step does not know/);
  });
});

describe("deferring Next's runtime to the first interaction on a page that needs it", () => {
  const defer = (html: string) => deferNextRuntime(html, { file: "candidacy.html" });
  const { html, deferred, inlineScriptHashes, payloadScript } = defer(candidacyHtml);
  const chunkSources = [...candidacyHtml.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);

  it("leaves no <script src> and no script preload in the page, and a loader that names every chunk", () => {
    expect(html).not.toMatch(/<script[^>]* src=|as="script"|rel="modulepreload"/);
    expect(deferred).toEqual({ scripts: chunkSources.length, preloads: 1, payloadScripts: inlinePayload(candidacyHtml).length });
    expect(chunkSources.length).toBeGreaterThan(5);
    for (const src of chunkSources) expect(html).toContain(JSON.stringify(src!.replace("/_next/static/", "")));
  });

  const inlinePayload = (page: string) => [...page.matchAll(/<script>((?:self\.__next_f|\(self\.__next_f)[\s\S]*?)<\/script>/g)].map((match) => match[1]!);

  it("moves the RSC payload out of the page into one script file of its own, and keeps Turbopack's small bootstrap inline", () => {
    // Two thirds of /candidacy's HTML is React's payload, which only the runtime reads: sent with the page, it took
    // the page past the first round trip's 14.6 KB (gzip) and delayed its first paint.
    expect(inlinePayload(candidacyHtml).length).toBeGreaterThan(2);
    expect(html).not.toContain("__next_f");
    expect(payloadScript.path).toMatch(/^rsc-payload\/[0-9a-f]{16}\.js$/);
    expect(payloadScript.text).toBe(inlinePayload(candidacyHtml).join(";\n"));
    expect(deferred.payloadScripts).toBe(inlinePayload(candidacyHtml).length);
    const bootstrap = (page: string) => page.match(/<script id="_R_">\(globalThis\["TURBOPACK"\][\s\S]*?<\/script>/g);
    expect(bootstrap(html)).toEqual(bootstrap(candidacyHtml));
    expect(html.length).toBeLessThan(candidacyHtml.length - payloadScript.text.length + 1_000);
  });

  it("the payload file leaves the runtime exactly what the page's inline scripts left it", () => {
    const run = (scripts: string[]) => {
      const self: { __next_f?: unknown[] } = {};
      for (const script of scripts) new Function("self", script)(self);
      return self.__next_f;
    };
    expect(run([payloadScript.text])).toEqual(run(inlinePayload(candidacyHtml)));
    expect(run([payloadScript.text])!.length).toBe(inlinePayload(candidacyHtml).length);
  });

  it("names the payload file by its contents, so a page built later never gets an older page's data", () => {
    const changed = candidacyHtml.replace("self.__next_f.push([1,\"1:", "self.__next_f.push([1,\"1 :");
    expect(defer(changed).payloadScript.path).not.toBe(payloadScript.path);
    expect(defer(candidacyHtml).payloadScript.path).toBe(payloadScript.path);
  });

  it("puts the loader first in <head>, and gives the hashes of exactly the page's inline scripts for its policy", () => {
    const loader = /^[\s\S]*?<meta charSet="utf-8"\/><script>([^<]*)<\/script>/.exec(html)?.[1];
    const chunks = chunkSources.map((src) => ({ src: src!, noModule: candidacyHtml.includes(`<script src="${src}" noModule=""`) }));
    expect(loader).toBe(firstInteractionLoader(chunks, payloadScript.path));
    const inlineScripts = [...html.matchAll(/<script(?: id="_R_")?>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(new Set(inlineScriptHashes)).toEqual(new Set(inlineScripts.map(scriptHashSource)));
    expect(inlineScriptHashes[0]).toBe(scriptHashSource(loader!));
    const policy = deferredRuntimeContentSecurityPolicy(inlineScriptHashes);
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
    expect(policy.replace(/script-src [^;]*/, "script-src 'self' 'unsafe-inline'")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("runs the loader: nothing is fetched until the first interaction, then the payload and every chunk once, in order", () => {
    const appended: { src: string; noModule: boolean; async: boolean }[] = [];
    const listeners = new Map<string, () => void>();
    const browser = {
      addEventListener: (name: string, listener: () => void) => listeners.set(name, listener),
      removeEventListener: (name: string) => listeners.delete(name),
      document: {
        // A script a script adds is async, unless told otherwise.
        createElement: () => ({ src: "", noModule: false, async: true }),
        head: { append: (element: (typeof appended)[number]) => appended.push(element) },
      },
    };
    const loader = /<script>(\(\(\)=>[^<]*)<\/script>/.exec(html)![1]!;
    new Function("addEventListener", "removeEventListener", "document", loader)(browser.addEventListener, browser.removeEventListener, browser.document);
    expect([...listeners.keys()].sort()).toEqual(["focusin", "keydown", "pointerdown", "touchstart"]);
    expect(appended).toEqual([]);
    listeners.get("focusin")!();
    // The payload runs first: the runtime reads it once, when it starts.
    expect(appended[0]!.src).toBe(`/_next/static/${payloadScript.path}`);
    expect(appended.slice(1).map((element) => element.src).sort()).toEqual([...chunkSources].sort());
    expect(appended.every((element) => !element.async), "each runs in the order it was added").toBe(true);
    const noModule = [...candidacyHtml.matchAll(/<script src="([^"]+)" noModule=""/g)].map((match) => match[1]);
    expect(appended.filter((element) => element.noModule).map((element) => element.src)).toEqual(noModule);
    expect(noModule).toHaveLength(1);
    expect(listeners.size).toBe(0);
  });

  it("stops the build at a script from elsewhere, naming the file", () => {
    const foreign = candidacyHtml.replace("</head>", '<script src="https://cdn.example.com/x.js"></script></head>');
    expect(() => defer(foreign)).toThrow(/^candidacy\.html: a <script src> this step does not know/);
  });

  it("stops the build at a payload script it would leave behind: run from the page, it would come before the file", () => {
    // The first script sets up the array; one left inline would run while the page is read, before the file has.
    const second = inlinePayload(candidacyHtml)[1]!;
    const leftBehind = candidacyHtml.replace(`<script>${second}</script>`, `<script nonce="n">${second}</script>`);
    expect(leftBehind).not.toBe(candidacyHtml);
    expect(() => defer(leftBehind)).toThrow(UnrecognisedBuildOutputError);
    expect(() => defer(leftBehind)).toThrow(/^candidacy\.html: an inline script of the RSC payload this step does not move: <script nonce="n">self\.__next_f/);
  });

  it("stops the build at a page with no chunk to load", () => {
    expect(() => defer(candidacyHtml.replace(/<script src="[^"]*" async=""><\/script>/g, ""))).toThrow(/no Next\.js chunk <script src>/);
  });
});

describe("the policy of pages without JavaScript", () => {
  it("forbids every script and is otherwise today's policy", () => {
    expect(NO_SCRIPT_CONTENT_SECURITY_POLICY).toContain("script-src 'none'");
    expect(NO_SCRIPT_CONTENT_SECURITY_POLICY.replace("script-src 'none'", "script-src 'self' 'unsafe-inline'")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("leaves frame-ancestors out of the <meta> form, where browsers ignore it with a console error", () => {
    expect(NO_SCRIPT_META_CONTENT_SECURITY_POLICY).not.toContain("frame-ancestors");
    expect(NO_SCRIPT_META_CONTENT_SECURITY_POLICY).toContain("script-src 'none'");
  });
});

describe("the adapter on a copy of the build output", () => {
  let distDir: string;
  beforeEach(() => {
    distDir = fs.mkdtempSync(path.join(os.tmpdir(), "zero-js-"));
    fs.cpSync(FIXTURES, distDir, { recursive: true });
  });
  afterEach(() => fs.rmSync(distDir, { recursive: true, force: true }));

  it("strips the pages without client components, defers the runtime on the others, and says which and why", () => {
    const outputs = [
      { file: path.join(distDir, "privacy.html"), pathname: "/privacy", routeType: "page" },
      { file: path.join(distDir, "candidacy.html"), pathname: "/candidacy", routeType: "page" },
      { file: path.join(distDir, "not-found.html") },
    ];
    const decision = stripPagesWithoutClientComponents(outputs, { distDir, projectDir: distDir });
    expect(decision.zeroJavaScript).toEqual(["/privacy"]);
    expect(decision.keepRuntime).toEqual({ "/candidacy": ["components/self-check/LazySelfCheckForm.tsx"] });
    expect(decision.files).toEqual({ "privacy.html": "stripped", "candidacy.html": "deferred", "not-found.html": "stripped" });
    expect(fs.readFileSync(path.join(distDir, "privacy.html"), "utf8")).toBe(strip(privacyHtml).html);
    const deferred = deferNextRuntime(candidacyHtml, { file: "candidacy.html" });
    expect(fs.readFileSync(path.join(distDir, "candidacy.html"), "utf8")).toBe(deferred.html);
    expect(decision.inlineScriptHashes).toEqual({ "/candidacy": deferred.inlineScriptHashes });
    // Where Next serves its own scripts from (/_next/static/…), so the standalone server and a release carry it.
    expect(fs.readFileSync(path.join(distDir, "static", deferred.payloadScript.path), "utf8")).toBe(deferred.payloadScript.text);
    expect(fs.readFileSync(path.join(distDir, "not-found.html"), "utf8")).not.toContain("<script src=");
  });

  it("finds every prerendered HTML file: those the adapter outputs name and any other copy", () => {
    const page = (name: string, pathname: string, response = "complete") => ({
      pathname,
      routeType: "page",
      response,
      fallback: { filePath: path.join(distDir, "server", "route-cache", name) },
    });
    fs.mkdirSync(path.join(distDir, "server", "route-cache"), { recursive: true });
    fs.mkdirSync(path.join(distDir, "server", "pages"), { recursive: true });
    for (const name of ["route-cache/privacy.html", "route-cache/privacy.rsc", "pages/404.html"]) fs.writeFileSync(path.join(distDir, "server", name), "");
    const ctx = { projectDir: distDir, distDir, outputs: { prerenders: [page("privacy.html", "/privacy"), page("privacy.rsc", "/privacy.rsc")], staticFiles: [] } };
    expect(prerenderedHtmlFiles(ctx as never)).toEqual([
      { file: path.join(distDir, "server", "route-cache", "privacy.html"), pathname: "/privacy", routeType: "page" },
      { file: path.join(distDir, "server", "pages", "404.html") },
    ]);
    // A page Next finishes at request time (partial prerendering) must keep its runtime: the build stops.
    const partial = { ...ctx, outputs: { ...ctx.outputs, prerenders: [page("privacy.html", "/privacy", "initial")] } };
    expect(() => prerenderedHtmlFiles(partial as never)).toThrow(/\/privacy is prerendered only in part \(response "initial"\)/);
  });

  it("adds the no-script policy header for those paths after next.config.ts's own headers", () => {
    addNoScriptPolicyHeaders(distDir, distDir, ["/", "/privacy"]);
    const { headers } = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
    expect(headers[0].source).toBe("/:path*");
    expect(headers.slice(-2)).toEqual([
      { source: "/", headers: [{ key: "Content-Security-Policy", value: NO_SCRIPT_CONTENT_SECURITY_POLICY }], regex: "^/(?:/)?$" },
      { source: "/privacy", headers: [{ key: "Content-Security-Policy", value: NO_SCRIPT_CONTENT_SECURITY_POLICY }], regex: "^/privacy(?:/)?$" },
    ]);
  });

  it("adds the hashed policy of a page whose runtime waits, for requests without a body only (not the form's post)", () => {
    addDeferredRuntimePolicyHeaders(distDir, distDir, { "/candidacy": ["'sha256-AAAA'"] });
    const { headers } = JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
    expect(headers.at(-1)).toEqual({
      source: "/candidacy",
      missing: [{ type: "header", key: "content-type" }],
      headers: [{ key: "Content-Security-Policy", value: deferredRuntimeContentSecurityPolicy(["'sha256-AAAA'"]) }],
      regex: "^/candidacy(?:/)?$",
    });
  });

  it("stops the build at a routes manifest of another version", () => {
    const manifestFile = path.join(distDir, "routes-manifest.json");
    fs.writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifestFile, "utf8")), version: 4 }));
    expect(() => addNoScriptPolicyHeaders(distDir, distDir, ["/privacy"])).toThrow(/routes-manifest\.json: expected version 3 with a headers list, found version 4/);
  });
});
