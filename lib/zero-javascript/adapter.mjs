// @ts-check
/**
 * A Next.js build adapter (`adapterPath` in next.config.ts): when `next build` has prerendered every page, and
 * before it copies them into the standalone output, it removes Next's runtime from each page whose build output
 * references no client component beyond Next's own App Router frame. Such a page is static HTML with plain <a>
 * links: React would only re-create what is already there. Pages with a client component of ours (the
 * self-check, the appointment form) keep the runtime, but not at first paint: it loads on the visitor's first
 * interaction (defer-runtime.mjs), since both pages are server-rendered and work without JavaScript.
 *
 * It rewrites every prerendered HTML file Next will serve (`next start`, the standalone server and a static
 * host read the same files), states a Content-Security-Policy without scripts in each stripped page, and adds
 * the same policy as a response header for those paths to routes-manifest.json, which `next start` and the
 * standalone server read (next.config.ts's headers() is evaluated before any page is built, so it cannot know).
 * It writes its decision to `<distDir>/zero-javascript.json`. `next dev` does not run it. Before all that, it
 * warns of pages that need more of the typeface than its preloaded file (lib/reader-font/page-coverage.mjs).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fontWarningsForPages } from "../reader-font/page-coverage.mjs";
import { FACES_FILE } from "../reader-font/subset.mjs";
import {
  deferredRuntimeContentSecurityPolicy,
  NO_SCRIPT_CONTENT_SECURITY_POLICY,
  NO_SCRIPT_META_CONTENT_SECURITY_POLICY,
} from "../security/content-security-policy.mjs";
import { UnrecognisedBuildOutputError } from "./build-output-error.mjs";
import { clientComponentsOfPage, findFiles, readClientModuleSources } from "./client-references.mjs";
import { deferNextRuntime } from "./defer-runtime.mjs";
import { stripNextRuntime } from "./strip-runtime.mjs";

export const DECISION_FILE = "zero-javascript.json";

/**
 * @typedef {{ file: string, pathname?: string, routeType?: string }} HtmlOutput
 * @typedef {{ zeroJavaScript: string[], keepRuntime: Record<string, string[]>, files: Record<string, "stripped" | "deferred">, inlineScriptHashes: Record<string, string[]> }} Decision
 */

/**
 * Every prerendered HTML file of the build: the ones Next's adapter outputs name (with the address each is
 * served at), and any other copy under <distDir>/server, so that no served copy is left unstripped.
 * @param {import("next").NextAdapter extends { onBuildComplete?: (ctx: infer C) => unknown } ? C : never} ctx
 * @returns {HtmlOutput[]}
 */
export function prerenderedHtmlFiles(ctx) {
  /** @type {Map<string, HtmlOutput>} */
  const byFile = new Map();
  for (const prerender of ctx.outputs.prerenders) {
    const file = prerender.fallback?.filePath;
    if (!file?.endsWith(".html")) continue;
    // A partially prerendered shell is finished at request time by the runtime: it must never lose it.
    if (prerender.response !== undefined && prerender.response !== "complete") {
      throw new UnrecognisedBuildOutputError(path.relative(ctx.projectDir, file), `${prerender.pathname} is prerendered only in part (response "${prerender.response}"), which this step does not handle`);
    }
    byFile.set(file, { file, pathname: prerender.pathname, routeType: prerender.routeType });
  }
  for (const staticFile of ctx.outputs.staticFiles) {
    if (staticFile.filePath.endsWith(".html")) byFile.set(staticFile.filePath, { file: staticFile.filePath, pathname: staticFile.pathname });
  }
  for (const { file } of byFile.values()) {
    if (!fs.existsSync(file)) throw new UnrecognisedBuildOutputError(path.relative(ctx.projectDir, file), "Next's adapter outputs name this file, but it does not exist");
  }
  for (const file of findFiles(path.join(ctx.distDir, "server"), (name) => name.endsWith(".html"))) {
    if (!byFile.has(file)) byFile.set(file, { file });
  }
  if (![...byFile.values()].some(({ routeType }) => routeType === "page")) {
    throw new UnrecognisedBuildOutputError(path.relative(ctx.projectDir, ctx.distDir), "the adapter outputs list no prerendered page");
  }
  return [...byFile.values()];
}

/**
 * Strips the runtime from every page that needs none, defers it to the first interaction on the others, and
 * returns the decision.
 * @param {HtmlOutput[]} outputs
 * @param {{ distDir: string, projectDir: string }} dirs
 * @returns {Decision}
 */
