// @vitest-environment node
/**
 * The content check (and so the build) on the notices content/clinic.yaml names: a Notice of Privacy Practices
 * that must exist where it says, and a taglines file that must exist and be right. Checked on the real content/
 * with clinic.yaml replaced; the tagline texts are made up for the test.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR } from "@/lib/content/pages";

const site = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
const CLINIC = "name: Mocek Spine\nphone: 501.224.4001\nnotices:\n";

/** The check's problems with files outside content/ pages: clinic.yaml and the taglines file. */
async function noticeProblems(clinicYaml: string, extraFiles: { file: string; text: string }[] = [], publicFiles: string[] = []) {
  const files = site.files.map((file) => (file.file === "content/clinic.yaml" ? { ...file, text: clinicYaml } : file));
  const report = await checkContent({ files: [...files, ...extraFiles], publicFiles: new Set([...site.publicFiles, ...publicFiles]) });
  return report.problems.filter((problem) => !problem.file.endsWith(".mdx")).map(formatContentProblem);
}

describe("the Notice of Privacy Practices content/clinic.yaml names", () => {
  it("must be in public/documents/ when it names a file", { timeout: 60_000 }, async () => {
    const clinicYaml = `${CLINIC}  privacyPractices: /documents/notice-of-privacy-practices.pdf\n`;
    expect(await noticeProblems(clinicYaml)).toEqual([
      "content/clinic.yaml:4: `notices.privacyPractices` names /documents/notice-of-privacy-practices.pdf, which is not in public/: " +
        "save the clinic's notice as public/documents/notice-of-privacy-practices.pdf, or fix the name",
    ]);
    expect(await noticeProblems(clinicYaml, [], ["/documents/notice-of-privacy-practices.pdf"])).toEqual([]);
  });

  it("must be a page of the site when it names a page", { timeout: 60_000 }, async () => {
    expect(await noticeProblems(`${CLINIC}  privacyPractices: /notice-of-privacy-practices\n`)).toEqual([
      "content/clinic.yaml:4: `notices.privacyPractices` names /notice-of-privacy-practices, a page that does not exist: " +
        "write the notice as a page in content/, or name the PDF in public/documents/",
    ]);
  });
});

describe("the language taglines file content/clinic.yaml names", () => {
  const clinicYaml = `${CLINIC}  languageTaglines: language-taglines.yaml\n`;

  it("must exist in content/", { timeout: 60_000 }, async () => {
    expect(await noticeProblems(clinicYaml)).toEqual([
      "content/clinic.yaml:4: `notices.languageTaglines` names language-taglines.yaml, which is not in content/: " +
        "add the file with the translators' taglines, or leave the field out until you have them",
    ]);
  });

  it("is checked with its schema, with file and line, and is not taken for a stray file", { timeout: 60_000 }, async () => {
    const taglines = (text: string) => [{ file: "content/language-taglines.yaml", text }];
    expect(await noticeProblems(clinicYaml, taglines("- language: Testish\n  text: Tset tset.\n  lang: qaa\n  dir: ltr\n"))).toEqual([]);
    expect(await noticeProblems(clinicYaml, taglines("- language: Testish\n  text: Tset tset.\n  lang: qaa\n  dir: down\n"))).toEqual([
      "content/language-taglines.yaml:4: `0.dir` must be ltr (left to right) or rtl (right to left, e.g. Arabic)",
    ]);
  });

  it("is a stray file while clinic.yaml names none", { timeout: 60_000 }, async () => {
    expect(await noticeProblems(CLINIC.replace("notices:\n", ""), [{ file: "content/language-taglines.yaml", text: "[]\n" }])).toEqual([
      "content/language-taglines.yaml:1: warning: is not a page, and the site does not read it: pages end in .mdx, and pictures go in public/images/",
    ]);
  });
});
