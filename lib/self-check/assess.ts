/**
 * The self-check on /candidacy ("Could MILD help me?"): which questions it asks and what the answers may mean.
 * Pure and without dependencies, so the browser runs the same rules the tests prove; the words shown for each
 * question and result are staff's, in content/self-check.yaml (lib/self-check/texts.ts). It never diagnoses:
 * at best the answers "match the people MILD may help", and a doctor decides.
 */

/**
 * Every question the rules need, as staff name them in content/self-check.yaml. The warning signs of an emergency
 * come first, on the page too (lib/self-check/texts.ts): a reader who has one is told at once to call 911.
 */
export const SELF_CHECK_QUESTION_IDS = [
  "warning-signs",
  "symptoms",
  "relief",
  "duration",
  "tried-care",
  "imaging",
  "blood-thinner",
] as const;

/** The question asked first, whose "Yes" or "Not sure" is answered at once. */
export const FIRST_QUESTION_ID = SELF_CHECK_QUESTION_IDS[0];
export type SelfCheckQuestionId = (typeof SELF_CHECK_QUESTION_IDS)[number];

export const SELF_CHECK_ANSWERS = ["yes", "no", "not-sure"] as const;
export type SelfCheckAnswer = (typeof SELF_CHECK_ANSWERS)[number];

export const SELF_CHECK_ANSWER_LABELS: Record<SelfCheckAnswer, string> = { yes: "Yes", no: "No", "not-sure": "Not sure" };

/** What the reader has answered so far; a question left out is not answered yet. */
export type SelfCheckAnswers = Partial<Record<SelfCheckQuestionId, SelfCheckAnswer>>;

export const SELF_CHECK_RESULTS = ["emergency", "check-today", "match", "try-other-care-first", "other-causes", "incomplete"] as const;
export type SelfCheckResult = (typeof SELF_CHECK_RESULTS)[number];

/** Things to tell the doctor, shown under a result when an answer calls for them. */
export const SELF_CHECK_NOTES = ["blood-thinner", "no-imaging"] as const;
export type SelfCheckNote = (typeof SELF_CHECK_NOTES)[number];

/** Answers that meet a rule: each question listed must have one of the answers listed for it. */
export type SelfCheckCondition = Partial<Record<SelfCheckQuestionId, readonly SelfCheckAnswer[]>>;

/**
 * The rules, from the candidacy facts in the fact sheet. The page's guidance without JavaScript is written
 * from these same rules (lib/self-check/guidance.ts), so the two cannot disagree.
 */
export const SELF_CHECK_RULES = {
  /** A warning sign of an emergency (the fact sheet's red flags) wins over every other answer. */
  emergency: { "warning-signs": ["yes"] },
  /** Not sure about the warning signs: get checked today comes before anything the other answers may mean. */
  checkToday: { "warning-signs": ["not-sure"] },
  /** The emergency notice comes first for both. */
  emergencyNoticeFirst: { "warning-signs": ["yes", "not-sure"] },
  /** The pattern of lumbar spinal stenosis: symptoms on standing or walking, eased by sitting or leaning forward. */
  symptomPattern: { symptoms: ["yes"], relief: ["yes"] },
  /**
   * With the pattern, the people MILD may help: symptoms for 3 months or more, not helped enough by physical
   * therapy, exercise or pain medication. The pattern without these: those are usually tried first.
   */
  otherCareTried: { duration: ["yes"], "tried-care": ["yes"] },
  notes: {
    /** A blood thinner that cannot be paused is a reason a doctor may advise against MILD. */
    "blood-thinner": { "blood-thinner": ["yes", "not-sure"] },
    /** The doctor looks at an MRI or CT scan before deciding. */
    "no-imaging": { imaging: ["no", "not-sure"] },
  },
} as const satisfies {
  emergency: SelfCheckCondition;
  checkToday: SelfCheckCondition;
  emergencyNoticeFirst: SelfCheckCondition;
  symptomPattern: SelfCheckCondition;
  otherCareTried: SelfCheckCondition;
  notes: Record<SelfCheckNote, SelfCheckCondition>;
};

export interface SelfCheckOutcome {
  result: SelfCheckResult;
  /** Show the emergency notice before anything else. */
  emergencyNoticeFirst: boolean;
  /** The questions still to answer, in the rules' order (empty unless the result is `incomplete`). */
  unanswered: SelfCheckQuestionId[];
  /** What to tell the doctor (empty for `emergency` and `incomplete`). */
  notes: SelfCheckNote[];
}

export function meetsCondition(answers: SelfCheckAnswers, condition: SelfCheckCondition): boolean {
  return Object.entries(condition).every(([id, accepted]) => {
    const answer = answers[id as SelfCheckQuestionId];
    return answer !== undefined && accepted.includes(answer);
  });
}

/** The result for answers to every question, once no warning sign calls for care first. */
function resultOfCompleteAnswers(answers: SelfCheckAnswers): SelfCheckResult {
  if (!meetsCondition(answers, SELF_CHECK_RULES.symptomPattern)) return "other-causes";
  return meetsCondition(answers, SELF_CHECK_RULES.otherCareTried) ? "match" : "try-other-care-first";
}

/**
 * What the answers may mean. Warning signs win, a "Yes" or a "Not sure" alike, whatever else is answered; then
 * every question must be answered before anything else is said.
 */
export function assessSelfCheck(answers: SelfCheckAnswers): SelfCheckOutcome {
  const emergencyNoticeFirst = meetsCondition(answers, SELF_CHECK_RULES.emergencyNoticeFirst);
  if (meetsCondition(answers, SELF_CHECK_RULES.emergency)) {
    return { result: "emergency", emergencyNoticeFirst: true, unanswered: [], notes: [] };
  }
  if (meetsCondition(answers, SELF_CHECK_RULES.checkToday)) {
    return { result: "check-today", emergencyNoticeFirst: true, unanswered: [], notes: [] };
  }
  const unanswered = SELF_CHECK_QUESTION_IDS.filter((id) => answers[id] === undefined);
  if (unanswered.length > 0) return { result: "incomplete", emergencyNoticeFirst, unanswered, notes: [] };
  return {
    result: resultOfCompleteAnswers(answers),
    emergencyNoticeFirst,
    unanswered: [],
    notes: SELF_CHECK_NOTES.filter((note) => meetsCondition(answers, SELF_CHECK_RULES.notes[note])),
  };
}
