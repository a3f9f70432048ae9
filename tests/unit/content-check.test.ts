// @vitest-environment node
/**
 * The content check on its fixtures (tests/fixtures/content-check/, one small page per rule, checked together
 * like a small site whose home page uses every component correctly) and on the real content/.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkContent, type ContentCheckReport } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR } from "@/lib/content/pages";

const FIXTURES_DIR = path.join(process.cwd(), "tests/fixtures/content-check");
const fixture = (name: string) => `tests/fixtures/content-check/${name}`;

/** Each bad fixture and every line the check must print for it, in order. */
const EXPECTED_PROBLEMS: Record<string, string[]> = {
  "frontmatter-invalid.mdx": [
    `${fixture("frontmatter-invalid.mdx")}:1: \`navLabel\` is missing`,
    `${fixture("frontmatter-invalid.mdx")}:3: \`description\` must be at least 70 characters (it has 10)`,
  ],
  "title-duplicate.mdx": [
    `${fixture("title-duplicate.mdx")}:2: \`title\` is the same as in ${fixture("index.mdx")}; each page needs its own`,
  ],
  "mdx-does-not-compile.mdx": [
    `${fixture("mdx-does-not-compile.mdx")}:11:1: this page cannot be built: Expected a closing tag for \`<Callout>\` (11:1-11:22) (every <Component> needs its closing </Component>, or must end with />)`,
  ],
  "link-to-missing-page.mdx": [
    `${fixture("link-to-missing-page.mdx")}:11:6: the link to /question-pages goes to a page that does not exist (did you mean /question-page?)`,
    `${fixture("link-to-missing-page.mdx")}:11:43: the link to benefits.mdx must start with / for a page of this site, or https:// for another website`,
    `${fixture("link-to-missing-page.mdx")}:13:5: the link to /files/leaflet.pdf goes to a file that is not in public/ (put the file in public/, or fix the name)`,
  ],
  "image-file-missing.mdx": [
    `${fixture("image-file-missing.mdx")}:11:1: the picture /images/spine.svg is not in public/ (save it as public/images/spine.svg, or fix the name)`,
    `${fixture("image-file-missing.mdx")}:13:1: the picture /images/missing.svg is not in public/ (save it as public/images/missing.svg, or fix the name)`,
    `${fixture("image-file-missing.mdx")}:15:1: the picture https://example.com/spine.png is on another website: save it in public/images/ and write /images/its-name instead`,
  ],
  "image-without-alt.mdx": [
    `${fixture("image-without-alt.mdx")}:11:1: the picture /images/fixture.svg needs a description of what it shows: write it between the brackets, ![like this](/images/fixture.svg)`,
  ],
  "heading-second-top-level.mdx": [
    `${fixture("heading-second-top-level.mdx")}:9: "# Another title" is a second main heading: the page title is already the main heading, so start with "## "`,
  ],
  "heading-skips-level.mdx": [
    `${fixture("heading-skips-level.mdx")}:9: the first heading must start with "## " (this one starts with "### ")`,
    `${fixture("heading-skips-level.mdx")}:17: "#### Skipped a level" skips a level: after a "## " heading use "### "`,
  ],
  "question-page.mdx": [
    `${fixture("question-page.mdx")}:13: on this questions page every "## " heading must be a question ending with "?" ("Recovery")`,
    `${fixture("question-page.mdx")}:17: on this questions page use only "## " headings, one per question ("Stitches"): write the answer as paragraphs or a list`,
  ],
  "banned-phrase.mdx": [
    `${fixture("banned-phrase.mdx")}:3:76: do not write "guaranteed": no result can be promised. Say what studies found, and that results differ from person to person`,
    `${fixture("banned-phrase.mdx")}:11:15: do not write "FDA approved": write "FDA-cleared". The MILD device was cleared by the FDA, not approved`,
    `${fixture("banned-phrase.mdx")}:11:37: do not write "painless": do not promise no pain. Say you get medicine to numb the area and to help you relax`,
    `${fixture("banned-phrase.mdx")}:11:47: do not write "Risk-Free": every procedure has risks. Name them, as the procedure page does`,
    `${fixture("banned-phrase.mdx")}:11:57: do not write "cure": MILD treats symptoms; do not promise a cure. Write "may ease your pain" or what studies found`,
  ],
  "reading-level-too-hard.mdx": [
    `${fixture("reading-level-too-hard.mdx")}:1: the page reads at grade 39.3; aim for 8 or below (above 10 must be fixed): use shorter sentences and common words. Longest sentences: line 11 (22 words), line 13 (16 words)`,
  ],
  "reading-level-exempt.mdx": [
    `${fixture("reading-level-exempt.mdx")}:1: warning: the page reads at grade 40.2; aim for 8 or below: use shorter sentences and common words. Longest sentences: line 11 (22 words)`,
  ],
  "component-unknown.mdx": [
    `${fixture("component-unknown.mdx")}:11:1: <Figur> is not a component you can use (did you mean <Figure>?). You can use: AppointmentButton, CallButton, Callout, Cite, CivilRightsContact, ClinicContactDetails, ClinicPhysicians, EmergencyNotice, Figure, FigureRow, KeyFacts, LanguageTaglines, MainPageLinks, MedicareStudyAnswer, OtherWaysToReachUs, QuestionList, References, SelfCheck, Steps`,
    `${fixture("component-unknown.mdx")}:13:1: <div> is HTML, which pages do not use: write Markdown instead, or a component. You can use: AppointmentButton, CallButton, Callout, Cite, CivilRightsContact, ClinicContactDetails, ClinicPhysicians, EmergencyNotice, Figure, FigureRow, KeyFacts, LanguageTaglines, MainPageLinks, MedicareStudyAnswer, OtherWaysToReachUs, QuestionList, References, SelfCheck, Steps`,
    `${fixture("component-unknown.mdx")}:15:7: {1 + 1} is code, which pages do not use: to show a curly brace, write \\{`,
  ],
  "component-bad-fields.mdx": [
    `${fixture("component-bad-fields.mdx")}:11: <Figure> \`src\` must be a picture in public/images/, written like /images/spine.svg (svg, png, jpg, webp, avif or gif)`,
    `${fixture("component-bad-fields.mdx")}:11: <Figure> \`caption\` is missing: write a short caption shown under the picture`,
    `${fixture("component-bad-fields.mdx")}:13: <Callout> \`type\` must be one of: info, important, emergency`,
    `${fixture("component-bad-fields.mdx")}:19: <CallButton> has a field the site does not know: \`phone\` (check the spelling)`,
    `${fixture("component-bad-fields.mdx")}:21:35: <Figure> \`alt\` must be written in quotes, like alt="…"`,
  ],
  "component-misplaced.mdx": [
    `${fixture("component-misplaced.mdx")}:11:10: <CallButton> must be on a line of its own, with a blank line before and after it`,
    `${fixture("component-misplaced.mdx")}:13:1: <Steps> must hold a numbered list (lines starting 1. 2. 3.), with a blank line after <Steps> and before </Steps>`,
    `${fixture("component-misplaced.mdx")}:19:1: <Callout> needs words between <Callout> and </Callout>`,
    `${fixture("component-misplaced.mdx")}:21:1: <Cite> goes inside a sentence, right after the words it supports, not on a line of its own`,
    `${fixture("component-misplaced.mdx")}:25:1: <FigureRow> must hold two or three <Figure /> pictures and nothing else, each on a line of its own`,
    `${fixture("component-misplaced.mdx")}:31:1: <KeyFacts> must hold a bullet list (lines starting with -), with a blank line after <KeyFacts> and before </KeyFacts>`,
  ],
  "cite-unknown-reference.mdx": [
    `${fixture("cite-unknown-reference.mdx")}:11: <Cite> links to the list of sources: put <References /> at the end of the page, under a "## Sources" heading`,
    `${fixture("cite-unknown-reference.mdx")}:11:20: <Cite id="staats-2019" /> names a reference that is not in content/references.yaml (did you mean "staats-2018"?)`,
  ],
};

