import type { ReactNode } from "react";
import { selfCheckGuidance } from "@/lib/self-check/guidance";
import type { SelfCheckTexts } from "@/lib/self-check/texts";
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
  return (
    <ResultPanel>
      {emergencyNotice}
      <ul className="space-y-4">
        {items.map((item) => (
          <li key={"result" in item ? item.result : item.note} className="border-l-4 border-brand-200 pl-4">
            <p className="font-semibold">If you answered {item.when}:</p>
            {"result" in item ? (
              <p>
                <strong>{asSentence(texts.results[item.result].heading)}</strong> {texts.results[item.result].text}
              </p>
            ) : (
              <p>{texts.notes[item.note]}</p>
            )}
          </li>
        ))}
      </ul>
      {contactActions}
    </ResultPanel>
  );
}