export function stripPagesWithoutClientComponents(outputs, { distDir, projectDir }) {
  const clientModuleSources = readClientModuleSources(path.join(distDir, "server", "app"), projectDir);
  /** @type {Decision} */
  const decision = { zeroJavaScript: [], keepRuntime: {}, files: {}, inlineScriptHashes: {} };
  for (const { file, pathname, routeType } of outputs) {
    const relative = path.relative(projectDir, file);
    const html = fs.readFileSync(file, "utf8");
    const components = clientComponentsOfPage(html, clientModuleSources, relative);
    const servedAt = routeType === "page" && pathname !== undefined && !pathname.startsWith("/_") ? pathname : undefined;
    if (components.length > 0) {
      const deferred = deferNextRuntime(html, { file: relative });
      const payloadFile = path.join(distDir, "static", deferred.payloadScript.path);
      fs.mkdirSync(path.dirname(payloadFile), { recursive: true });
      fs.writeFileSync(payloadFile, deferred.payloadScript.text);
      fs.writeFileSync(file, deferred.html);
      decision.files[relative] = "deferred";
      if (servedAt) {
        decision.keepRuntime[servedAt] = components;
        decision.inlineScriptHashes[servedAt] = deferred.inlineScriptHashes;
      }
      continue;
    }
    const stripped = stripNextRuntime(html, { file: relative, contentSecurityPolicy: NO_SCRIPT_META_CONTENT_SECURITY_POLICY });
    fs.writeFileSync(file, stripped.html);
    decision.files[relative] = "stripped";
    if (servedAt) decision.zeroJavaScript.push(servedAt);
  }
  decision.zeroJavaScript.sort();
  return decision;
}

/**
 * Adds the no-script policy as a response header for each zero-JavaScript address, after next.config.ts's own
 * headers so that it replaces their policy there (Next applies matching header rules in order).
 * @param {string} distDir @param {string} projectDir @param {string[]} pathnames
 */
export function addNoScriptPolicyHeaders(distDir, projectDir, pathnames) {
  addPolicyHeaders(
    distDir,
    projectDir,
    pathnames.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: NO_SCRIPT_CONTENT_SECURITY_POLICY }] })),
  );
}

/**
 * Appends header rules to routes-manifest.json, after next.config.ts's own so that they replace its policy there.
 * @param {string} distDir @param {string} projectDir
 * @param {{ source: string, missing?: { type: string, key: string }[], headers: { key: string, value: string }[] }[]} rules
 */
function addPolicyHeaders(distDir, projectDir, rules) {
  const manifestFile = path.join(distDir, "routes-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  if (manifest.version !== 3 || !Array.isArray(manifest.headers)) {
    throw new UnrecognisedBuildOutputError(path.relative(projectDir, manifestFile), `expected version 3 with a headers list, found version ${manifest.version}`);
  }
  // Next's own function, so each rule has exactly the form of the ones it wrote from next.config.ts.
  const { buildCustomRoute } = createRequire(import.meta.url)("next/dist/lib/build-custom-route");
  for (const rule of rules) manifest.headers.push(buildCustomRoute("header", rule));
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
}

/**
 * Adds, for each page whose runtime waits for the first interaction, a policy that allows its own inline scripts
 * by hash (and scripts from this origin) in place of any inline script. Only for requests without a body: the
 * prerendered page. The form's post without JavaScript (which has one) is answered with a page rendered then.
 * @param {string} distDir @param {string} projectDir @param {Record<string, string[]>} hashesByPathname
 */
export function addDeferredRuntimePolicyHeaders(distDir, projectDir, hashesByPathname) {
  addPolicyHeaders(
    distDir,
    projectDir,
    Object.entries(hashesByPathname).map(([source, hashes]) => ({
      source,
      missing: [{ type: "header", key: "content-type" }],
      headers: [{ key: "Content-Security-Policy", value: deferredRuntimeContentSecurityPolicy(hashes) }],
    })),
  );
}

/** @type {import("next").NextAdapter} */
const zeroJavaScriptAdapter = {
  name: "mocek-spine-zero-javascript",
  async onBuildComplete(ctx) {
    const htmlFiles = prerenderedHtmlFiles(ctx);
    // Not about JavaScript, but this is where the build hands over its pages: a page that needs a font file beyond
    // the preloaded one is worth a warning, never a stop (lib/reader-font/page-coverage.mjs).
    const faces = JSON.parse(fs.readFileSync(FACES_FILE, "utf8"));
    const pages = htmlFiles.map(({ file }) => ({ file: path.relative(ctx.projectDir, file), html: fs.readFileSync(file, "utf8") }));
    for (const warning of fontWarningsForPages(pages, faces)) console.warn(`Warning: ${warning}`);
    const decision = stripPagesWithoutClientComponents(htmlFiles, ctx);
    addNoScriptPolicyHeaders(ctx.distDir, ctx.projectDir, decision.zeroJavaScript);
    addDeferredRuntimePolicyHeaders(ctx.distDir, ctx.projectDir, decision.inlineScriptHashes);
    fs.writeFileSync(path.join(ctx.distDir, DECISION_FILE), `${JSON.stringify(decision, null, 2)}\n`);
    const kept = Object.entries(decision.keepRuntime).map(([pathname, components]) => `${pathname} (${components.join(", ")})`);
    console.log(
      `Zero JavaScript: ${decision.zeroJavaScript.length} pages ship no JavaScript; ` +
        `${kept.length} keep React for their client components, sent on the first tap, key or focus (no script before it): ` +
        `${kept.join("; ") || "none"}.`,
    );
  },
};

export default zeroJavaScriptAdapter;
