/**
 * The words of the self-check, which staff edit in content/self-check.yaml: its questions and what each result
 * says. Validated here, on the server and by the content check; the browser receives them as plain props.
 */
import path from "node:path";
import { z } from "zod";
import { ContentError, contentError } from "../content/errors";
import { boundedText, optionalText, strictFields } from "../content/schema-helpers";
import { parseYamlWithSchema, readYamlFile, type YamlParseResult } from "../content/yaml";
import { readOnceInProduction } from "../read-once";
import {
  FIRST_QUESTION_ID,
  SELF_CHECK_NOTES,
  SELF_CHECK_QUESTION_IDS,
  SELF_CHECK_RESULTS,
  type SelfCheckNote,
  type SelfCheckResult,
} from "./assess";

export const SELF_CHECK_FILE = path.join("content", "self-check.yaml");

export const SELF_CHECK_FILE_MISSING = "is missing: <SelfCheck /> takes its questions and results from it";

/** One field for each of `names`, all of them required. */
function oneFieldEach<Name extends string, Field extends z.ZodType>(names: readonly Name[], field: Field) {
  return strictFields(Object.fromEntries(names.map((name) => [name, field])) as Record<Name, Field>);
}

const questionIdList = SELF_CHECK_QUESTION_IDS.join(", ");

const questionSchema = strictFields({
  /** Which question this is, for the rules; the order of the list is the order on the page. */
  id: z.enum(SELF_CHECK_QUESTION_IDS, { error: `must be one of: ${questionIdList}` }),
  /** The question, answered Yes, No or Not sure. */
  question: boundedText(10, 200),
  /** A short explanation under the question, e.g. of a medical word. */
  hint: optionalText(200),
});

const resultSchema = strictFields({ heading: boundedText(5, 80), text: boundedText(10, 400) });

export const selfCheckTextsSchema = strictFields({
  /** The self-check's heading on the page. */
  title: boundedText(5, 60),
  /** What the self-check is, and that it is not a diagnosis. */
  intro: boundedText(20, 400),
  /** That the answers stay in the reader's browser. */
  privacy: boundedText(20, 300),
  questions: z
    .array(questionSchema, { error: "must be a list of questions, each starting with `- id:`" })
    .superRefine((questions, context) => {
      const seen = new Set<string>();
      questions.forEach((question, index) => {
        if (seen.has(question.id)) {
          context.addIssue({ code: "custom", path: [index, "id"], message: `\`${question.id}\` is asked twice; each question is asked once` });
        }
        seen.add(question.id);
      });
      if (questions[0] && questions[0].id !== FIRST_QUESTION_ID) {
        context.addIssue({
          code: "custom",
          path: [0, "id"],
          message:
            `must be \`${FIRST_QUESTION_ID}\`: the warning signs of an emergency are asked first, so that a reader who has ` +
            "one is told to call 911 before answering anything else",
        });
      }
      const missing = SELF_CHECK_QUESTION_IDS.filter((id) => !seen.has(id));
      if (missing.length > 0) {
        context.addIssue({
          code: "custom",
          path: [],
          message: `has no question with ${missing.map((id) => `\`id: ${id}\``).join(", ")}: the self-check needs every one of ${questionIdList}`,
        });
      }
    }),
  /** What each result says; the rules that choose one are in lib/self-check/assess.ts. */
  results: oneFieldEach<SelfCheckResult, typeof resultSchema>(SELF_CHECK_RESULTS, resultSchema),
  /** Things to tell the doctor, shown under a result when an answer calls for them. */
  notes: oneFieldEach<SelfCheckNote, ReturnType<typeof boundedText>>(SELF_CHECK_NOTES, boundedText(10, 300)),
});

export type SelfCheckTexts = z.infer<typeof selfCheckTextsSchema>;
export type SelfCheckQuestion = SelfCheckTexts["questions"][number];

export function parseSelfCheckTexts(yamlText: string, file = SELF_CHECK_FILE): YamlParseResult<SelfCheckTexts> {
  return parseYamlWithSchema(file, yamlText, selfCheckTextsSchema);
}

/** The self-check's words, read from content/self-check.yaml; a problem stops the build, naming the file, line and field. */
export const getSelfCheckTexts = readOnceInProduction(() =>
  readYamlFile(SELF_CHECK_FILE, parseSelfCheckTexts, () => {
    throw new ContentError([contentError(SELF_CHECK_FILE, 1, SELF_CHECK_FILE_MISSING)]);
  }),
);
