// @vitest-environment node
/**
 * The absolute claims the fact sheet (FACTS.md, "Absolute claims never made") forbids: each one is refused by the
 * site's own content/banned-phrases.yaml, with the file and line, wherever a reader would see it: on a page, in the
 * clinic's facts (content/clinic.yaml) and in the self-check's words (content/self-check.yaml).
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkContent, type ContentFile } from "@/lib/content/check";
import { formatContentProblem } from "@/lib/content/errors";

/** FACTS.md's list, as a writer might put each claim in a sentence. */
const ABSOLUTE_CLAIMS = [
  "risk-free",
  "completely safe",
  "100 percent safe",
  "zero risk",
  "no side effects",
  "pain-free",
  "cure",
  "cured",
  "permanent fix",
  "works for everyone",
  "guaranteed",
  "safer than steroid injections",
  "Medicare always covers",
  "FDA approved",
] as const;

const contentFile = (name: string): ContentFile => ({
  file: `content/${name}`,
  text: fs.readFileSync(path.join(process.cwd(), "content", name), "utf8"),
});

const PAGE = (claim: string) => `---
title: "A page"
description: "A page that makes a claim the fact sheet forbids, to see the content check refuse it."
updated: 2026-12-01
---

MILD treats lumbar spinal stenosis.

We say it is ${claim} here.
`;

/** The clinic's real facts with one physician whose role makes the claim (line 3 of the file). */
const CLINIC = (claim: string) => `name: Mocek Spine
physicians:
  - name: Dr. Ann Test
    role: "Spine physician, ${claim} care"
phone: 501.224.4001
`;

/** The self-check's real words, with the claim in its intro (the line after `intro: >-`). */
function selfCheckWith(claim: string): { text: string; line: number } {
  const lines = contentFile("self-check.yaml").text.split("\n");
  const introLine = lines.findIndex((line) => line.startsWith("intro:")) + 2;
  lines.splice(introLine - 1, 0, `  This is ${claim} advice.`);
  return { text: lines.join("\n"), line: introLine };
}

describe("the absolute claims the fact sheet forbids", () => {
  let bannedPhrases: ContentFile;
  beforeAll(() => {
    bannedPhrases = contentFile("banned-phrases.yaml");
  });

  /** Only the claim's own problems: a made-up page or physician may have others (a reviewer, a reading level). */
  async function claimProblems(files: ContentFile[], claim: string): Promise<string[]> {
    const report = await checkContent({ files: [bannedPhrases, ...files], publicFiles: new Set() });
    return report.problems
      .map(formatContentProblem)
      .filter((problem) => problem.toLowerCase().includes(`do not write "${claim.toLowerCase()}"`));
  }

  it.each(ABSOLUTE_CLAIMS)('"%s" is refused on a page, with the file, line and column, and advice', async (claim) => {
    const problems = await claimProblems([contentFile("clinic.yaml"), { file: "content/claims.mdx", text: PAGE(claim) }], claim);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^content/claims\\.mdx:9:14: do not write "${claim}": .{10,}`, "i"));
  });

  it.each(ABSOLUTE_CLAIMS)('"%s" is refused in the clinic\'s facts, content/clinic.yaml, with its line', async (claim) => {
    const problems = await claimProblems([{ file: "content/clinic.yaml", text: CLINIC(claim) }], claim);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^content/clinic\\.yaml:4:\\d+: do not write "${claim}": .{10,}`, "i"));
  });

  it.each(ABSOLUTE_CLAIMS)('"%s" is refused in the self-check\'s words, content/self-check.yaml, with its line', async (claim) => {
    const { text, line } = selfCheckWith(claim);
    const problems = await claimProblems([contentFile("clinic.yaml"), { file: "content/self-check.yaml", text }], claim);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^content/self-check\\.yaml:${line}:\\d+: do not write "${claim}": .{10,}`, "i"));
  });

  it("leaves the instructions in clinic.yaml's comments alone: readers never see them", async () => {
    const text = `# Never call the care "risk-free" or "guaranteed".\n${CLINIC("careful")}`;
    expect(await claimProblems([{ file: "content/clinic.yaml", text }], "risk-free")).toEqual([]);
  });
});
