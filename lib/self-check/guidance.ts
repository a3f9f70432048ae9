/**
 * The self-check's rules in words, for the page without JavaScript (and on paper): "If you answered Yes to
 * questions 1, 2, 3 and 4: …". Written from SELF_CHECK_RULES and the order staff gave the questions, so the
 * words say exactly what the interactive result does.
 */
import {
  SELF_CHECK_ANSWER_LABELS,
  SELF_CHECK_ANSWERS,
  SELF_CHECK_NOTES,
  SELF_CHECK_RULES,
  type SelfCheckAnswer,
  type SelfCheckCondition,
  type SelfCheckNote,
  type SelfCheckQuestionId,
  type SelfCheckResult,
} from "./assess";

export type SelfCheckGuidanceItem = { when: string } & ({ result: SelfCheckResult } | { note: SelfCheckNote });

/** "1", "1 and 2", "1, 2 and 3" (or "or" for "any of"). */
function listInWords(items: readonly string[], conjunction: "and" | "or"): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

function answersInWords(answers: readonly SelfCheckAnswer[]): string {
  return listInWords(answers.map((answer) => SELF_CHECK_ANSWER_LABELS[answer]), "or");
}

/** Groups the condition's questions by the answers that meet it, numbered as the page numbers them. */
function groupsOf(condition: SelfCheckCondition, order: readonly SelfCheckQuestionId[], negate: boolean) {
  const groups = new Map<string, { answers: SelfCheckAnswer[]; numbers: number[] }>();
  for (const [id, accepted] of Object.entries(condition) as [SelfCheckQuestionId, readonly SelfCheckAnswer[]][]) {
    const answers = negate ? SELF_CHECK_ANSWERS.filter((answer) => !accepted.includes(answer)) : [...accepted];
    const key = answers.join(",");
    const group = groups.get(key) ?? { answers, numbers: [] };
    group.numbers.push(order.indexOf(id) + 1);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({ ...group, numbers: group.numbers.sort((a, b) => a - b).map(String) }));
}

/** "Yes to questions 1, 2, 3 and 4": every question of the condition answered as it asks. */
export function conditionInWords(condition: SelfCheckCondition, order: readonly SelfCheckQuestionId[]): string {
  const parts = groupsOf(condition, order, false).map(
    ({ answers, numbers }) => `${answersInWords(answers)} to question${numbers.length > 1 ? "s" : ""} ${listInWords(numbers, "and")}`,
  );
  return listInWords(parts, "and");
}

/** "No or Not sure to any of questions 1, 2, 3 or 4": at least one question of the condition answered otherwise. */
export function unmetConditionInWords(condition: SelfCheckCondition, order: readonly SelfCheckQuestionId[]): string {
  const parts = groupsOf(condition, order, true).map(({ answers, numbers }) =>
    numbers.length > 1
      ? `${answersInWords(answers)} to any of questions ${listInWords(numbers, "or")}`
      : `${answersInWords(answers)} to question ${numbers[0]}`,
  );
  return listInWords(parts, "or");
}

/** Each result and note with the answers that lead to it, most urgent first: the first result that fits is the one. */
export function selfCheckGuidance(order: readonly SelfCheckQuestionId[]): SelfCheckGuidanceItem[] {
  const { emergency, checkToday, symptomPattern, otherCareTried } = SELF_CHECK_RULES;
  return [
    { when: conditionInWords(emergency, order), result: "emergency" },
    { when: conditionInWords(checkToday, order), result: "check-today" },
    { when: conditionInWords({ ...symptomPattern, ...otherCareTried }, order), result: "match" },
    {
      when: `${conditionInWords(symptomPattern, order)}, and ${unmetConditionInWords(otherCareTried, order)}`,
      result: "try-other-care-first",
    },
    { when: unmetConditionInWords(symptomPattern, order), result: "other-causes" },
    ...SELF_CHECK_NOTES.map((note) => ({ when: conditionInWords(SELF_CHECK_RULES.notes[note], order), note })),
  ];
}
