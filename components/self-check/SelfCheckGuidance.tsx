import type { ReactNode } from "react";
import { selfCheckGuidance } from "@/lib/self-check/guidance";
import type { SelfCheckTexts } from "@/lib/self-check/texts";
import { EmergencyCallButton } from "./EmergencyCallButton";
import { ResultPanel } from "./ResultPanel";

/** A heading as the start of a sentence: "Other causes are possible." */
function asSentence(heading: string): string {
  return /[.!?]$/.test(heading) ? heading : `${heading}.`;
}

/**
 * What the answers may mean, in words: the self-check's result for a reader without JavaScript, and for the
 * checklist on paper. The emergency notice comes first, as it does in the interactive result.
 */
export function SelfCheckGuidance({
  texts,
  emergencyNotice,
  contactActions,
}: {
  texts: SelfCheckTexts;
  emergencyNotice: ReactNode;
  contactActions: ReactNode;
}) {
  const items = selfCheckGuidance(texts.questions.map((question) => question.id));
  const results = items.filter((item) => "result" in item);
  const notes = items.filter((item) => "note" in item);
  return (
    <ResultPanel>
      {emergencyNotice}
      <p className="font-semibold">Start at the top. The first answer below that fits yours is what your answers may mean.</p>
      <ul className="space-y-4">
        {results.map((item) => (
          <li key={item.result} className="space-y-2 border-l-4 border-brand-200 pl-4">
            <p className="font-semibold">If you answered {item.when}:</p>
            <p>
              <strong>{asSentence(texts.results[item.result].heading)}</strong> {texts.results[item.result].text}
            </p>
            {item.result === "emergency" && <EmergencyCallButton />}
          </li>
        ))}
      </ul>
      <p className="font-semibold">Whatever your result, also tell the doctor:</p>
      <ul className="space-y-4">
        {notes.map((item) => (
          <li key={item.note} className="border-l-4 border-brand-200 pl-4">
            <p className="font-semibold">If you answered {item.when}:</p>
            <p>{texts.notes[item.note]}</p>
          </li>
        ))}
      </ul>
      {contactActions}
    </ResultPanel>
  );
}
