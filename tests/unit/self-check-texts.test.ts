// @vitest-environment node
/** The self-check's words, content/self-check.yaml, and the schema that checks them (lib/self-check/texts.ts). */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { formatContentProblem } from "@/lib/content/errors";
import { SELF_CHECK_NOTES, SELF_CHECK_QUESTION_IDS, SELF_CHECK_RESULTS } from "@/lib/self-check/assess";
import { getSelfCheckTexts, parseSelfCheckTexts, SELF_CHECK_FILE, type SelfCheckTexts } from "@/lib/self-check/texts";

const realText = fs.readFileSync(SELF_CHECK_FILE, "utf8");

function parsedReal(): SelfCheckTexts {
  const result = parseSelfCheckTexts(realText);
  if (!result.ok) throw new Error(result.problems.map(formatContentProblem).join("\n"));
  return result.data;
}

function problemsOf(texts: unknown): string[] {
  const result = parseSelfCheckTexts(typeof texts === "string" ? texts : stringify(texts));
  if (result.ok) throw new Error("expected the texts to be rejected");
  return result.problems.map(formatContentProblem);
}

describe("content/self-check.yaml", () => {
  it("validates, and has every question, result and note the rules need, each question once", () => {
    const texts = parsedReal();
    expect(texts.questions.map((question) => question.id).sort()).toEqual([...SELF_CHECK_QUESTION_IDS].sort());
    expect(Object.keys(texts.results).sort()).toEqual([...SELF_CHECK_RESULTS].sort());
    expect(Object.keys(texts.notes).sort()).toEqual([...SELF_CHECK_NOTES].sort());
    expect(getSelfCheckTexts()).toEqual(texts);
  });

  it("asks the warning-signs question in the fact sheet's words, and never says a reader is a candidate", () => {
    const texts = parsedReal();
    expect(texts.questions.find((question) => question.id === "warning-signs")?.question).toBe(
      "Do you have new loss of bladder or bowel control, numbness in the groin or inner thighs, or sudden leg weakness?",
    );
    expect(realText).not.toMatch(/\byou are a candidate\b|\bapproved\b|\bdiagnos/i);
  });

  it("asks about the warning signs of an emergency first", () => {
    expect(parsedReal().questions[0]?.id).toBe("warning-signs");
  });
});

describe("its schema names the file, line and field of each mistake", () => {
  const texts = () => structuredClone(parsedReal());

  /** The line of `text` in the real file, where the problem must point. */
  const lineOf = (text: string) => realText.slice(0, realText.indexOf(text)).split("\n").length;

  it("an unknown id, a question asked twice and a missing question", () => {
    const questionIds = "warning-signs, symptoms, relief, duration, tried-care, imaging, blood-thinner";
    expect(problemsOf(realText.replace("- id: duration", "- id: pain"))).toEqual([
      `content/self-check.yaml:${lineOf("- id: duration")}: \`questions.3.id\` must be one of: ${questionIds}`,
    ]);
    expect(problemsOf(realText.replace("- id: duration", "- id: relief"))).toEqual([
      `content/self-check.yaml:${lineOf("- id: duration")}: \`questions.3.id\` \`relief\` is asked twice; each question is asked once`,
      `content/self-check.yaml:${lineOf("questions:")}: \`questions\` has no question with \`id: duration\`: the self-check needs every one of ${questionIds}`,
    ]);
  });

  it("the warning signs asked anywhere but first", () => {
    const changed = texts();
    changed.questions.push(changed.questions.shift()!);
    expect(problemsOf(changed)).toEqual([
      expect.stringMatching(/^content\/self-check\.yaml:\d+: `questions\.0\.id` must be `warning-signs`: the warning signs of an emergency are asked first/),
    ]);
  });

  it("a result without its text, and a misspelt field", () => {
    const changed = texts() as Record<string, unknown> & SelfCheckTexts;
    delete (changed.results.match as Partial<SelfCheckTexts["results"]["match"]>).text;
    changed.intro_ = "A misspelt field.";
    const problems = problemsOf(changed);
    expect(problems).toContainEqual(expect.stringMatching(/^content\/self-check\.yaml:\d+: `results\.match\.text` is missing$/));
    expect(problems).toContainEqual(expect.stringMatching(/^content\/self-check\.yaml:\d+: has a field the site does not know: `intro_`/));
  });

  it("YAML that does not parse", () => {
    expect(problemsOf("title: [Could MILD help me?\n")).toEqual([expect.stringMatching(/^content\/self-check\.yaml:\d+: this file is not valid YAML: /)]);
  });
});