describe("the content check, one fixture per rule", () => {
  let report: ContentCheckReport;
  let fixturePages: string[];

  beforeAll(async () => {
    const fixtures = readContentCheckInput(FIXTURES_DIR, path.join(FIXTURES_DIR, "public"));
    // The site's own data files: its references, its banned phrases, the clinic's facts and the self-check's words.
    const siteData = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public")).files.filter((file) =>
      /\/(references|banned-phrases|clinic|self-check)\.yaml$/.test(file.file),
    );
    fixturePages = fixtures.files.filter((file) => file.file.endsWith(".mdx")).map((file) => path.basename(file.file));
    report = await checkContent({ files: [...fixtures.files, ...siteData], publicFiles: fixtures.publicFiles });
  }, 60_000);

  const problemsIn = (name: string) =>
    report.problems.filter((problem) => problem.file === fixture(name)).map(formatContentProblem);

  it("passes the good page, which uses every component correctly", () => {
    expect(problemsIn("index.mdx")).toEqual([]);
    expect(report.readingLevels.find((level) => level.file === fixture("index.mdx"))?.grade).toBeLessThanOrEqual(8);
  });

  it("has an expectation for every fixture, and reports nothing outside the fixtures", () => {
    expect([...fixturePages].sort()).toEqual(["index.mdx", ...Object.keys(EXPECTED_PROBLEMS)].sort());
    expect(report.problems.filter((problem) => !problem.file.startsWith(fixture("")))).toEqual([]);
  });

  it.each(Object.entries(EXPECTED_PROBLEMS))("%s fails with the file, line and message", (name, expected) => {
    expect(problemsIn(name)).toEqual(expected);
  });
});

describe("the real content", () => {
  let report: ContentCheckReport;

  beforeAll(async () => {
    report = await checkContent(readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public")));
  }, 60_000);

  it("passes the content check with no errors and no warnings", () => {
    expect(report.problems.map(formatContentProblem)).toEqual([]);
  });

  it("reads at grade 8 or below on every page", () => {
    expect(report.readingLevels.length).toBeGreaterThanOrEqual(12);
    expect(report.readingLevels.map((level) => level.file)).toContain("content/self-check.yaml");
    for (const level of report.readingLevels) expect(level.grade, level.file).toBeLessThanOrEqual(8);
  });
});
