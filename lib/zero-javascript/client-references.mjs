// @ts-check
/**
 * Which client components a prerendered page uses, read from the build itself: the React Server Components
 * payload inlined in the page's HTML lists each client component as a client reference ("I" row) naming a
 * module id, and Next's client reference manifests name the source file of each id. A page whose references
 * are all Next's own App Router frame needs no JavaScript: nothing on it runs in the browser.
 */
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { UnrecognisedBuildOutputError } from "./build-output-error.mjs";

/**
 * Next's App Router frame: client components every page references, which only matter to client-side
 * navigation and error recovery. With plain <a> links and prerendered pages, neither happens without the
 * runtime. Paths are relative to next/dist (the esm/ copy and the CommonJS copy alike).
 */
export const NEXT_APP_ROUTER_FRAME = new Set([
  "client/components/layout-router.js",
  "client/components/render-from-template-context.js",
  "client/components/client-page.js",
  "client/components/client-segment.js",
  "client/components/http-access-fallback/error-boundary.js",
  "client/components/builtin/global-error.js",
  "lib/framework/boundary-components.js",
  "lib/metadata/generate/icon-mark.js",
]);

/**
 * The site's own page of last resort (app/global-error.tsx): every page references it, as Next's frame's error
 * recovery, but it is only drawn in place of the root layout when rendering fails. A prerendered page without
 * the runtime is never rendered in the browser, so it can never need it there.
 */
export const SITE_GLOBAL_ERROR = "app/global-error.tsx";

/** Every App Router page references this one; a page without it is not output this step understands. */
const LAYOUT_ROUTER = "client/components/layout-router.js";

/**
 * The RSC payload Next inlines in a prerendered page: the strings of its `self.__next_f.push([1, "…"])` scripts.
 * @param {string} html
 * @param {string} file for error messages
 * @returns {string}
 */
export function readInlineFlightPayload(html, file) {
  let payload = "";
  let pushes = 0;
  for (const [, body] of html.matchAll(/<script>self\.__next_f\.push\((\[[\s\S]*?\])\)<\/script>/g)) {
    /** @type {unknown} */
    let chunk;
    try {
      chunk = JSON.parse(/** @type {string} */ (body));
    } catch {
      throw new UnrecognisedBuildOutputError(file, `a self.__next_f.push(…) script does not hold JSON: ${body?.slice(0, 80)}`);
    }
    if (!Array.isArray(chunk)) throw new UnrecognisedBuildOutputError(file, "a self.__next_f.push(…) argument is not an array");
    pushes += 1;
    // 0 starts the stream, 1 carries text, 2 the form state, 3 bytes in base64: only text and bytes carry rows.
    if (chunk[0] === 1 && typeof chunk[1] === "string") payload += chunk[1];
    else if (chunk[0] === 3 && typeof chunk[1] === "string") payload += Buffer.from(chunk[1], "base64").toString("utf8");
    else if (chunk[0] !== 0 && chunk[0] !== 2) throw new UnrecognisedBuildOutputError(file, `an RSC chunk of unknown kind ${JSON.stringify(chunk[0])}`);
  }
  if (pushes === 0 || payload === "") throw new UnrecognisedBuildOutputError(file, "no inline RSC payload (self.__next_f.push) was found");
  return payload;
}

/** Row tags whose data is a hexadecimal byte length and that many bytes, not a line (React's Flight protocol). */
const LENGTH_PREFIXED_TAGS = new Set("TAOoUSsLlGgMmVb".split(""));

/**
 * The client references of an RSC payload: `id:I[moduleId, chunks, exportName, …]` rows. The payload is read
 * row by row as React's Flight client reads it, so text that merely looks like a row (in a page's words, say)
 * is never taken for one.
 * @param {string} payload
 * @param {string} file for error messages
 * @returns {{ moduleId: string, exportName: string }[]}
 */
export function clientReferences(payload, file) {
  const bytes = Buffer.from(payload, "utf8");
  /** @type {{ moduleId: string, exportName: string }[]} */
  const references = [];
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(":", at);
    if (colon === -1) throw new UnrecognisedBuildOutputError(file, `an RSC row without "id:" at byte ${at}`);
    const tag = String.fromCharCode(/** @type {number} */ (bytes[colon + 1]));
    const lengthMatch = LENGTH_PREFIXED_TAGS.has(tag) ? /^[0-9a-f]+,/.exec(bytes.subarray(colon + 2, colon + 20).toString("latin1")) : null;
    if (lengthMatch) {
      at = colon + 2 + lengthMatch[0].length + Number.parseInt(lengthMatch[0], 16);
      continue;
    }
    const end = bytes.indexOf("\n", colon);
    const rowEnd = end === -1 ? bytes.length : end;
    if (tag === "I") {
      const data = bytes.subarray(colon + 2, rowEnd).toString("utf8");
      /** @type {unknown} */
      let reference;
      try {
        reference = JSON.parse(data);
      } catch {
        throw new UnrecognisedBuildOutputError(file, `a client reference row is not JSON: ${data.slice(0, 80)}`);
      }
      if (!Array.isArray(reference) || reference.length < 3) throw new UnrecognisedBuildOutputError(file, `a client reference row of unknown form: ${data.slice(0, 80)}`);
      references.push({ moduleId: String(reference[0]), exportName: String(reference[2]) });
    }
    at = rowEnd + 1;
  }
  return references;
}

