"use client";

import { Fragment, useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  assessSelfCheck,
  FIRST_QUESTION_ID,
  SELF_CHECK_ANSWER_LABELS,
  SELF_CHECK_ANSWERS,
  type SelfCheckAnswer,
  type SelfCheckAnswers,
  type SelfCheckQuestionId,
} from "@/lib/self-check/assess";
import type { SelfCheckQuestion, SelfCheckTexts } from "@/lib/self-check/texts";
import { BUTTON_BASE_CLASSES } from "../button-classes";
import { enteredBeforeHydration } from "../entered-before-hydration";
import { EmergencyCallButton } from "./EmergencyCallButton";
import { ResultPanel } from "./ResultPanel";

interface SelfCheckFormProps {
  texts: SelfCheckTexts;
  /** The clinic's name and number, printed at the top of the paper. */
  clinicContact: string;
  /** Rendered on the server: the call button reads the clinic's facts, which the browser never loads. */
  emergencyNotice: ReactNode;
  contactActions: ReactNode;
  /** The rules in words, shown until the page's JavaScript runs (and so always without it). */
  guidance: ReactNode;
}

const BUTTON_CLASSES = `${BUTTON_BASE_CLASSES} min-h-14 px-6 py-3 text-lg`;

const subscribeToNothing = () => () => {};

/** The class under which the print stylesheet leaves everything but the self-check off the paper (globals.css). */
const PRINT_ANSWERS_ONLY = "print-self-check-only";

/** While the emergency result is shown, the clinic's sticky call bar steps aside for the 911 button (globals.css). */
const EMERGENCY_RESULT_SHOWN = "emergency-result-shown";

/** Prints the self-check alone; the page prints whole again once the print dialog closes. */
function printAnswersOnly() {
  const root = document.documentElement;
  root.classList.add(PRINT_ANSWERS_ONLY);
  window.addEventListener("afterprint", () => root.classList.remove(PRINT_ANSWERS_ONLY), { once: true });
  window.print();
}

/** False in the server's HTML and while hydrating, true once this component runs in the browser. */
function useHasJavaScript(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}

/**
 * The self-check's questions and result. The answers live in this component's state only: no form is
 * submitted, nothing is stored, and every button is type="button". Without JavaScript the same questions are a
 * checklist to fill in on screen or on paper, followed by `guidance`.
 */
export function SelfCheckForm({ texts, clinicContact, emergencyNotice, contactActions, guidance }: SelfCheckFormProps) {
  const idPrefix = useId();
  const hasJavaScript = useHasJavaScript();
  // An answer chosen before the page's scripts arrived (they load on the first tap) counts like any other.
  const [answers, setAnswers] = useState(() => answersBeforeHydration(idPrefix, texts.questions));
  // How many times the reader asked for the result: each request moves focus to it, even when it is already shown.
  const [resultRequests, setResultRequests] = useState(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (resultRequests === 0) return;
    // The result starts at the top of the screen, where a phone shows most of it, and is read from its heading.
    resultHeading.current?.scrollIntoView({ block: "start" });
    resultHeading.current?.focus({ preventScroll: true });
  }, [resultRequests]);

  const outcome = assessSelfCheck(answers);
  // A warning sign is answered at once, before the other questions or the button: see WarningSignAnswer.
  const showsEmergency = outcome.result === "emergency";

  useEffect(() => {
    if (!showsEmergency) return;
    const root = document.documentElement;
    root.classList.add(EMERGENCY_RESULT_SHOWN);
    return () => root.classList.remove(EMERGENCY_RESULT_SHOWN);
  }, [showsEmergency]);

  const answer = (id: SelfCheckQuestionId, value: SelfCheckAnswer) => setAnswers((current) => ({ ...current, [id]: value }));
  const numberOf = (id: SelfCheckQuestionId) => texts.questions.findIndex((question) => question.id === id) + 1;
  const result = texts.results[outcome.result];
  const unansweredNumbers = outcome.unanswered.map(numberOf).sort((a, b) => a - b);

  return (
    <section
      aria-labelledby={`${idPrefix}-title`}
      className="self-check rounded-xl border-2 border-brand-200 bg-brand-50 p-3 sm:p-6 print:border-0 print:bg-white print:p-0">
      <h2 id={`${idPrefix}-title`} className="text-2xl font-bold text-brand-900 sm:text-3xl">
        {texts.title}
      </h2>
      <p className="hidden print:block">{clinicContact}: bring these answers to your appointment.</p>
      <p className="mt-3">{texts.intro}</p>
      <p className="mt-3 rounded-lg border-l-4 border-brand-700 bg-white px-4 py-2 font-semibold print:hidden">{texts.privacy}</p>

      <div className="mt-6 space-y-4">
        {texts.questions.map((question, index) => (
          <Fragment key={question.id}>
            <QuestionFieldset
              idPrefix={idPrefix}
              number={index + 1}
              question={question}
              answer={answers[question.id]}
              onAnswer={(value) => answer(question.id, value)}
              showAnswerInPrint={hasJavaScript}
            />
            {hasJavaScript && question.id === FIRST_QUESTION_ID && (
              <WarningSignAnswer result={outcome.result === "emergency" || outcome.result === "check-today" ? outcome.result : undefined} texts={texts} />
            )}
          </Fragment>
        ))}
      </div>

      {hasJavaScript ? (
        <>
          <button
            type="button"
            onClick={() => setResultRequests((count) => count + 1)}
            className={`${BUTTON_CLASSES} mt-6 w-full bg-brand-800 text-white hover:bg-brand-900 sm:w-auto print:hidden`}
          >
            See what my answers mean
          </button>
          {resultRequests > 0 && (
            <ResultPanel
              headingRef={resultHeading}
              heading={outcome.result === "emergency" ? result.heading : undefined}
              urgent={outcome.result === "emergency"}
            >
              {outcome.emergencyNoticeFirst && emergencyNotice}
              {outcome.result !== "emergency" && <p className="text-2xl font-bold text-brand-900">{result.heading}</p>}
              <p>{result.text}</p>
              {outcome.result === "emergency" && <EmergencyCallButton />}
              {unansweredNumbers.length > 0 && (
                <p className="font-semibold">
                  Still to answer: question{unansweredNumbers.length > 1 ? "s" : ""} {unansweredNumbers.join(", ")}.
                </p>
              )}
              {outcome.notes.length > 0 && (
                <ul className="list-disc space-y-2 pl-6">
                  {outcome.notes.map((note) => (
                    <li key={note}>{texts.notes[note]}</li>
                  ))}
                </ul>
              )}
              {(outcome.result === "match" || outcome.result === "other-causes") && contactActions}
              <button
                type="button"
                onClick={printAnswersOnly}
                className={`${BUTTON_CLASSES} w-full border-2 border-brand-800 bg-white text-brand-800 hover:bg-brand-50 sm:w-auto print:hidden`}
              >
                Print my answers
              </button>
            </ResultPanel>
          )}
        </>
      ) : (
        guidance
      )}
    </section>
  );
}

