// @ts-check
/**
 * The site's typeface cut down to the characters its pages use. @fontsource ships Atkinson Hyperlegible's Latin
 * files (about 17 KB each); most of those bytes are glyphs no page shows and TrueType hinting instructions, which
 * only Windows reads. Under Lighthouse's simulated mobile network the two files arrive after the page, on their
 * own connections, and hold its LCP past 1 s: at about 6.5 KB each they no longer do (reports/bench.md).
 *
 * What each file holds is worked out from the content at build time, so no word staff write can stop a publish:
 * - the main file of each weight (preloaded, lib/fonts.ts): printable ASCII, our typographic marks, and every
 *   other character the content uses that @fontsource's Latin file has ("é" of José, "ñ" of Núñez);
 * - extension faces (lib/reader-font/generated/reader-font-extension.css): all of Latin-1 and Latin Extended-A
 *   that the typeface has and the main file does not, plus content characters found only in its Latin Extended
 *   file ("ł" of Łukasz). Each face declares exactly its characters (unicode-range): a browser downloads one
 *   only for a page that shows one, so a name typed in the editor's preview is drawn in the typeface too, and no
 *   published page pays for letters it does not use.
 * A character the typeface does not have at all (Atkinson Hyperlegible lacks "Ĉ", "ŉ", emoji) is drawn in the
 * reader's system font: `npm run build` says so in a warning, with the file and line, and carries on.
 *
 * `npm run build` and `npm run dev` write the files first (scripts/subset-reader-font.mjs); lib/fonts.ts serves
 * them. The build then compares each prerendered page with them (lib/reader-font/page-coverage.mjs).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { EXTENSION_FONT_FAMILY } from "./family.mjs";

/** Printable ASCII and the typographic marks our writing uses, always in the main file. Each glyph costs about 40 bytes. */
export const READER_FONT_CHARACTERS =
  Array.from({ length: 0x7e - 0x20 + 1 }, (_, index) => String.fromCodePoint(0x20 + index)).join("") +
  // no-break space, soft hyphen, ‐ ‑ (hyphens; Chrome's automatic hyphenation draws U+2010), – —, ‘ ’ “ ”, …, •,
  // ‹ ›, word joiner, thin and narrow no-break spaces, and © ® ° ± × ™ €.
  "\u00a0\u00ad\u2010\u2011\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u2039\u203a\u2060\u2009\u202f\u00a9\u00ae\u00b0\u00b1\u00d7\u2122\u20ac";

/**
 * Latin-1 Supplement and Latin Extended-A: the letters of names from Western, Central and Northern Europe and
 * the Americas (José Núñez, Łukasz Wróbel, Dvořák). Always drawable, whether the content uses them yet or not.
 */
export const ALWAYS_DRAWN_RANGES = /** @type {const} */ ([
  [0x00a0, 0x00ff],
  [0x0100, 0x017f],
]);

export const READER_FONT_WEIGHTS = /** @type {const} */ (["400", "700"]);

/** @fontsource's two files of each weight: "latin" (ASCII, Latin-1, punctuation) and "latin-ext". */
export const SOURCE_KINDS = /** @type {const} */ (["latin", "latin-ext"]);

/**
 * @typedef {"400" | "700"} Weight
 * @typedef {"latin" | "latin-ext"} SourceKind
 * @typedef {{ name: "main" | "content-extended" | "latin-1" | "extended-a", source: SourceKind, characters: string, preload: boolean }} FacePlan
 * @typedef {Record<SourceKind, ReadonlySet<number>>} Coverage the code points each source file draws
 */

const require = createRequire(import.meta.url);
const fontsourceDir = path.dirname(require.resolve("@fontsource/atkinson-hyperlegible/package.json"));
const GENERATED_DIR = path.join(import.meta.dirname, "generated");

/**
 * @param {Weight} weight
 * @param {SourceKind} [source]
 */
export const sourceFontFile = (weight, source = "latin") =>
  path.join(fontsourceDir, "files", `atkinson-hyperlegible-${source}-${weight}-normal.woff2`);

/** @param {Weight} weight where the main file goes: lib/fonts.ts names these paths. */
export const subsetFontFile = (weight) => path.join(GENERATED_DIR, `atkinson-hyperlegible-subset-${weight}.woff2`);

