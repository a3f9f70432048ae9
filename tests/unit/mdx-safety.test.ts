// @vitest-environment node
/**
 * MDX is code: a page could run it on the server when the site is built, or in a patient's browser. Pages may
 * hold only Markdown and the site's components with fields in quotes. Each way in is refused by the content check
 * (as `npm run content:check` and the editor run it) and by the build (the page compiled by the one function that
 * renders it for the built site and for the staff's preview, lib/content/render-page.tsx), both with the file and
 * line, in the same words.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkContent, type ContentCheckReport } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { STAFF_COMPONENT_NAMES } from "@/lib/content/components";
import { formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR } from "@/lib/content/pages";
import { compilePageSource } from "@/lib/content/render-page";

const COMPONENT_LIST = `You can use: ${[...STAFF_COMPONENT_NAMES].sort().join(", ")}`;
const html = (name: string) => `<${name}> is HTML, which pages do not use: write Markdown instead, or a component. ${COMPONENT_LIST}`;
const code = (expression: string) => `{${expression}} is code, which pages do not use: to show a curly brace, write \\{`;
const IMPORT_OR_EXPORT = "pages cannot import or export code: use the components listed in content/README.md";
const RUNS_CODE = "address can run code in the reader's browser";
const link = (url: string, scheme: string) =>
  `the link to ${url} is not allowed: a ${scheme} ${RUNS_CODE}. Link to a page of this site (like /benefits) or to another website (https://…)`;
const picture = (url: string, scheme: string) =>
  `the picture ${url} is not allowed: a ${scheme} ${RUNS_CODE}. Save the picture in public/images/ and write /images/its-name`;

/** The line each case's text starts on, after the settings, a heading and a sentence. */
const LINE = 13;

/** Each way code or HTML could enter a page: the text at line 13, and every line the check must print for it. */
const CASES: { name: string; text: string; expected: string[] }[] = [
  { name: "a {…} expression the build would run", text: 'It says {"PRO" + "BE" + String(1+1)} here.', expected: [`${LINE}:9: ${code('"PRO" + "BE" + String(1+1)')}`] },
  { name: "{process.exit(1)} on a line of its own", text: "{process.exit(1)}", expected: [`${LINE}:1: ${code("process.exit(1)")}`] },
  { name: "an import", text: 'import fs from "node:fs"', expected: [`${LINE}:1: ${IMPORT_OR_EXPORT}`] },
  { name: "an export", text: "export const stop = process.exit(1)", expected: [`${LINE}:1: ${IMPORT_OR_EXPORT}`] },
  { name: "a <script>", text: "<script>alert(1)</script>", expected: [`${LINE}:1: ${html("script")}`] },
  { name: "an <iframe>", text: '<iframe src="https://example.com/" />', expected: [`${LINE}:1: ${html("iframe")}`] },
  { name: "an HTML picture with onerror=", text: '<img src="/images/mild-tool.svg" alt="A tool" onerror="alert(1)" />', expected: [`${LINE}:1: ${html("img")}`] },
  {
    name: "onerror= on a component",
    text: '<Figure src="/images/mild-tool.svg" alt="The tool" caption="The tool." onerror="alert(1)" />',
    expected: [`${LINE}:72: <Figure> \`onerror\` is a field that runs code in the reader's browser, which pages cannot have`],
  },
  { name: "a javascript: link", text: "[Call us](javascript:alert(1)) today.", expected: [`${LINE}:1: ${link("javascript:alert(1)", "javascript:")}`] },
  { name: "a JAVASCRIPT: link", text: "[Call us](JAVASCRIPT:alert(1)) today.", expected: [`${LINE}:1: ${link("JAVASCRIPT:alert(1)", "javascript:")}`] },
  // Markdown decodes character references in addresses: the browser gets javascript:alert(1).
  { name: "an entity-encoded javascript: link", text: "[Call us](&#106;avascript&#58;alert(1)) today.", expected: [`${LINE}:1: ${link("javascript:alert(1)", "javascript:")}`] },
  { name: "a vbscript: link", text: "[Call us](vbscript:msgbox(1)) today.", expected: [`${LINE}:1: ${link("vbscript:msgbox(1)", "vbscript:")}`] },
  {
    name: "a data: link",
    text: "[Open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) it.",
    expected: [`${LINE}:1: ${link("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:")}`],
  },
  { name: "a javascript: link written as a reference", text: "[Call us][phone] today.\n\n[phone]: javascript:alert(1)", expected: [`${LINE + 2}:1: ${link("javascript:alert(1)", "javascript:")}`] },
  { name: "a data: picture", text: "![A dot](data:image/svg+xml,%3Csvg%3E%3C/svg%3E)", expected: [`${LINE}:1: ${picture("data:image/svg+xml,%3Csvg%3E%3C/svg%3E", "data:")}`] },
  {
    name: "a javascript: address in a component's field",
    text: '<Figure src="javascript:alert(1)" alt="The tool" caption="The tool." />',
    expected: [`${LINE}:9: <Figure> \`src\` is not allowed: a javascript: ${RUNS_CODE}`],
  },
  {
    // Browsers drop tabs inside an address: this is javascript:, however it is written.
    name: "an entity-encoded javascript: address with a tab in it, in a component's field",
    text: '<Figure src="&#106;ava&#x09;script:alert(1)" alt="The tool" caption="The tool." />',
    expected: [`${LINE}:9: <Figure> \`src\` is not allowed: a javascript: ${RUNS_CODE}`],
  },
  {
    name: "a field written as {…}, even a plain value",
    text: '<Callout type={"info"}>\n\nWords.\n\n</Callout>',
    expected: [`${LINE}:10: <Callout> \`type\` must be written in quotes, like type="…"`],
  },
  { name: "fields spread from code", text: "<Callout {...props}>\n\nWords.\n\n</Callout>", expected: [`${LINE}:10: <Callout> has {...props}: write each field as name="value"`] },
  { name: "a <> fragment", text: "<>Words.</>", expected: [`${LINE}:1: <> is not a component you can use. ${COMPONENT_LIST}`] },
];

