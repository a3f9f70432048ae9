import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTENT_DIR } from "@/lib/content/pages";
import { getContentCheckConfig } from "@/lib/content/check/config";
import { extractFaqEntries, getFaqEntries, isQuestionPage } from "@/lib/seo/faq";
import { contentProblemsOf } from "./content-problems";

const FIXTURE = "tests/fixtures/faq/answers-become-plain-text.mdx";

const problemsOf = (source: string) => contentProblemsOf(() => extractFaqEntries(source, "content/faq.mdx"));

describe("FAQ extractor", () => {
  it("turns each ## question and the blocks below it into plain text, links kept as their words", () => {
    expect(extractFaqEntries(fs.readFileSync(FIXTURE, "utf8"), FIXTURE)).toEqual([
      {
        question: "Is a link kept?",
        answerText: [
          "Yes: read how MILD is done and why it helps.",
          "A smaller heading stays in the answer",
          "Boxed notes are read too.",
        ].join("\n"),
      },
      { question: "Are lists kept, one item a line?", answerText: "First item\nSecond item, with a link" },
    ]);
  });

  it("treats as question pages exactly those content/content-check.yaml lists, as the content check does", () => {
    const { questionPages } = getContentCheckConfig();
    expect(questionPages).toContain("faq");
    for (const slug of questionPages) expect(isQuestionPage(slug)).toBe(true);
    expect(questionPages).not.toContain("benefits");
    expect(isQuestionPage("benefits")).toBe(false);
  });

  it("reads the real content/faq.mdx: one entry per ## heading, each with an answer and no link syntax", () => {
    const source = fs.readFileSync(path.join(CONTENT_DIR, "faq.mdx"), "utf8");
    const headings = source.split("\n").filter((line) => line.startsWith("## "));
    const entries = getFaqEntries("faq");
    expect(entries.map((entry) => entry.question)).toEqual(headings.map((line) => line.slice(3).trim()));
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      expect(entry.question).toMatch(/\?$/);
      expect(entry.answerText.length, entry.question).toBeGreaterThan(20);
      expect(entry.answerText, entry.question).not.toMatch(/\]\(|<[A-Za-z/]|\*\*/);
    }
  });

  it("names the line of a heading that is not a question, and of a question with no answer", () => {
    const source = "---\ntitle: x\n---\n\n## What is MILD?\n\nAn answer.\n\n## More help\n\nCall us.\n\n## Anything else?\n";
    expect(problemsOf(source)).toEqual([
      'content/faq.mdx:9: every `##` heading on this page is listed as a question for search engines, so it must end with "?" (it is "More help")',
      'content/faq.mdx:13: the question "Anything else?" needs an answer below it',
    ]);
  });
});
