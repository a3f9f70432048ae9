// @vitest-environment node
/**
 * The font files (lib/reader-font): worked out from the content at build time, always with all of Latin-1 and
 * Latin Extended-A that the typeface has, so that no name staff write ("José Núñez", "Łukasz") can stop a
 * publish; and the build's look at every prerendered page, on a real one
 * (tests/fixtures/zero-javascript/next-16.4.6/privacy.html), which warns and never stops.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Blob, Face } from "harfbuzzjs";
import { convert } from "fontverter";
import { fontWarningsForPages, shownText } from "@/lib/reader-font/page-coverage.mjs";
import {
  ALWAYS_DRAWN_RANGES,
  EXTENSION_CSS_FILE,
  READER_FONT_CHARACTERS,
  READER_FONT_WEIGHTS,
  latinCodePoints,
  planReaderFontFaces,
  sourceFontFile,
  subsetFontFile,
  typefaceCoverage,
  unicodeRange,
  whereContentUses,
  writeReaderFontSubsets,
} from "@/lib/reader-font/subset.mjs";

const privacyHtml = fs.readFileSync(path.resolve("tests/fixtures/zero-javascript/next-16.4.6/privacy.html"), "utf8");
const KB = 1024;

/** The characters a written woff2 file really draws, read from its character map. */
async function charactersDrawnBy(file: string): Promise<string> {
  const sfnt = await convert(fs.readFileSync(file), "truetype");
  return String.fromCodePoint(...new Face(new Blob(sfnt)).collectUnicodes());
}

const alwaysDrawn = ALWAYS_DRAWN_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index)));

describe("the characters the main file always keeps", () => {
  it("are all in the typeface's Latin file, printable ASCII among them", () => {
    const latin = latinCodePoints();
    expect([...READER_FONT_CHARACTERS].filter((character) => !latin.has(character.codePointAt(0)!))).toEqual([]);
    for (const character of "AZaz09 .,;:!?'\"()-/&%$#@") expect(READER_FONT_CHARACTERS).toContain(character);
    for (const character of "’“”–—…") expect(READER_FONT_CHARACTERS).toContain(character);
  });
});

describe("which character goes into which file", () => {
  it("puts every character the content uses into the preloaded main file, where the Latin file has it", async () => {
    const { faces, notInTypeface } = planReaderFontFaces("Dr. José Núñez, MD", await typefaceCoverage());
    const main = faces.find((face) => face.name === "main")!;
    expect(main.preload).toBe(true);
    for (const character of "éúñ") expect(main.characters, character).toContain(character);
    for (const face of faces.filter((candidate) => !candidate.preload)) expect(face.characters).not.toMatch(/[éúñ]/);
    expect(notInTypeface).toEqual([]);
  });

  it("puts a content letter found only in the Latin Extended file into a small face of its own", async () => {
    const { faces } = planReaderFontFaces("Dr. Łukasz Wróbel", await typefaceCoverage());
    expect(faces.find((face) => face.name === "main")!.characters).toContain("ó");
    expect(faces.find((face) => face.name === "content-extended")).toMatchObject({ source: "latin-ext", characters: "Ł", preload: false });
  });

  it("always draws all of Latin-1 and Latin Extended-A that the typeface has, each character in one file", async () => {
    const coverage = await typefaceCoverage();
    const { faces } = planReaderFontFaces("", coverage);
    const drawable = alwaysDrawn.filter((character) => coverage.latin.has(character.codePointAt(0)!) || coverage["latin-ext"].has(character.codePointAt(0)!));
    // Atkinson Hyperlegible has all 96 of Latin-1 and 84 of Latin Extended-A's 128 letters.
    expect(drawable).toHaveLength(96 + 84);
    const placed = faces.flatMap((face) => [...face.characters]);
    for (const character of drawable) expect(placed.filter((candidate) => candidate === character), character).toHaveLength(1);
  });

  it("leaves what the typeface lacks to the system font and says which, never stopping", async () => {
    const { notInTypeface } = planReaderFontFaces("Ĉu vi parolas? ▾ 😀\n\tOK", await typefaceCoverage());
    expect(notInTypeface).toEqual(["Ĉ", "▾", "😀"]);
    const files = [
      { file: "content/about.mdx", text: "---\ntitle: x\n---\n\nĈu vi parolas?\n" },
      { file: "content/clinic.yaml", text: "name: 😀\n" },
    ];
    expect(whereContentUses(files, notInTypeface)).toEqual([
      { file: "content/about.mdx", line: 5, character: "Ĉ" },
      { file: "content/clinic.yaml", line: 1, character: "😀" },
    ]);
  });

  it("declares exactly each face's characters as its unicode-range", () => {
    expect(unicodeRange("cabé")).toBe("U+61-63,U+E9");
    expect(unicodeRange("Ł")).toBe("U+141");
  });
});