/**
 * Module id → source file of every client component in the build, from each route's
 * `page_client-reference-manifest.js` under `<distDir>/server/app`. Files are named relative to the project,
 * and Next's own by one name for its ES module and CommonJS copies (webpack lists both under one id).
 * @param {string} serverAppDir
 * @param {string} [projectDir] to name files relative to (Turbopack already does; webpack gives absolute paths)
 * @returns {Map<string, string>}
 */
export function readClientModuleSources(serverAppDir, projectDir) {
  /** @type {Map<string, string>} */
  const sources = new Map();
  const manifests = findFiles(serverAppDir, (name) => name.endsWith("_client-reference-manifest.js"));
  if (manifests.length === 0) throw new UnrecognisedBuildOutputError(serverAppDir, "no *_client-reference-manifest.js was found");
  for (const manifestFile of manifests) {
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route]: run it where that is all it can touch.
    /** @type {{ globalThis?: unknown, __RSC_MANIFEST?: Record<string, { clientModules?: Record<string, { id: string | number }> }> }} */
    const sandbox = {};
    sandbox.globalThis = sandbox;
    vm.runInNewContext(fs.readFileSync(manifestFile, "utf8"), sandbox, { filename: manifestFile });
    const routes = Object.values(sandbox.__RSC_MANIFEST ?? {});
    if (routes.length === 0 || routes.some((route) => typeof route.clientModules !== "object")) {
      throw new UnrecognisedBuildOutputError(manifestFile, "it does not set globalThis.__RSC_MANIFEST[route].clientModules");
    }
    for (const route of routes) {
      for (const [key, { id }] of Object.entries(route.clientModules ?? {})) {
        // "[project]/components/x.tsx <module evaluation>#Name" (Turbopack) or "/abs/path/components/x.tsx#Name" (webpack)
        const file = key.replace(/#.*$/, "").replace(/ <module evaluation>$/, "").replace(/^\[project\]\//, "");
        const source = (projectDir && path.isAbsolute(file) ? path.relative(projectDir, file) : file).replace(/(node_modules\/next\/dist\/)esm\//, "$1");
        const known = sources.get(String(id));
        if (known !== undefined && known !== source) {
          throw new UnrecognisedBuildOutputError(manifestFile, `module id ${id} names two files, ${known} and ${source}`);
        }
        sources.set(String(id), source);
      }
    }
  }
  return sources;
}

/**
 * Next's own App Router frame (or the site's page of last resort, which only stands in for it), or a component
 * that runs in the browser (ours, a library's, or one of Next's such as next/script)?
 * @param {string} source a client module's file, as the manifest names it
 * @returns {{ frame: true } | { frame: false, component: string }}
 */
export function classifyClientModule(source) {
  if (source === SITE_GLOBAL_ERROR) return { frame: true };
  const inNext = /(?:^|\/)node_modules\/next\/dist\/(?:esm\/)?(.+)$/.exec(source);
  if (inNext && NEXT_APP_ROUTER_FRAME.has(/** @type {string} */ (inNext[1]))) return { frame: true };
  return { frame: false, component: source.replace(/^.*?\/node_modules\//, "node_modules/") };
}

/**
 * The client components a prerendered page uses beyond Next's frame: an empty list means it needs no JavaScript.
 * @param {string} html the page as prerendered
 * @param {Map<string, string>} clientModuleSources from readClientModuleSources
 * @param {string} file for error messages
 * @returns {string[]} source files, without repeats
 */
export function clientComponentsOfPage(html, clientModuleSources, file) {
  const references = clientReferences(readInlineFlightPayload(html, file), file);
  const frameSeen = new Set();
  /** @type {Set<string>} */
  const components = new Set();
  for (const { moduleId } of references) {
    const source = clientModuleSources.get(moduleId);
    if (source === undefined) throw new UnrecognisedBuildOutputError(file, `client reference ${moduleId} is in no client reference manifest`);
    const kind = classifyClientModule(source);
    if (kind.frame) frameSeen.add(source.replace(/^.*node_modules\/next\/dist\/(?:esm\/)?/, ""));
    else components.add(kind.component);
  }
  if (!frameSeen.has(LAYOUT_ROUTER)) {
    throw new UnrecognisedBuildOutputError(file, `its RSC payload does not reference Next's ${LAYOUT_ROUTER}, which every App Router page did`);
  }
  return [...components];
}

/**
 * @param {string} dir
 * @param {(name: string) => boolean} wanted
 * @returns {string[]}
 */
export function findFiles(dir, wanted) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, wanted);
    return wanted(entry.name) ? [full] : [];
  });
}