const fileOf = (index: number) => `content/probe-${index + 1}.mdx`;

function probePage(index: number, text: string): string {
  return [
    "---",
    `title: "Probe page ${index + 1} of the safety test"`,
    `description: "Probe page ${index + 1}: it holds something the site must never run, to prove that the site refuses it."`,
    'navLabel: "Probe"',
    `navOrder: ${60 + index}`,
    "updated: 2026-01-15",
    "---",
    "",
    "## Words",
    "",
    "Some words come first.",
    "",
    text,
    "",
  ].join("\n");
}

describe("pages hold no code or HTML", () => {
  let report: ContentCheckReport;

  beforeAll(async () => {
    const site = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
    const probes = CASES.map(({ text }, index) => ({ file: fileOf(index), text: probePage(index, text) }));
    report = await checkContent({ files: [...site.files, ...probes], publicFiles: site.publicFiles });
  }, 60_000);

  const checkSays = (index: number) => report.problems.filter((problem) => problem.file === fileOf(index)).map(formatContentProblem);

  it.each(CASES.map((testCase, index) => ({ ...testCase, index })))("the content check refuses $name, with the file and line", ({ index, expected }) => {
    expect(checkSays(index)).toEqual(expected.map((line) => `${fileOf(index)}:${line}`));
  });

  it.each(CASES.map((testCase, index) => ({ ...testCase, index })))("the build refuses $name, with the check's words", async ({ index, text }) => {
    const build = compilePageSource(fileOf(index), probePage(index, text));
    await expect(build).rejects.toThrow(/not built/);
    const message = (await build.catch((error: Error) => error)) as Error;
    for (const line of checkSays(index)) expect(message.message).toContain(line);
  });

  it("builds every page of the site as before", async () => {
    for (const name of fs.readdirSync(CONTENT_DIR).filter((file) => file.endsWith(".mdx"))) {
      const file = `content/${name}`;
      await expect(compilePageSource(file, fs.readFileSync(file, "utf8")), file).resolves.toContain("function MDXContent");
    }
  });

  it("keeps a page's settings as data: nothing written in them reaches the compiled page", async () => {
    const page = probePage(0, "Plain words.").replace('navLabel: "Probe"', 'navLabel: "{process.exit(1)}"\n# export const stop = process.exit(2)');
    const compiled = await compilePageSource(fileOf(0), page);
    expect(compiled).not.toContain("process.exit");
    expect(compiled).not.toMatch(/export (const|let|var) (frontmatter|stop)/);
  });
});
