// @ts-check
/**
 * Removes Next's runtime from a prerendered page that needs none: its <script> elements (the framework's
 * chunks, Turbopack's bootstrap and the inline RSC payload) and their preloads. JSON-LD stays: it is data for
 * search engines, not a script. Every script and script preload must be one this module knows; anything else
 * stops the build (see build-output-error.mjs), because an unknown script might be the one that shows content.
 */
import { UnrecognisedBuildOutputError } from "./build-output-error.mjs";

/**
 * An attribute's value in an element's start tag: "" for one written without a value (`noModule`), undefined when
 * the tag has none. Also used by ./defer-runtime.mjs.
 * @param {string} tag @param {string} name @returns {string | undefined}
 */
export function attribute(tag, name) {
  const match = new RegExp(`\\s${name}(?:=(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?(?=[\\s/>])`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : undefined;
}

/**
 * Takes Next's script preloads (`modulepreload`, `preload as=script`, all under /_next/static/) out of a page; any
 * other `<link as="script">` stops the build. Also used by ./defer-runtime.mjs.
 * @param {string} html @param {{ file: string }} options @returns {{ html: string, preloads: number }}
 */
export function removeScriptPreloads(html, { file }) {
  let preloads = 0;
  const rewritten = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const rel = attribute(tag, "rel")?.toLowerCase();
    const as = attribute(tag, "as")?.toLowerCase();
    if (rel === "modulepreload" || (rel === "preload" && as === "script")) {
      if (!attribute(tag, "href")?.startsWith("/_next/static/")) throw new UnrecognisedBuildOutputError(file, `a script preload this step does not know: ${tag}`);
      preloads += 1;
      return "";
    }
    if (as === "script") throw new UnrecognisedBuildOutputError(file, `a <link as="script"> this step does not know: ${tag}`);
    return tag;
  });
  return { html: rewritten, preloads };
}

/** An inline script of Next's RSC payload: the first sets up the array the runtime reads, the rest fill it. */
export const RSC_PAYLOAD_SCRIPT = /^\(self\.__next_f=self\.__next_f\|\|\[\]\)\.push\(|^self\.__next_f\.push\(/;

/**
 * What a <script> is, or undefined for one this step does not know.
 * @param {string} startTag @param {string} body
 * @returns {"json-ld" | "next-chunk" | "rsc-payload" | "turbopack-bootstrap" | undefined}
 */
function scriptKind(startTag, body) {
  const src = attribute(startTag, "src");
  if (attribute(startTag, "type") === "application/ld+json" && src === undefined) return "json-ld";
  if (src !== undefined) return src.startsWith("/_next/static/") && body.trim() === "" ? "next-chunk" : undefined;
  if (RSC_PAYLOAD_SCRIPT.test(body)) return "rsc-payload";
  if (attribute(startTag, "id") === "_R_" && body.startsWith('(globalThis["TURBOPACK"]')) return "turbopack-bootstrap";
  return undefined;
}

/** Markers of a Suspense boundary whose content arrives later and is revealed by an inline script. */
const STREAMED_CONTENT = [/<template id="B:/, /<!--\$\?-->/, /<div hidden id="S:/];

/**
 * @param {string} html a page as Next prerendered it
 * @param {{ file: string, contentSecurityPolicy: string }} options the file (for messages) and the policy to
 *   state in a <meta http-equiv>, so that a host sending no header still forbids scripts
 * @returns {{ html: string, removed: { scripts: number, preloads: number } }}
 */
export function stripNextRuntime(html, { file, contentSecurityPolicy }) {
  for (const marker of STREAMED_CONTENT) {
    if (marker.test(html)) throw new UnrecognisedBuildOutputError(file, `it holds streamed content (${marker.source}) that only a script would reveal`);
  }
  const seen = { "json-ld": 0, "next-chunk": 0, "rsc-payload": 0, "turbopack-bootstrap": 0 };
  let stripped = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (element, attributes, body) => {
    const startTag = `<script ${attributes}>`;
    const kind = scriptKind(startTag, body);
    if (kind === undefined) throw new UnrecognisedBuildOutputError(file, `a <script> this step does not know: ${element.slice(0, 120)}`);
    seen[kind] += 1;
    return kind === "json-ld" ? element : "";
  });
  const withoutPreloads = removeScriptPreloads(stripped, { file });
  stripped = withoutPreloads.html;
  const { preloads } = withoutPreloads;

  // What Next's App Router output has always had: without these, this is not a page this step understands.
  if (seen["next-chunk"] === 0 || seen["rsc-payload"] === 0) {
    throw new UnrecognisedBuildOutputError(file, "it has no Next.js chunk <script src> or no inline RSC payload, so it is not App Router output as this step knows it");
  }
  // Nothing of the runtime may survive: a leftover reference would mean a half-stripped page.
  const leftover = /<script(?![^>]*application\/ld\+json)[^>]*>|__next_f|TURBOPACK|\/_next\/static\/[^"'\s]*\.js\b/.exec(stripped);
  if (leftover) throw new UnrecognisedBuildOutputError(file, `after stripping, "${leftover[0]}" remains`);

  const charset = /<meta charSet="utf-8"\/>/g;
  if ((stripped.match(charset) ?? []).length !== 1) throw new UnrecognisedBuildOutputError(file, 'it has no single <meta charSet="utf-8"/> to place the policy after');
  const policyMeta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy.replaceAll('"', "&quot;")}"/>`;
  stripped = stripped.replace(charset, (meta) => `${meta}${policyMeta}`);

  return { html: stripped, removed: { scripts: seen["next-chunk"] + seen["rsc-payload"] + seen["turbopack-bootstrap"], preloads } };
}