describe("writing the files", () => {
  it("draws a physician's name in the typeface, and keeps the preloaded files within the font budget", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reader-font-"));
    try {
      const { sizes, faces } = await writeReaderFontSubsets({ contentText: "Medically reviewed by Dr. José Núñez, MD, and Dr. Łukasz Kowalczyk.", outputDir: dir });
      const stylesheet = fs.readFileSync(path.join(dir, path.basename(EXTENSION_CSS_FILE)), "utf8");
      for (const weight of READER_FONT_WEIGHTS) {
        const main = path.join(dir, path.basename(subsetFontFile(weight)));
        const drawnByMain = await charactersDrawnBy(main);
        for (const character of "José Núñez Kowalczyk") expect(drawnByMain, character).toContain(character);
        // budget.spec.ts allows 14 KB of fonts a page: both weights' main files, within 7 KB each, a third of @fontsource's.
        expect(fs.statSync(main).size).toBeLessThanOrEqual(7 * KB);
        expect(fs.statSync(main).size).toBeLessThan(fs.statSync(sourceFontFile(weight)).size / 2);
        expect(sizes.main![weight]).toBe(fs.statSync(main).size);
        let drawnByAll = drawnByMain;
        for (const face of faces.filter((candidate) => !candidate.preload)) {
          const file = `atkinson-hyperlegible-${face.name}-${weight}.woff2`;
          expect(stylesheet).toContain(`url("./${file}")`);
          expect(stylesheet).toContain(`unicode-range: ${unicodeRange(face.characters)};`);
          drawnByAll += await charactersDrawnBy(path.join(dir, file));
        }
        expect(drawnByAll).toContain("Ł");
        const coverage = await typefaceCoverage(weight);
        for (const character of alwaysDrawn.filter((candidate) => coverage.latin.has(candidate.codePointAt(0)!) || coverage["latin-ext"].has(candidate.codePointAt(0)!))) {
          expect(drawnByAll, character).toContain(character);
        }
      }
      expect(JSON.parse(fs.readFileSync(path.join(dir, "faces.json"), "utf8"))).toEqual(faces);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the text a page shows", () => {
  it("is its body's text and drawn attributes, entities decoded, without scripts, styles or the head", () => {
    const html =
      '<html><head><title>Crème</title><style>p::after{content:"é"}</style></head><body><p>Tom &amp; Jerry&#x27;s &#8212; ok</p>' +
      '<img alt="Naïve" src="x.svg"/><input placeholder="Your name"/><script type="application/ld+json">{"name":"Zoë"}</script></body></html>';
    const text = shownText(html);
    expect(text).toContain("Tom & Jerry's — ok");
    expect(text).toContain("Naïve");
    expect(text).toContain("Your name");
    expect(text).not.toContain("Crème");
    expect(text).not.toContain("é\"");
    expect(text).not.toContain("Zoë");
  });
});

describe("the build's look at every page", () => {
  it("lets a page with José Núñez through without a word when the content uses the name", async () => {
    const { faces } = planReaderFontFaces("José Núñez", await typefaceCoverage());
    const withName = privacyHtml.replace("</main>", "<p>Medically reviewed by Dr. José Núñez, MD ▾</p></main>");
    expect(withName).not.toBe(privacyHtml);
    expect(fontWarningsForPages([{ file: "privacy.html", html: withName }], faces)).toEqual([]);
    expect(fontWarningsForPages([{ file: "privacy.html", html: privacyHtml }], faces)).toEqual([]);
  });

  it("warns, and never stops, when code shows a letter the main file lacks: that page downloads an extension file", async () => {
    const { faces } = planReaderFontFaces("", await typefaceCoverage());
    const withAccent = privacyHtml.replace("</main>", "<p>Résumé</p></main>");
    expect(fontWarningsForPages([{ file: ".next/server/app/privacy.html", html: withAccent }], faces)).toEqual([
      '.next/server/app/privacy.html shows "é" (U+00E9), drawn from the typeface\'s extension file, an extra download for this page: ' +
        "a character in content/ joins the main file by itself, so this one comes from code: add it to READER_FONT_CHARACTERS in lib/reader-font/subset.mjs",
    ]);
  });
});
