"use client";

import { useActionState } from "react";
import { rollbackAction, type RollbackState } from "@/app/staff/releases/actions";
import { STAFF_BUTTON_CLASSES, StaffAlert } from "../fields";
import { useFocusOnAnswer } from "../use-focus-on-answer";

/** One button per kept version: "Go back to this version". Works without a script (a plain form post). */
export function RollbackForm({ commit, label }: { commit: string; label: string }) {
  const [state, formAction, pending] = useActionState(rollbackAction, {} as RollbackState);
  const answerRef = useFocusOnAnswer<HTMLDivElement>(state);
  return (
    <form action={formAction} className="mt-3 space-y-3">
      <div ref={answerRef} tabIndex={-1} className="focus:outline-none">
        {state.error && <StaffAlert>{state.error}</StaffAlert>}
        {state.done && <StaffAlert tone="info">{state.done}</StaffAlert>}
      </div>
      <input type="hidden" name="commit" value={commit} />
      <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending} aria-label={`Go back to ${label}`}>
        {pending ? "Switching…" : "Go back to this version"}
      </button>
    </form>
  );
}
