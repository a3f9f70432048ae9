// @vitest-environment node
/** The self-check's rules (lib/self-check/assess.ts) and their words for the page without JavaScript. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessSelfCheck,
  SELF_CHECK_ANSWERS,
  SELF_CHECK_QUESTION_IDS,
  type SelfCheckAnswers,
} from "@/lib/self-check/assess";
import { conditionInWords, selfCheckGuidance, unmetConditionInWords } from "@/lib/self-check/guidance";

/** Answers of someone MILD may help, with no blood thinner, a scan, and no warning sign. */
const MATCHING: SelfCheckAnswers = {
  symptoms: "yes",
  relief: "yes",
  duration: "yes",
  "tried-care": "yes",
  imaging: "yes",
  "blood-thinner": "no",
  "warning-signs": "no",
};

const anyAnswers = fc.record(
  Object.fromEntries(SELF_CHECK_QUESTION_IDS.map((id) => [id, fc.constantFrom(...SELF_CHECK_ANSWERS)])),
  { requiredKeys: [] },
) as fc.Arbitrary<SelfCheckAnswers>;

describe("assessSelfCheck", () => {
  it("a warning sign wins over every other answer, and over missing ones", () => {
    expect(assessSelfCheck({ "warning-signs": "yes" })).toEqual({ result: "emergency", emergencyNoticeFirst: true, unanswered: [], notes: [] });
    expect(assessSelfCheck({ ...MATCHING, "warning-signs": "yes" }).result).toBe("emergency");
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        expect(assessSelfCheck({ ...answers, "warning-signs": "yes" })).toMatchObject({ result: "emergency", emergencyNoticeFirst: true });
      }),
    );
  });

  it("not sure about the warning signs: \"get checked today\" comes first, never a match", () => {
    expect(assessSelfCheck({ ...MATCHING, "warning-signs": "not-sure" })).toEqual({
      result: "check-today",
      emergencyNoticeFirst: true,
      unanswered: [],
      notes: [],
    });
    // Even before the other questions are answered: the warning sign is what matters today.
    expect(assessSelfCheck({ "warning-signs": "not-sure" })).toMatchObject({ result: "check-today", emergencyNoticeFirst: true });
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        expect(assessSelfCheck({ ...answers, "warning-signs": "not-sure" }).result).toBe("check-today");
      }),
    );
    expect(assessSelfCheck(MATCHING).emergencyNoticeFirst).toBe(false);
  });

  it("matches the people MILD may help: symptoms on standing or walking, eased by sitting, for 3 months, other care not enough", () => {
    expect(assessSelfCheck(MATCHING)).toEqual({ result: "match", emergencyNoticeFirst: false, unanswered: [], notes: [] });
  });

  it("with the symptoms of stenosis for under 3 months, or no therapy tried yet, says other care usually comes first", () => {
    for (const id of ["duration", "tried-care"] as const) {
      for (const answer of ["no", "not-sure"] as const) {
        expect(assessSelfCheck({ ...MATCHING, [id]: answer }).result, `${id}: ${answer}`).toBe("try-other-care-first");
      }
    }
    expect(assessSelfCheck({ ...MATCHING, duration: "no", "tried-care": "no" }).result).toBe("try-other-care-first");
  });

  it("says other causes are possible only when the symptoms or their pattern do not fit", () => {
    for (const id of ["symptoms", "relief"] as const) {
      for (const answer of ["no", "not-sure"] as const) {
        expect(assessSelfCheck({ ...MATCHING, [id]: answer }).result, `${id}: ${answer}`).toBe("other-causes");
        expect(assessSelfCheck({ ...MATCHING, [id]: answer, duration: "no" }).result, `${id}: ${answer}, duration: no`).toBe("other-causes");
      }
    }
  });

  it("adds what to tell the doctor: a blood thinner, and no MRI or CT scan yet", () => {
    expect(assessSelfCheck({ ...MATCHING, "blood-thinner": "yes", imaging: "not-sure" })).toMatchObject({
      result: "match",
      notes: ["blood-thinner", "no-imaging"],
    });
    expect(assessSelfCheck({ ...MATCHING, relief: "no", "blood-thinner": "not-sure" })).toMatchObject({
      result: "other-causes",
      notes: ["blood-thinner"],
    });
  });

  it("says there are not enough answers yet, and which, until every question is answered", () => {
    expect(assessSelfCheck({})).toEqual({ result: "incomplete", emergencyNoticeFirst: false, unanswered: [...SELF_CHECK_QUESTION_IDS], notes: [] });
    const withoutTwo = Object.fromEntries(Object.entries(MATCHING).filter(([id]) => id !== "duration" && id !== "warning-signs"));
    expect(assessSelfCheck(withoutTwo)).toMatchObject({ result: "incomplete", unanswered: ["warning-signs", "duration"] });
    // A No that rules out a match still waits for the warning-signs question.
    expect(assessSelfCheck({ ...withoutTwo, symptoms: "no" }).result).toBe("incomplete");
  });

  it("gives exactly one result for any answers, and never a match without every question answered", () => {
    fc.assert(
      fc.property(anyAnswers, (answers) => {
        const outcome = assessSelfCheck(answers);
        const allAnswered = SELF_CHECK_QUESTION_IDS.every((id) => answers[id] !== undefined);
        if (["match", "try-other-care-first", "other-causes"].includes(outcome.result)) expect(allAnswered).toBe(true);
        if (outcome.result === "incomplete") expect(outcome.unanswered.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("the rules in words", () => {
  const order = [...SELF_CHECK_QUESTION_IDS];

  it("numbers the questions as the page does", () => {
    expect(selfCheckGuidance(order)).toEqual([
      { when: "Yes to question 1", result: "emergency" },
      { when: "Not sure to question 1", result: "check-today" },
      { when: "Yes to questions 2, 3, 4 and 5", result: "match" },
      { when: "Yes to questions 2 and 3, and No or Not sure to any of questions 4 or 5", result: "try-other-care-first" },
      { when: "No or Not sure to any of questions 2 or 3", result: "other-causes" },
      { when: "Yes or Not sure to question 7", note: "blood-thinner" },
      { when: "No or Not sure to question 6", note: "no-imaging" },
    ]);
  });

  it("follows the order staff give the questions", () => {
    const warningSignsLast = [...order.filter((id) => id !== "warning-signs"), "warning-signs"] as typeof order;
    expect(selfCheckGuidance(warningSignsLast).slice(0, 3)).toEqual([
      { when: "Yes to question 7", result: "emergency" },
      { when: "Not sure to question 7", result: "check-today" },
      { when: "Yes to questions 1, 2, 3 and 4", result: "match" },
    ]);
  });

  it("joins questions that need different answers", () => {
    const condition = { symptoms: ["yes"], imaging: ["no"] } as const;
    expect(conditionInWords(condition, order)).toBe("Yes to question 2 and No to question 6");
    expect(unmetConditionInWords(condition, order)).toBe("No or Not sure to question 2 or Yes or Not sure to question 6");
  });
});