/**
 * What to do about a warning sign, shown the moment the reader answers Yes or Not sure to it, under that question:
 * no one should answer six more questions first. An alert, so a screen reader says it at once while focus stays on
 * the answer. In the page, empty, from the moment the form runs (an empty block takes no room: its margins collapse),
 * and never `display: none`, as screen readers announce changes to an alert already there. Without JavaScript there
 * is none: nothing could fill it, and the rules in words under the questions say the same.
 */
function WarningSignAnswer({ result, texts }: { result: "emergency" | "check-today" | undefined; texts: SelfCheckTexts }) {
  const box = useRef<HTMLDivElement>(null);
  // On a phone the answer may open below the screen's edge: bring it into view, without moving focus.
  useEffect(() => {
    if (result) box.current?.scrollIntoView({ block: "nearest" });
  }, [result]);
  return (
    <div role="alert">
      {result && (
        <div ref={box} className="space-y-3 rounded-lg border-2 border-emergency bg-white p-3 sm:p-4">
          <p className="text-2xl font-bold text-emergency">{texts.results[result].heading}</p>
          <p>{texts.results[result].text}</p>
          <EmergencyCallButton />
        </div>
      )}
    </div>
  );
}

/** The radios' names are the questions' ids under this form's prefix: `${idPrefix}-${id}`. */
function answersBeforeHydration(idPrefix: string, questions: readonly SelfCheckQuestion[]): SelfCheckAnswers {
  const entered = enteredBeforeHydration(questions.map((question) => `${idPrefix}-${question.id}`));
  const answers: SelfCheckAnswers = {};
  for (const question of questions) {
    const value = entered[`${idPrefix}-${question.id}`];
    if ((SELF_CHECK_ANSWERS as readonly string[]).includes(value ?? "")) answers[question.id] = value as SelfCheckAnswer;
  }
  return answers;
}

interface QuestionFieldsetProps {
  idPrefix: string;
  number: number;
  question: SelfCheckQuestion;
  answer: SelfCheckAnswer | undefined;
  onAnswer: (answer: SelfCheckAnswer) => void;
  /** With JavaScript, paper shows the answer in words; without it, the printed options are the checklist. */
  showAnswerInPrint: boolean;
}

function QuestionFieldset({ idPrefix, number, question, answer, onAnswer, showAnswerInPrint }: QuestionFieldsetProps) {
  const name = `${idPrefix}-${question.id}`;
  return (
    <fieldset
      aria-describedby={question.hint ? `${name}-hint` : undefined}
      className="min-w-0 rounded-lg border-2 border-brand-100 bg-white p-3 sm:p-4 print:break-inside-avoid print:border-ink-muted print:p-3"
    >
      <legend className="float-left w-full text-lg font-bold text-ink">
        {number}. {question.question}
      </legend>
      {question.hint && (
        <p id={`${name}-hint`} className="clear-both pt-1 text-ink-muted">
          {question.hint}
        </p>
      )}
      {/* Three answers side by side while each has room for "Not sure"; fewer a row on narrow screens or with big text. */}
      <div
        className={`clear-both grid grid-cols-[repeat(auto-fit,minmax(min(5.5rem,100%),1fr))] gap-2 pt-3 sm:gap-3 ${showAnswerInPrint ? "print:hidden" : ""}`}
      >
        {SELF_CHECK_ANSWERS.map((value) => (
          <label
            key={value}
            className="flex min-h-14 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-ink-muted px-1 py-2 text-center text-base leading-tight has-checked:border-brand-800 has-checked:bg-brand-100 has-checked:text-brand-900 has-checked:inset-ring-2 has-checked:inset-ring-brand-800 sm:flex-row sm:justify-start sm:gap-3 sm:px-4 sm:text-lg"
          >
            <input
              type="radio"
              name={name}
              value={value}
              checked={answer === value}
              onChange={() => onAnswer(value)}
              className="size-6 shrink-0 accent-brand-800"
            />
            <span>{SELF_CHECK_ANSWER_LABELS[value]}</span>
          </label>
        ))}
      </div>
      {showAnswerInPrint && (
        <p className="clear-both hidden pt-2 print:block">
          My answer: <strong>{answer ? SELF_CHECK_ANSWER_LABELS[answer] : "not answered"}</strong>
        </p>
      )}
    </fieldset>
  );
}
