// @ts-check
/**
 * Keeps Next's runtime on a page that needs it (the self-check, the appointment form) but off its first paint:
 * its chunk <script src> elements and script preloads leave the HTML, and a small inline loader adds the same
 * scripts on the visitor's first tap, key or focus. The page is fully server-rendered and works without
 * JavaScript, so nothing it shows waits for React; React and the form's code arrive when the patient starts to
 * use them. The inline RSC payload and Turbopack's bootstrap stay where they are: they only fill arrays that the
 * runtime reads when it starts, and they run in microseconds.
 *
 * It returns the hashes of the page's inline scripts, for a policy that allows exactly those and scripts from this
 * origin (the adapter sends it as the page's header). Every script must be one this module knows, as for stripping.
 */
import crypto from "node:crypto";
import { UnrecognisedBuildOutputError } from "./build-output-error.mjs";
import { attribute, removeScriptPreloads } from "./strip-runtime.mjs";

/** The interactions that start loading: a tap or click, a key, a field focused (also by a screen reader). */
export const FIRST_INTERACTION_EVENTS = ["pointerdown", "touchstart", "keydown", "focusin"];

/** Where every chunk this step accepts lives: the loader names each relative to it. */
const CHUNK_PREFIX = "/_next/static/";

/**
 * The loader: adds each chunk as a script (added by a script, it is async, as Next had it; noModule ones stay
 * noModule) on the first interaction anywhere on the page, once. Capture phase, so no handler of the page can stop
 * it from hearing. Written small by hand: /candidacy's HTML is within bytes of its 15 KB budget.
 * @param {{ src: string, noModule: boolean }[]} chunks
 */
export function firstInteractionLoader(chunks) {
  const relative = (/** @type {{ src: string }} */ { src }) => src.slice(CHUNK_PREFIX.length);
  const modern = JSON.stringify(chunks.filter(({ noModule }) => !noModule).map(relative));
  const legacy = JSON.stringify(chunks.filter(({ noModule }) => noModule).map(relative));
  const events = JSON.stringify(FIRST_INTERACTION_EVENTS);
  // Arrow functions: a browser too old for them keeps the page as it is without JavaScript, which works.
  return (
    `(()=>{const c=${modern},m=${legacy},e=${events},o={capture:!0,passive:!0},l=()=>{for(const n of e)removeEventListener(n,l,o);` +
    `for(const s of[...c,...m]){const t=document.createElement("script");t.src=${JSON.stringify(CHUNK_PREFIX)}+s;t.noModule=m.includes(s);document.head.append(t)}};` +
    "for(const n of e)addEventListener(n,l,o)})()"
  );
}

/** @param {string} script an inline script's text @returns {string} its CSP hash source */
export function scriptHashSource(script) {
  return `'sha256-${crypto.createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/**
 * @param {string} html a page as Next prerendered it, with the runtime
 * @param {{ file: string }} options the file, for messages
 * @returns {{ html: string, deferred: { scripts: number, preloads: number }, inlineScriptHashes: string[] }}
 */
export function deferNextRuntime(html, { file }) {
  /** @type {{ src: string, noModule: boolean }[]} */
  const chunks = [];
  let rewritten = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (element, attributes, body) => {
    const startTag = `<script ${attributes}>`;
    const src = attribute(startTag, "src");
    if (src === undefined) return element;
    if (!src.startsWith(CHUNK_PREFIX) || body.trim() !== "") throw new UnrecognisedBuildOutputError(file, `a <script src> this step does not know: ${element.slice(0, 120)}`);
    chunks.push({ src, noModule: attribute(startTag, "noModule") !== undefined });
    return "";
  });
  const withoutPreloads = removeScriptPreloads(rewritten, { file });
  rewritten = withoutPreloads.html;
  const { preloads } = withoutPreloads;
  if (chunks.filter(({ noModule }) => !noModule).length === 0) {
    throw new UnrecognisedBuildOutputError(file, "it has no Next.js chunk <script src>, so it is not App Router output as this step knows it");
  }
  const loader = firstInteractionLoader(chunks);
  // Every inline script that may run (JSON-LD is data, which no policy governs), the loader among them.
  const hashes = [...rewritten.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => attribute(`<script ${attributes}>`, "type") !== "application/ld+json")
    .map(([, , body]) => scriptHashSource(/** @type {string} */ (body)));
  const charset = /<meta charSet="utf-8"\/>/g;
  if ((rewritten.match(charset) ?? []).length !== 1) throw new UnrecognisedBuildOutputError(file, 'it has no single <meta charSet="utf-8"/> to place the loader after');
  // Early in <head>, so that it hears even a tap made while the rest of the page is still arriving.
  rewritten = rewritten.replace(charset, (meta) => `${meta}<script>${loader}</script>`);
  return { html: rewritten, deferred: { scripts: chunks.length, preloads }, inlineScriptHashes: [...new Set([scriptHashSource(loader), ...hashes])] };
}
