/**
 * The language-assistance taglines (45 CFR 92.11): the clinic's translators write them in the file that
 * content/clinic.yaml names; the site never writes or machine-translates one. The texts here are made up for the
 * tests ("Testish" is no language), so nothing in them could be mistaken for a real translation.
 */
import { describe, expect, it } from "vitest";
import { parseLanguageTaglines, translatedTaglines } from "@/lib/content/language-taglines";
import { formatContentProblem } from "@/lib/content/errors";

const FILE = "content/language-taglines.yaml";
const problemsOf = (yamlText: string) => {
  const result = parseLanguageTaglines(yamlText, FILE);
  if (result.ok) throw new Error("expected the taglines to be refused");
  return result.problems.map(formatContentProblem);
};

describe("the taglines file", () => {
  it("reads each tagline with its language name, text, language tag and direction", () => {
    const result = parseLanguageTaglines(
      "- language: Testish\n  text: Tset tset, free help.\n  lang: qaa\n  dir: ltr\n" +
        "- language: Mirrorish\n  text: .pleh eerf ,rorrim\n  lang: qab\n  dir: rtl\n",
      FILE,
    );
    expect(result).toEqual({
      ok: true,
      data: [
        { language: "Testish", text: "Tset tset, free help.", lang: "qaa", dir: "ltr" },
        { language: "Mirrorish", text: ".pleh eerf ,rorrim", lang: "qab", dir: "rtl" },
      ],
    });
  });

  it("names the file, line and field of each bad value", () => {
    expect(
      problemsOf(
        "- language: Testish\n  text: Tset tset, free help.\n  lang: not a tag\n  dir: ltr\n" +
          "- language: Mirrorish\n  text: ''\n  lang: ar\n  dir: right-to-left\n" +
          "- language: Third\n  text: Third text here.\n  lang: es\n  dir: ltr\n  langauge: typo\n",
      ),
    ).toEqual([
      `${FILE}:3: \`0.lang\` must be a language tag (BCP 47), e.g. es, zh-Hant or ar`,
      `${FILE}:8: \`1.dir\` must be ltr (left to right) or rtl (right to left, e.g. Arabic)`,
      `${FILE}:13: \`2\` has a field the site does not know: \`langauge\` (check the spelling)`,
    ]);
  });

  it("accepts a language listed without its text yet: it waits for the clinic's translator, and the page leaves it out", () => {
    const parsed = parseLanguageTaglines("- language: Testish\n  text: ''\n  lang: qaa\n  dir: ltr\n", FILE);
    expect(parsed.ok && parsed.data).toEqual([{ language: "Testish", lang: "qaa", dir: "ltr" }]);
    expect(parsed.ok && translatedTaglines(parsed.data)).toEqual([]);
  });

  it("refuses a missing field, and a language listed twice", () => {
    expect(problemsOf("- language: Testish\n  text: One.\n  lang: es\n- language: Other\n  text: Two.\n  lang: es\n  dir: ltr\n")).toEqual([
      `${FILE}:1: \`0.dir\` is missing: write ltr (left to right) or rtl (right to left, e.g. Arabic)`,
    ]);
    expect(problemsOf("- language: Testish\n  text: One.\n  lang: es\n  dir: ltr\n- language: Other\n  text: Two.\n  lang: ES\n  dir: ltr\n")).toEqual([
      `${FILE}:7: \`1.lang\` \`ES\` is listed twice; each language needs one tagline`,
    ]);
  });

  it("must be a list", () => {
    expect(problemsOf("language: Testish\n")).toEqual([
      `${FILE}:1: must be a list of taglines, each starting with \`- language:\``,
    ]);
  });
});
