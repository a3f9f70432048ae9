// @vitest-environment node
/** The content check's rules one by one, on small texts. */
import { describe, expect, it } from "vitest";
import { checkBannedPhrases, parseBannedPhrases } from "@/lib/content/check/banned-phrases";
import { checkExampleContacts } from "@/lib/content/check/example-contacts";
import { linkProblem } from "@/lib/content/check/links";
import { parsePage, type ParsedPage } from "@/lib/content/check/parse-mdx";
import { measureReadingLevel, measureTextReadingLevel } from "@/lib/content/check/reading-level";
import { formatContentCheckReport } from "@/lib/content/check/report";
import { checkSelfCheckFile } from "@/lib/content/check/self-check";
import { DEFAULT_CONTENT_CHECK_CONFIG } from "@/lib/content/check/config";
import { formatContentProblem } from "@/lib/content/errors";
import { closestMatch } from "@/lib/content/suggest.mjs";
import { yamlTextValues } from "@/lib/content/yaml";
import { CODE_PAGE_HREFS } from "@/lib/routes";

const addresses = { pages: ["/", "/benefits", "/faq", ...CODE_PAGE_HREFS], publicFiles: new Set(["/images/spine.svg"]) };

async function parsed(text: string): Promise<ParsedPage> {
  const result = await parsePage("content/test.mdx", text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.page;
}

describe("links", () => {
  it("suggests the page a mistyped link meant", () => {
    expect(linkProblem("/benfits", addresses)).toBe("the link to /benfits goes to a page that does not exist (did you mean /benefits?)");
  });

  it("accepts pages, the appointment form, anchors, files in public/, other websites, phone and mail links", () => {
    for (const url of ["/", "/benefits", "/benefits/", "/faq#what-is-mild", "/request-appointment", "#sources", "/images/spine.svg", "https://example.com", "tel:+15012244001", "mailto:a@example.com"]) {
      expect(linkProblem(url, addresses), url).toBeUndefined();
    }
  });
});

describe("closestMatch", () => {
  it("finds a name one or two letters off, ignoring case, and nothing for a name far from all", () => {
    expect(closestMatch("callbutton", ["CallButton", "Callout"])).toBe("CallButton");
    expect(closestMatch("/benfits", ["/", "/benefits"])).toBe("/benefits");
    expect(closestMatch("/contact-us", ["/", "/benefits"])).toBeUndefined();
  });
});

describe("banned phrases", () => {
  const banned = [
    { phrase: "FDA-approve*", advice: 'write "FDA-cleared"' },
    { phrase: "cure", advice: "do not promise a cure" },
  ];

  it("finds whole words in any case, with a dash or a space, and gives the line and column", () => {
    const problems = checkBannedPhrases("content/x.mdx", "---\ntitle: x\n---\n\nIt is fda approved, and a CURE.\n", banned);
    expect(problems.map(formatContentProblem)).toEqual([
      'content/x.mdx:5:7: do not write "fda approved": write "FDA-cleared"',
      'content/x.mdx:5:27: do not write "CURE": do not promise a cure',
    ]);
  });

  it("lets the last word go on when the phrase ends in *, and nowhere else", () => {
    const problems = checkBannedPhrases("content/x.mdx", "The FDA-approves. FDA approve. FDA approach. Not FDAapproved.\n", banned);
    expect(problems.map((problem) => problem.message)).toEqual([
      'do not write "FDA-approves": write "FDA-cleared"',
      'do not write "FDA approve": write "FDA-cleared"',
    ]);
  });

  it("refuses a * anywhere but at the end of a phrase, naming the file and the field", () => {
    const result = parseBannedPhrases("- phrase: FDA*approved\n  advice: write it well\n");
    expect(result.ok ? [] : result.problems.map(formatContentProblem)).toEqual([
      "content/banned-phrases.yaml:1: `0.phrase` may have a `*` only at its very end, for any ending of the last word",
    ]);
  });

  it("does not find a phrase inside a longer word or a link address", () => {
    expect(checkBannedPhrases("content/x.mdx", "A secure place, curing nothing. [Read](/cure-page)\n", banned)).toEqual([]);
  });
});

describe("reading level", () => {
  it("counts sentences, words and syllables of the words a reader sees", async () => {
    // 2 sentences, 9 words, 9 syllables: 0.39 × 4.5 + 11.8 × 1 − 15.59 = −2.0
    const level = measureReadingLevel(await parsed("---\ntitle: Not counted at all\n---\n\nThe cat sat on the mat. The dog ran.\n"));
    expect(level).toMatchObject({ grade: -2, words: 9, sentences: [{ line: 5, words: 6 }, { line: 5, words: 3 }] });
  });

  it("leaves out link addresses and component fields, and counts a list item without a full stop as a sentence", async () => {
    const text = '## Heading not counted\n\nRead [the page](/a-very-long-address-with-many-syllables).\n\n<Callout type="important">\n\nCall us\n\n</Callout>\n\n- One item\n';
    const level = measureReadingLevel(await parsed(text));
    expect(level.words).toBe(3 + 2 + 2);
    expect(level.sentences).toHaveLength(3);
  });

  it("does not end a sentence at an abbreviation such as et al.", async () => {
    expect(measureReadingLevel(await parsed("Staats PS et al. wrote it. It was read.\n")).sentences).toHaveLength(2);
  });
});

describe("the self-check's words, a data file readers see", () => {
  it("count every text value for the reading level, without keys, comments or ids", () => {
    const values = yamlTextValues("# Not counted.\ntitle: The cat sat.\nquestions:\n  - id: tried-care\n    question: Did the dog run?\n", ["id"]);
    expect(values).toEqual([
      { line: 2, text: "The cat sat." },
      { line: 5, text: "Did the dog run?" },
    ]);
    expect(measureTextReadingLevel("content/self-check.yaml", values)).toMatchObject({ words: 7, sentences: [{ line: 2 }, { line: 5 }] });
  });

  it("must exist when a page places <SelfCheck />, and need not otherwise", () => {
    const settings = { bannedPhrases: [], config: DEFAULT_CONTENT_CHECK_CONFIG };
    const page = { file: "content/candidacy.mdx", text: "## Check\n\n<SelfCheck />\n" };
    expect(checkSelfCheckFile(undefined, [page], settings).problems.map(formatContentProblem)).toEqual([
      "content/self-check.yaml:1: is missing: <SelfCheck /> takes its questions and results from it",
    ]);
    expect(checkSelfCheckFile(undefined, [{ ...page, text: "No check here.\n" }], settings).problems).toEqual([]);
  });
});

describe("the printed report", () => {
  it("shows every page's grade, then the problems and a summary", () => {
    const output = formatContentCheckReport({
      readingLevels: [
        { file: "content/faq.mdx", grade: 5.3, words: 731, sentences: [], exemptFromError: false },
        { file: "content/privacy.mdx", grade: 11.2, words: 120, sentences: [], exemptFromError: true },
      ],
      readingLevelLimits: { warnAbove: 8, errorAbove: 10, exemptFromError: ["privacy"] },
      problems: [{ file: "content/privacy.mdx", line: 1, severity: "warning", message: "the page reads at grade 11.2" }],
    });
    expect(output).toContain("content/faq.mdx        5.3    731          0  ok");
    expect(output).toContain("content/privacy.mdx   11.2    120          0  warning: hard to read (exempt policy page)");
    expect(output).toContain("content/privacy.mdx:1: warning: the page reads at grade 11.2");
    expect(output.trim().split("\n").at(-1)).toBe("No errors (1 warning to look at): the content is ready to publish.");
  });
});

describe("example contacts in a page's words", () => {
  it("refuses an example email address and a 555-01xx number, which a patient would write to or call, with the line", () => {
    const text = "---\ntitle: x\n---\n\nWrite to info@example.com or call (501) 555-0123.\n\nFor example, ask us. Our old number 501.555.0200 is gone.\n";
    expect(checkExampleContacts("content/contact.mdx", text).map(formatContentProblem)).toEqual([
      'content/contact.mdx:5:10: "info@example.com" is an example address that reaches no one: write an address the clinic reads, or leave it out',
      'content/contact.mdx:5:35: "(501) 555-0123" is a 555-01xx number, kept for examples, which never rings: to show the clinic\'s number, use <CallButton />',
    ]);
  });
});
