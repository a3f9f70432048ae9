// @ts-check
/**
 * The site's Content-Security-Policy, in one place for next.config.ts (every response) and the build step that
 * strips Next's runtime (lib/zero-javascript), which tightens it on the pages it leaves without JavaScript.
 * Plain JavaScript because that build step is loaded by Node itself, not by Next's TypeScript loader.
 */

/**
 * As strict as static rendering allows where React runs. Next streams each page's data in inline <script> tags
 * whose content differs per page, and nonces would need a server render per request, so scripts and styles
 * allow 'unsafe-inline' from this origin only. Nothing may load from, or frame this site from, another origin.
 * @type {ReadonlyArray<readonly [string, string]>}
 */
const DIRECTIVES = [
  ["default-src", "'self'"],
  ["script-src", "'self' 'unsafe-inline'"],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data:"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["frame-ancestors", "'none'"],
  ["form-action", "'self'"],
];

/** Browsers ignore these in a <meta> policy, and say so in the console: they belong in the header only. */
const HEADER_ONLY_DIRECTIVES = new Set(["frame-ancestors", "report-uri", "sandbox"]);

/** What script-src becomes for each kind of page; `inline` is the directive as written above. */
const SCRIPT_SOURCES = { none: "'none'", "inline-and-eval": "'self' 'unsafe-inline' 'unsafe-eval'" };

/**
 * @param {{ scripts: "inline" | "none" | "inline-and-eval" | { hashes: string[] }, forMetaElement?: boolean, framedBySite?: boolean }} options
 * @returns {string}
 */
function buildPolicy({ scripts, forMetaElement = false, framedBySite = false }) {
  return DIRECTIVES.filter(([name]) => !(forMetaElement && HEADER_ONLY_DIRECTIVES.has(name)))
    .map(([name, value]) => {
      if (name === "script-src" && typeof scripts === "object") return `${name} 'self' ${scripts.hashes.join(" ")}`;
      if (name === "script-src" && typeof scripts === "string" && scripts !== "inline") return `${name} ${SCRIPT_SOURCES[scripts]}`;
      if (name === "frame-ancestors" && framedBySite) return `${name} 'self'`;
      return `${name} ${value}`;
    })
    .join("; ");
}

/** The policy of every response, and the whole policy of the pages that keep React (the self-check, the form). */
export const CONTENT_SECURITY_POLICY = buildPolicy({ scripts: "inline" });

/**
 * `next dev` only: React's development build and Next's dev runtime use eval() (to rebuild call stacks for their
 * error overlay), and with the policy above the browser reports "eval() is not supported" on every page, which
 * staff previewing a page take for a fault. next.config.ts sends it for the development server's phase alone.
 */
export const DEVELOPMENT_CONTENT_SECURITY_POLICY = buildPolicy({ scripts: "inline-and-eval" });

/**
 * The staff's preview of a draft shows the page in a frame of the preview's own page, at a phone's or a desktop's
 * width: that one address may be framed, by this site alone (for `next dev` and for the built server).
 */
export const FRAMED_BY_SITE_CONTENT_SECURITY_POLICY = buildPolicy({ scripts: "inline", framedBySite: true });
export const DEVELOPMENT_FRAMED_BY_SITE_CONTENT_SECURITY_POLICY = buildPolicy({ scripts: "inline-and-eval", framedBySite: true });

/** Pages that ship no JavaScript: no script may run at all (JSON-LD is data, not a script, and is unaffected). */
export const NO_SCRIPT_CONTENT_SECURITY_POLICY = buildPolicy({ scripts: "none" });

/** The same, as a <meta http-equiv> in the page itself, so a static host that sends no header enforces it too. */
export const NO_SCRIPT_META_CONTENT_SECURITY_POLICY = buildPolicy({ scripts: "none", forMetaElement: true });

/**
 * The pages whose runtime loads on the first interaction (lib/zero-javascript/defer-runtime.mjs): scripts from
 * this origin and exactly the page's own inline scripts, by hash, instead of any inline script. A header, not a
 * <meta>: the hashes would take these pages' HTML over its budget. Sent with the prerendered page only (the
 * adapter's rule skips requests with a body): the form's post without JavaScript is answered at the same address
 * by a page rendered then, whose inline scripts differ, under the policy above.
 * @param {string[]} inlineScriptHashes CSP hash sources, e.g. 'sha256-…'
 */
export function deferredRuntimeContentSecurityPolicy(inlineScriptHashes) {
  return buildPolicy({ scripts: { hashes: inlineScriptHashes } });
}
