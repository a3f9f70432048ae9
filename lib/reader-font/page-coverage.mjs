// @ts-check
/**
 * The build's check that the font subset (lib/reader-font/subset.mjs) draws every page: it reads the text a
 * prerendered page shows and names any character the subset lacks, so that an "é" added to a page stops the
 * build instead of showing in another typeface.
 */
import { charactersMissingFromSubset } from "./subset.mjs";

const ENTITIES = /** @type {Record<string, string>} */ ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" });

/** @param {string} text HTML text with character references */
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (reference, name) => {
    if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? reference;
  });
}

/**
 * What a page shows in its typeface: its text, and the attributes a browser draws (alt text of an image that did
 * not load, placeholders and button values). Scripts, styles and the head's metadata are not drawn.
 * @param {string} html
 */
export function shownText(html) {
  const body = html.replace(/<head>[\s\S]*?<\/head>/i, "").replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, "");
  const attributes = [...body.matchAll(/\s(?:alt|placeholder|value)="([^"]*)"/gi)].map((match) => match[1]);
  return decodeEntities([body.replace(/<[^>]*>/g, " "), ...attributes].join(" "));
}

/**
 * @param {{ file: string, html: string }[]} pages
 * @returns {string[]} one message per page that shows a character the subset lacks
 */
export function pagesTheSubsetCannotDraw(pages) {
  return pages.flatMap(({ file, html }) => {
    const missing = charactersMissingFromSubset(shownText(html));
    if (missing.length === 0) return [];
    const named = missing.map((character) => `"${character}" (U+${character.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")})`);
    return [`${file} shows ${named.join(", ")}, which the font subset lacks: add ${missing.length === 1 ? "it" : "them"} to READER_FONT_CHARACTERS in lib/reader-font/subset.mjs`];
  });
}