/** The stylesheet of the extension faces, which lib/fonts.ts imports. */
export const EXTENSION_CSS_FILE = path.join(GENERATED_DIR, "reader-font-extension.css");

/** What each written file holds, for the build's check of the prerendered pages (page-coverage.mjs). */
export const FACES_FILE = path.join(GENERATED_DIR, "faces.json");

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
 * The characters each of @fontsource's files really draws, read from its character map (its "latin-ext" file
 * covers 81 of Latin Extended-A's 128 letters: the typeface has no more).
 * @param {Weight} [weight]
 * @returns {Promise<Coverage>}
 */
export async function typefaceCoverage(weight = "400") {
  const [{ Blob, Face }, fontverter] = await Promise.all([import("harfbuzzjs"), import("fontverter")]);
  /** @param {SourceKind} source */
  const codePointsOf = async (source) => {
    const sfnt = await fontverter.convert(fs.readFileSync(sourceFontFile(weight, source)), "truetype");
    return new Set(new Face(new Blob(sfnt)).collectUnicodes());
  };
  return { latin: await codePointsOf("latin"), "latin-ext": await codePointsOf("latin-ext") };
}

/** @param {string} character */
const codePointOf = (character) => character.codePointAt(0) ?? 0;

/** Characters nobody sees drawn: line breaks, tabs and other control characters. */
const isDrawn = (/** @type {number} */ codePoint) => codePoint >= 0x20 && !(codePoint >= 0x7f && codePoint < 0xa0);

/** Every character of the always-drawn ranges, in order. */
function alwaysDrawnCharacters() {
  return ALWAYS_DRAWN_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index)));
}

/** @param {Iterable<string>} characters sorted, without repeats */
const asText = (characters) => [...new Set(characters)].sort((a, b) => codePointOf(a) - codePointOf(b)).join("");

/**
 * Which characters go into which file, from the content's text and what the typeface draws. Pure.
 * @param {string} contentText every word of the content
 * @param {Coverage} coverage
 * @returns {{ faces: FacePlan[], notInTypeface: string[] }} the faces that hold anything, and the content's
 *   characters the typeface lacks (drawn by the reader's system font)
 */
export function planReaderFontFaces(contentText, coverage) {
  const inLatin = (/** @type {string} */ character) => coverage.latin.has(codePointOf(character));
  const inLatinExt = (/** @type {string} */ character) => !inLatin(character) && coverage["latin-ext"].has(codePointOf(character));
  const used = [...new Set(contentText)].filter((character) => isDrawn(codePointOf(character)));
  const main = new Set([...READER_FONT_CHARACTERS, ...used.filter(inLatin)]);
  const contentExtended = new Set(used.filter(inLatinExt));
  const always = alwaysDrawnCharacters();
  /** @type {FacePlan[]} */
  const faces = [
    { name: "main", source: "latin", characters: asText(main), preload: true },
    { name: "content-extended", source: "latin-ext", characters: asText(contentExtended), preload: false },
    { name: "latin-1", source: "latin", characters: asText(always.filter((character) => inLatin(character) && !main.has(character))), preload: false },
    { name: "extended-a", source: "latin-ext", characters: asText(always.filter((character) => inLatinExt(character) && !contentExtended.has(character))), preload: false },
  ];
  return {
    faces: faces.filter((face) => face.characters.length > 0),
    notInTypeface: [...asText(used.filter((character) => !inLatin(character) && !inLatinExt(character)))],
  };
}

/**
 * A CSS unicode-range for exactly these characters, runs joined: "U+A1-A8,U+AA".
 * @param {string} characters
 */
export function unicodeRange(characters) {
  const codePoints = [...new Set([...characters].map(codePointOf))].sort((a, b) => a - b);
  /** @type {[number, number][]} */
  const runs = [];
  for (const codePoint of codePoints) {
    const last = runs.at(-1);
    if (last && codePoint === last[1] + 1) last[1] = codePoint;
    else runs.push([codePoint, codePoint]);
  }
  const hex = (/** @type {number} */ value) => value.toString(16).toUpperCase();
  return runs.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(",");
}

/**
 * @param {FacePlan} face
 * @param {Weight} weight
 */
export const faceFileName = (face, weight) => `atkinson-hyperlegible-${face.name}-${weight}.woff2`;

/**
 * The stylesheet of the extension faces: one @font-face per face and weight, each with exactly its characters.
 * @param {FacePlan[]} faces
 */
