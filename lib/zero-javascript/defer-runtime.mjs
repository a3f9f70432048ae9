// @ts-check
/**
 * Keeps Next's runtime on a page that needs it (the self-check, the appointment form) but off its first paint:
 * its chunk <script src> elements and script preloads leave the HTML, and a small inline loader adds the same
 * scripts on the visitor's first tap, key or focus. The page is fully server-rendered and works without
 * JavaScript, so nothing it shows waits for React; React and the form's code arrive when the patient starts to
 * use them.
 *
 * The inline RSC payload (`self.__next_f.push(…)`, the page's tree again for React) leaves the HTML as well, into
 * one script file that the loader runs before the chunks. It is most of the page's bytes (59 of /candidacy's 98 KB)
 * and nothing reads it before the runtime does; left inline, it took /candidacy past the 14.6 KB (gzip) a server
 * can send in its first round trip, and so delayed its first paint by one. Turbopack's bootstrap (a few hundred
 * bytes) stays inline.
 *
 * It returns the hashes of the page's inline scripts, for a policy that allows exactly those and scripts from this
 * origin (the adapter sends it as the page's header). Every <script src> must be one of Next's chunks, and every
 * inline script of the payload one this module moves; other inline scripts (Turbopack's bootstrap) stay, allowed by
 * their hash.
 */
import crypto from "node:crypto";
import { UnrecognisedBuildOutputError } from "./build-output-error.mjs";
import { attribute, removeScriptPreloads, RSC_PAYLOAD_SCRIPT } from "./strip-runtime.mjs";

/** The interactions that start loading: a tap or click, a key, a field focused (also by a screen reader). */
export const FIRST_INTERACTION_EVENTS = ["pointerdown", "touchstart", "keydown", "focusin"];

/** Where every chunk this step accepts lives: the loader names each relative to it. */
const CHUNK_PREFIX = "/_next/static/";

/** The payload files' folder in `<distDir>/static`, which Next serves at CHUNK_PREFIX (and caches for good). */
export const PAYLOAD_FOLDER = "rsc-payload";

/**
 * The loader: adds the page's payload file and then each chunk as a script on the first interaction anywhere on the
 * page, once. Each is told not to be async, so they run in the order added: the payload before the runtime, which
 * reads it when it starts (in any other order the runtime would start with no page to hydrate). They still download
 * at once. noModule ones stay noModule. Capture phase, so no handler of the page can stop it from hearing. Written
 * small by hand: it is part of every byte of the page's first round trip.
 * @param {{ src: string, noModule: boolean }[]} chunks
 * @param {string} payloadPath the payload file, relative to CHUNK_PREFIX
 */
export function firstInteractionLoader(chunks, payloadPath) {
  const relative = (/** @type {{ src: string }} */ { src }) => src.slice(CHUNK_PREFIX.length);
  const modern = JSON.stringify([payloadPath, ...chunks.filter(({ noModule }) => !noModule).map(relative)]);
  const legacy = JSON.stringify(chunks.filter(({ noModule }) => noModule).map(relative));
  const events = JSON.stringify(FIRST_INTERACTION_EVENTS);
  // Arrow functions: a browser too old for them keeps the page as it is without JavaScript, which works.
  return (
    `(()=>{const c=${modern},m=${legacy},e=${events},o={capture:!0,passive:!0},l=()=>{for(const n of e)removeEventListener(n,l,o);` +
    `for(const s of[...c,...m]){const t=document.createElement("script");t.src=${JSON.stringify(CHUNK_PREFIX)}+s;t.async=!1;t.noModule=m.includes(s);document.head.append(t)}};` +
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
 * @returns {{
 *   html: string,
 *   deferred: { scripts: number, preloads: number, payloadScripts: number },
 *   inlineScriptHashes: string[],
 *   payloadScript: { path: string, text: string },
 * }} the page, what left it, the hashes for its policy, and the payload file to write at `<distDir>/static/<path>`
 */
export function deferNextRuntime(html, { file }) {
  /** @type {{ src: string, noModule: boolean }[]} */
  const chunks = [];
  /** @type {string[]} */
  const payload = [];
  let rewritten = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi, (element, attributes, body) => {
    const startTag = `<script ${attributes}>`;
    const src = attribute(startTag, "src");
    if (src === undefined) {
      if (attributes.trim() === "" && RSC_PAYLOAD_SCRIPT.test(body)) {
        payload.push(body);
        return "";
      }
      // Left in the page, it would run as the page is read, before the file: ahead of the rows before it, or before
      // the first script has set up the array at all.
      if (body.includes("__next_f")) throw new UnrecognisedBuildOutputError(file, `an inline script of the RSC payload this step does not move: ${element.slice(0, 120)}`);
      return element;
    }
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
  if (payload.length === 0) throw new UnrecognisedBuildOutputError(file, "it has no inline RSC payload (self.__next_f), so it is not App Router output as this step knows it");
  // The scripts as they were, one after the other: a file runs as the page's scripts ran, in order.
  const payloadText = payload.join(";\n");
  const payloadPath = `${PAYLOAD_FOLDER}/${crypto.createHash("sha256").update(payloadText, "utf8").digest("hex").slice(0, 16)}.js`;
  const loader = firstInteractionLoader(chunks, payloadPath);
  // Every inline script that may run (JSON-LD is data, which no policy governs), the loader among them.
  const hashes = [...rewritten.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => attribute(`<script ${attributes}>`, "type") !== "application/ld+json")
    .map(([, , body]) => scriptHashSource(/** @type {string} */ (body)));
  const charset = /<meta charSet="utf-8"\/>/g;
  if ((rewritten.match(charset) ?? []).length !== 1) throw new UnrecognisedBuildOutputError(file, 'it has no single <meta charSet="utf-8"/> to place the loader after');
  // Early in <head>, so that it hears even a tap made while the rest of the page is still arriving.
  rewritten = rewritten.replace(charset, (meta) => `${meta}<script>${loader}</script>`);
  return {
    html: rewritten,
    deferred: { scripts: chunks.length, preloads, payloadScripts: payload.length },
    inlineScriptHashes: [...new Set([scriptHashSource(loader), ...hashes])],
    payloadScript: { path: payloadPath, text: payloadText },
  };
}
