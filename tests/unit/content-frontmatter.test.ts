import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR, loadContentPagesFrom, parseContentPage } from "@/lib/content/pages";

const VALID_FRONTMATTER = {
  title: "Benefits of the MILD procedure",
  description: "How MILD compares with steroid injections, spacer implants and open surgery, in plain words.",
  navLabel: "Benefits",
  navOrder: "4",
  updated: "2026-01-15",
};

function pageSource(fields: Record<string, string | undefined>, body = "Some words.") {
  const yaml = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}

/** The problems of a rejected page, as the build prints them. */
function problemsOfSource(file: string, source: string): string[] {
  const result = parseContentPage(file, source);
  if (!Array.isArray(result)) throw new Error("expected the page to be rejected");
  return result.map(formatContentProblem);
}

function problemsOf(fields: Record<string, string | undefined>, file = "content/benefits.mdx"): string[] {
  return problemsOfSource(file, pageSource(fields));
}

describe("the real content", () => {
  it("every page in content/ passes the frontmatter schema, with the home page and the required URLs", () => {
    const pages = loadContentPagesFrom(CONTENT_DIR);
    expect(pages.map((page) => page.href).sort()).toEqual(
      [
        "/",
        "/about",
        "/accessibility",
        "/benefits",
        "/candidacy",
        "/contact",
        "/evidence",
        "/faq",
        "/language-assistance",
        "/lumbar-spinal-stenosis",
        "/mild-procedure",
        "/nondiscrimination",
        "/privacy",
      ].sort(),
    );
    for (const page of pages) expect(`${page.title} | Mocek Spine`.length).toBeLessThanOrEqual(60);
  });
});

describe("parseContentPage", () => {
  it("accepts a valid page and derives its address from the file name", () => {
    const page = parseContentPage("content/benefits.mdx", pageSource(VALID_FRONTMATTER));
    expect(page).toMatchObject({ slug: "benefits", href: "/benefits", navArea: "main", navOrder: 4 });
  });

  it("names the file, the line and the field of a description that is too long", () => {
    const problems = problemsOf({ ...VALID_FRONTMATTER, description: "x".repeat(187) });
    expect(problems).toEqual(["content/benefits.mdx:3: `description` must be at most 160 characters (it has 187)"]);
  });

  it("reports a missing field against the file's first line", () => {
    expect(problemsOf({ ...VALID_FRONTMATTER, navLabel: undefined })).toEqual([
      "content/benefits.mdx:1: `navLabel` is missing",
    ]);
  });

  it("rejects a date that is not real, and a date in the future", () => {
    expect(problemsOf({ ...VALID_FRONTMATTER, updated: "2026-02-30" })).toEqual([
      "content/benefits.mdx:6: `updated` must be a real date written as YYYY-MM-DD, for example 2026-11-26",
    ]);
    expect(problemsOf({ ...VALID_FRONTMATTER, updated: "2999-01-01" })).toEqual([
      "content/benefits.mdx:6: `updated` must not be in the future",
    ]);
  });

  it("points out a misspelt field name", () => {
    expect(problemsOf({ ...VALID_FRONTMATTER, navlabel: "Benefits" })).toEqual([
      "content/benefits.mdx:7: has a field the site does not know: `navlabel` (check the spelling)",
    ]);
  });

  it("rejects a menu position that is not a whole number and an unknown menu", () => {
    const problems = problemsOf({ ...VALID_FRONTMATTER, navOrder: "two", navArea: "sidebar" });
    expect(problems).toEqual([
      "content/benefits.mdx:5: `navOrder` must be a whole number from 1 to 99",
      "content/benefits.mdx:7: `navArea` must be one of: main, footer",
    ]);
  });

  it("explains YAML syntax errors and a missing settings block with the line", () => {
    const badYaml = problemsOfSource("content/faq.mdx", "---\ntitle: [unclosed\n---\n");
    expect(badYaml).toEqual([expect.stringMatching(/^content\/faq\.mdx:2: the settings at the top are not valid YAML/)]);
    expect(problemsOfSource("content/faq.mdx", "No settings here")).toEqual([
      "content/faq.mdx:1: the page must start with its settings between two `---` lines (title, description, …)",
    ]);
  });

  it("rejects file names that would make an awkward address", () => {
    expect(problemsOfSource("content/Spinal Stenosis.mdx", pageSource(VALID_FRONTMATTER))).toEqual([
      "content/Spinal Stenosis.mdx:1: the file name must use only lowercase letters, digits and dashes, e.g. `spinal-stenosis.mdx`",
    ]);
  });
});

describe("loadContentPagesFrom", () => {
  it("fails with every problem of a broken page, each naming the file and field", () => {
    const directory = path.join(process.cwd(), "tests/fixtures/content/broken-page");
    expect(() => loadContentPagesFrom(directory)).toThrow(ContentError);
    try {
      loadContentPagesFrom(directory);
    } catch (error) {
      const { problems } = error as ContentError;
      expect(problems).toEqual([
        "tests/fixtures/content/broken-page/benefits.mdx:2: `title` must be at least 10 characters (it has 8)",
        "tests/fixtures/content/broken-page/benefits.mdx:3: `description` must be at least 70 characters (it has 10)",
        "tests/fixtures/content/broken-page/benefits.mdx:1: `navLabel` is missing",
      ]);
      expect((error as Error).message).toContain("The site's content has 3 problems to fix");
    }
  });
});