export function extensionStylesheet(faces) {
  const rules = faces
    .filter((face) => !face.preload)
    .flatMap((face) =>
      READER_FONT_WEIGHTS.map(
        (weight) =>
          `@font-face {\n  font-family: "${EXTENSION_FONT_FAMILY}";\n  src: url("./${faceFileName(face, weight)}") format("woff2");\n` +
          `  font-weight: ${weight};\n  font-style: normal;\n  font-display: swap;\n  unicode-range: ${unicodeRange(face.characters)};\n}\n`,
      ),
    );
  return `/* Written by scripts/subset-reader-font.mjs (lib/reader-font/subset.mjs): do not edit. */\n${rules.join("")}`;
}

/**
 * Where each character the typeface lacks first appears in the content files, for the build's warning.
 * @param {{ file: string, text: string }[]} files
 * @param {readonly string[]} notInTypeface
 */
export function whereContentUses(files, notInTypeface) {
  return notInTypeface.flatMap((character) => {
    for (const { file, text } of files) {
      const lineIndex = text.split("\n").findIndex((line) => line.includes(character));
      if (lineIndex >= 0) return [{ file, line: lineIndex + 1, character }];
    }
    return [];
  });
}

/** @param {string} character "ŉ" as `"ŉ" (U+0149)` */
export const characterInWords = (character) => `"${character}" (U+${codePointOf(character).toString(16).toUpperCase().padStart(4, "0")})`;

/**
 * The files of content/ whose words the site shows: the pages and the data files (clinic facts, references,
 * self-check), not the staff guide.
 * @param {string} contentDir
 */
export function readContentTexts(contentDir) {
  return fs
    .readdirSync(contentDir)
    .filter((name) => /\.(mdx|ya?ml)$/.test(name))
    .sort()
    .map((name) => ({ file: path.posix.join(path.basename(contentDir), name), text: fs.readFileSync(path.join(contentDir, name), "utf8") }));
}

/**
 * Writes each face of each weight from @fontsource's files, the extension stylesheet and faces.json; stops only on
 * what it does not expect of @fontsource, never on the content.
 * @param {{ contentText: string, outputDir?: string }} options `outputDir` defaults to lib/reader-font/generated (tests write elsewhere)
 */
export async function writeReaderFontSubsets({ contentText, outputDir = GENERATED_DIR }) {
  const { default: subsetFont } = await import("subset-font");
  const latin = latinCodePoints();
  const outside = [...READER_FONT_CHARACTERS].filter((character) => !latin.has(codePointOf(character)));
  if (outside.length > 0) throw new Error(`lib/reader-font/subset.mjs: ${outside.join(" ")} is not in the typeface's Latin file, so no subset can have it`);
  const plan = planReaderFontFaces(contentText, await typefaceCoverage());
  fs.mkdirSync(outputDir, { recursive: true });
  /** @type {Record<string, Record<string, number>>} bytes of each face's file, by weight */
  const sizes = {};
  for (const face of plan.faces) {
    /** @type {Record<string, number>} */
    const faceSizes = (sizes[face.name] = {});
    for (const weight of READER_FONT_WEIGHTS) {
      const source = fs.readFileSync(sourceFontFile(weight, face.source));
      // Hinting instructions are dropped: only Windows reads them, and the text is large (18 px and up).
      const subset = await subsetFont(source, face.characters, { targetFormat: "woff2", noHinting: true });
      if (subset.subarray(0, 4).toString("latin1") !== "wOF2" || subset.length < 400 || subset.length >= source.length) {
        throw new Error(`The ${face.name} subset of ${path.basename(sourceFontFile(weight, face.source))} is not a plausible woff2 (${subset.length} bytes from ${source.length})`);
      }
      fs.writeFileSync(path.join(outputDir, face.preload ? path.basename(subsetFontFile(weight)) : faceFileName(face, weight)), subset);
      faceSizes[weight] = subset.length;
    }
  }
  fs.writeFileSync(path.join(outputDir, path.basename(EXTENSION_CSS_FILE)), extensionStylesheet(plan.faces));
  fs.writeFileSync(path.join(outputDir, path.basename(FACES_FILE)), `${JSON.stringify(plan.faces, null, 2)}\n`);
  return { sizes, faces: plan.faces, notInTypeface: plan.notInTypeface };
}
