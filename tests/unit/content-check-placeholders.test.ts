// @vitest-environment node
/**
 * The examples in clinic.yaml's instructions ("Example", "123 Example Street", "Dr. Example Name") are refused by the
 * content check wherever they would be published as the clinic's own: clinic.yaml, a page's reviewer and the
 * language-assistance taglines; each with its file and line.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, type ContentFile } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR } from "@/lib/content/pages";

const real = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
const realText = (name: string) => real.files.find((file) => file.file === `content/${name}`)!.text;

/** The content check's errors on the real content with some files replaced or added. */
async function errorsWith(changed: ContentFile[]): Promise<string[]> {
  const names = new Set(changed.map((file) => file.file));
  const files = [...real.files.filter((file) => !names.has(file.file)), ...changed];
  const report = await checkContent({ ...real, files });
  return report.problems.filter((problem) => problem.severity === "error").map(formatContentProblem);
}

const clinicYaml = (extra: string) => ({ file: "content/clinic.yaml", text: `name: Mocek Spine\nphone: 501.224.4001\n${extra}` });

describe("the content check refuses the instructions' examples", () => {
  it('refuses "Example" in the clinic\'s facts, at its line', async () => {
    const errors = await errorsWith([{ file: "content/clinic.yaml", text: "name: Example Clinic\nphone: 501.224.4001\n" }]);
    expect(errors).toContainEqual(expect.stringMatching(/^content\/clinic\.yaml:1: `name` is "Example Clinic", an example, not the clinic's/));
  });

  it('refuses "123 Example Street" as the address, at its line', async () => {
    const errors = await errorsWith([clinicYaml('address:\n  street: 123 Example Street\n  city: Little Rock\n  region: AR\n  postalCode: "72201"\n')]);
    expect(errors).toContainEqual(expect.stringMatching(/^content\/clinic\.yaml:4: `address\.street` is "123 Example Street", an example/));
  });

  it('refuses "Dr. Example Name" as a physician, at its line', async () => {
    const errors = await errorsWith([clinicYaml("physicians:\n  - name: Dr. Example Name\n    credentials: MD\n")]);
    expect(errors).toContainEqual(expect.stringMatching(/^content\/clinic\.yaml:4: `physicians\.0\.name` is "Dr\. Example Name", an example/));
  });

  it('refuses a page whose settings name "Dr. Example Name" as its reviewer, as an example, at the line of `reviewedBy`', async () => {
    const source = realText("benefits.mdx").replace(/^updated: (.+)$/m, "updated: $1\nreviewedBy: Dr. Example Name\nreviewed: $1");
    const line = source.split("\n").findIndex((text) => text.startsWith("reviewedBy:")) + 1;
    const errors = await errorsWith([{ file: "content/benefits.mdx", text: source }]);
    expect(errors).toContainEqual(expect.stringMatching(new RegExp(`^content/benefits\\.mdx:${line}: \`reviewedBy\` is "Dr\\. Example Name", an example`)));
  });

  it("refuses an example reviewer even while clinic.yaml has errors of its own (then reviewers are not matched to physicians)", async () => {
    const source = realText("faq.mdx").replace(/^updated: (.+)$/m, "updated: $1\nreviewedBy: Dr. Example Name\nreviewed: $1");
    const errors = await errorsWith([{ file: "content/faq.mdx", text: source }, { file: "content/clinic.yaml", text: "name: Mocek Spine\n" }]);
    expect(errors).toContainEqual(expect.stringMatching(/^content\/faq\.mdx:\d+: `reviewedBy` is "Dr\. Example Name", an example/));
  });

  it("refuses an example in the language-assistance taglines file clinic.yaml names, at its line", async () => {
    const taglines = "- language: Español\n  lang: es\n  text: Example text\n- language: Tiếng Việt\n  lang: vi\n  text: Call 501.555.0123\n";
    const errors = await errorsWith([
      clinicYaml("notices:\n  languageTaglines: language-taglines.yaml\n"),
      { file: "content/language-taglines.yaml", text: taglines },
    ]);
    expect(errors).toContainEqual(expect.stringMatching(/^content\/language-taglines\.yaml:3: "Example text" is an example, not the clinic's/));
    expect(errors).toContainEqual(expect.stringMatching(/^content\/language-taglines\.yaml:6: "Call 501\.555\.0123" is an example, not the clinic's/));
  });
});
