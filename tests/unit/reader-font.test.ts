// @vitest-environment node
/**
 * The font subset (lib/reader-font): what it keeps, and the build's check that it draws every page, on a real
 * prerendered page (tests/fixtures/zero-javascript/next-16.4.6/privacy.html).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pagesTheSubsetCannotDraw, shownText } from "@/lib/reader-font/page-coverage.mjs";
import {
  READER_FONT_CHARACTERS,
  READER_FONT_WEIGHTS,
  charactersMissingFromSubset,
  latinCodePoints,
  sourceFontFile,
  writeReaderFontSubsets,
} from "@/lib/reader-font/subset.mjs";

const privacyHtml = fs.readFileSync(path.resolve("tests/fixtures/zero-javascript/next-16.4.6/privacy.html"), "utf8");

describe("the characters the subset keeps", () => {
  it("are all in the typeface's Latin file, printable ASCII among them", () => {
    const latin = latinCodePoints();
    expect([...READER_FONT_CHARACTERS].filter((character) => !latin.has(character.codePointAt(0)!))).toEqual([]);
    for (const character of "AZaz09 .,;:!?'\"()-/&%$#@") expect(READER_FONT_CHARACTERS).toContain(character);
    for (const character of "’“”–—…") expect(READER_FONT_CHARACTERS).toContain(character);
  });

  it("a Latin character the subset lacks is named; one the full file never had (▾) is not", () => {
    expect(charactersMissingFromSubset("Café ▾ don’t – 10 × 2")).toEqual(["é"]);
    expect(charactersMissingFromSubset("Plain words.\n\tNothing else.")).toEqual([]);
  });
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

  it("every character of a real page is in the subset", () => {
    expect(pagesTheSubsetCannotDraw([{ file: "privacy.html", html: privacyHtml }])).toEqual([]);
  });

  it("a page with a character the subset lacks stops the build with the page, the character and the fix", () => {
    const withAccent = privacyHtml.replace("</main>", "<p>Résumé</p></main>");
    expect(withAccent).not.toBe(privacyHtml);
    const [message, ...rest] = pagesTheSubsetCannotDraw([{ file: ".next/server/app/privacy.html", html: withAccent }]);
    expect(rest).toEqual([]);
    expect(message).toMatch(/^\.next\/server\/app\/privacy\.html shows "é" \(U\+00E9\), which the font subset lacks: add it to READER_FONT_CHARACTERS in lib\/reader-font\/subset\.mjs$/);
  });
});

describe("writing the subsets", () => {
  it("each weight becomes a woff2 of about a third of @fontsource's file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reader-font-"));
    try {
      const sizes = await writeReaderFontSubsets((weight) => path.join(dir, `${weight}.woff2`));
      for (const weight of READER_FONT_WEIGHTS) {
        const subset = fs.readFileSync(path.join(dir, `${weight}.woff2`));
        expect(subset.subarray(0, 4).toString("latin1")).toBe("wOF2");
        expect(subset.length).toBe(sizes[weight]);
        expect(subset.length).toBeLessThan(fs.statSync(sourceFontFile(weight)).size / 2);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
