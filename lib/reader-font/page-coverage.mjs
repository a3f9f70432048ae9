// @ts-check
/**
 * The build's look at the font of every prerendered page: it reads the text a page shows and compares it with
 * what the written font files hold (faces.json, lib/reader-font/subset.mjs). It never stops the build: a
 * character outside the main file is still drawn, from an extension face (a warning: an extra download, which a
 * character typed in code causes) or by the reader's system font, as an arrow like ▾ always was (the subset step
 * warns of content characters the typeface lacks).
 */
import { characterInWords } from "./subset.mjs";

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
 * @param {readonly { name: string, characters: string, preload: boolean }[]} faces what the font files hold
 * @returns {string[]} one warning per page that shows a character of the typeface outside its preloaded main file
 */
export function fontWarningsForPages(pages, faces) {
  const main = new Set(faces.filter((face) => face.preload).flatMap((face) => [...face.characters]));
  const extension = new Set(faces.filter((face) => !face.preload).flatMap((face) => [...face.characters]));
  return pages.flatMap(({ file, html }) => {
    const fromExtension = [...new Set(shownText(html))].filter((character) => extension.has(character) && !main.has(character));
    if (fromExtension.length === 0) return [];
    return [
      `${file} shows ${fromExtension.map(characterInWords).join(", ")}, drawn from the typeface's extension file, an extra download ` +
        "for this page: a character in content/ joins the main file by itself, so this one comes from code: add it to " +
        "READER_FONT_CHARACTERS in lib/reader-font/subset.mjs",
    ];
  });
}
