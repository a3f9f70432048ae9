// @ts-check
/**
 * The site's typeface cut down to the characters its pages use. @fontsource ships Atkinson Hyperlegible's Latin
 * files (about 17 KB each); most of those bytes are glyphs no page shows and TrueType hinting instructions, which
 * only Windows reads. Under Lighthouse's simulated mobile network the two files arrive after the page, on their
 * own connections, and hold its LCP past 1 s: at about 6.5 KB each they no longer do (reports/bench.md).
 *
 * `npm run build` and `npm run dev` write the subsets first (scripts/subset-reader-font.mjs); lib/fonts.ts serves
 * them through next/font/local. The build then checks every prerendered page (lib/zero-javascript/adapter.mjs):
 * a character that the full Latin file has but the subset lacks stops it, naming the page and the character.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Printable ASCII and the typographic marks our writing uses. Each glyph costs about 40 bytes. */
export const READER_FONT_CHARACTERS =
  Array.from({ length: 0x7e - 0x20 + 1 }, (_, index) => String.fromCodePoint(0x20 + index)).join("") +
  // no-break space, soft hyphen, ‐ ‑ (hyphens; Chrome's automatic hyphenation draws U+2010), – —, ‘ ’ “ ”, …, •,
  // ‹ ›, word joiner, thin and narrow no-break spaces, and © ® ° ± × ™ €.
  "\u00a0\u00ad\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u2039\u203a\u2060\u2009\u202f\u00a9\u00ae\u00b0\u00b1\u00d7\u2122\u20ac";

export const READER_FONT_WEIGHTS = /** @type {const} */ (["400", "700"]);

const require = createRequire(import.meta.url);
const fontsourceDir = path.dirname(require.resolve("@fontsource/atkinson-hyperlegible/package.json"));

/** @param {"400" | "700"} weight */
export const sourceFontFile = (weight) => path.join(fontsourceDir, "files", `atkinson-hyperlegible-latin-${weight}-normal.woff2`);
/** @param {"400" | "700"} weight where the subset goes: lib/fonts.ts names these paths. */
export const subsetFontFile = (weight) => path.join(import.meta.dirname, "generated", `atkinson-hyperlegible-subset-${weight}.woff2`);

/** The code points of the source files' "latin" range, as @fontsource states it (e.g. "U+0000-00FF,U+0131"). */
export function latinCodePoints() {
  const ranges = JSON.parse(fs.readFileSync(path.join(fontsourceDir, "unicode.json"), "utf8")).latin;
  if (typeof ranges !== "string" || !/^U\+[0-9A-F]{4}/.test(ranges)) {
    throw new Error(`@fontsource/atkinson-hyperlegible/unicode.json: expected a "latin" range list like "U+0000-00FF,…", found ${JSON.stringify(ranges)}`);
  }
  /** @type {[number, number][]} */
  const parsed = ranges.split(",").map((range) => {
    const match = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/.exec(range.trim());
    if (!match) throw new Error(`@fontsource/atkinson-hyperlegible/unicode.json: cannot read the range "${range}"`);
    const [, from = "", to = from] = match;
    return [parseInt(from, 16), parseInt(to, 16)];
  });
  return { has: (/** @type {number} */ codePoint) => parsed.some(([from, to]) => codePoint >= from && codePoint <= to) };
}

/**
 * The characters of `text` that the full Latin file would have drawn but the subset cannot. Characters outside
 * that range (an arrow like ▾, an emoji) were drawn by a fallback font before the subset too, and are left alone.
 * @param {string} text
 */
export function charactersMissingFromSubset(text) {
  const latin = latinCodePoints();
  const missing = new Set();
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x20 || READER_FONT_CHARACTERS.includes(character)) continue;
    if (latin.has(codePoint)) missing.add(character);
  }
  return [...missing];
}

/**
 * Writes the subset of each weight from @fontsource's file; stops on anything it does not expect.
 * @param {(weight: "400" | "700") => string} [outputFile] where each goes (tests write elsewhere)
 */
export async function writeReaderFontSubsets(outputFile = subsetFontFile) {
  const { default: subsetFont } = await import("subset-font");
  const latin = latinCodePoints();
  const outside = [...READER_FONT_CHARACTERS].filter((character) => !latin.has(character.codePointAt(0) ?? 0));
  if (outside.length > 0) throw new Error(`lib/reader-font/subset.mjs: ${outside.join(" ")} is not in the typeface's Latin file, so no subset can have it`);
  /** @type {Record<string, number>} */
  const sizes = {};
  for (const weight of READER_FONT_WEIGHTS) {
    const source = fs.readFileSync(sourceFontFile(weight));
    // Hinting instructions are dropped: only Windows reads them, and the text is large (18 px and up).
    const subset = await subsetFont(source, READER_FONT_CHARACTERS, { targetFormat: "woff2", noHinting: true });
    if (subset.subarray(0, 4).toString("latin1") !== "wOF2" || subset.length < 2_000 || subset.length >= source.length) {
      throw new Error(`The subset of ${path.basename(sourceFontFile(weight))} is not a plausible woff2 (${subset.length} bytes from ${source.length})`);
    }
    fs.mkdirSync(path.dirname(outputFile(weight)), { recursive: true });
    fs.writeFileSync(outputFile(weight), subset);
    sizes[weight] = subset.length;
  }
  return sizes;
}
