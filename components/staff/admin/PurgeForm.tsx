"use client";

import { useActionState } from "react";
import { useFocusOnAnswer } from "../use-focus-on-answer";
import { purgeAction, type PurgeState } from "@/app/staff/users/actions";
import { STAFF_BUTTON_CLASSES, StaffAlert, StaffField } from "../fields";

function deletedMessage({ count, olderThanDays }: NonNullable<PurgeState["deleted"]>): string {
  const days = `${olderThanDays} day${olderThanDays === 1 ? "" : "s"}`;
  if (count === 0) return `No request was received more than ${days} ago: nothing was deleted.`;
  return `Deleted ${count} request${count === 1 ? "" : "s"} received more than ${days} ago. Their audit log entries stay.`;
}

/** Deletes old requests for good; typing DELETE is the confirmation (it works without a script). */
export function PurgeForm() {
  const [state, formAction, pending] = useActionState(purgeAction, {} as PurgeState);
  const resultRef = useFocusOnAnswer<HTMLDivElement>(state);
  const { values = {}, fieldErrors = {} } = state;
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label="Purge old requests">
      <div ref={resultRef} tabIndex={-1} className="focus:outline-none">
        {state.error && <StaffAlert>{state.error}</StaffAlert>}
        {state.deleted && <StaffAlert tone="info">{deletedMessage(state.deleted)}</StaffAlert>}
      </div>
      <StaffField
        name="olderThanDays"
        label="Delete requests received more than this many days ago"
        hint="With their status history and notes. Entries in the audit log stay."
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.olderThanDays}
        error={fieldErrors.olderThanDays}
        required
      />
      <StaffField
        name="confirm"
        label="Type DELETE to confirm"
        hint="In capital letters. Deleted requests cannot be brought back."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={values.confirm}
        error={fieldErrors.confirm}
        required
      />
      <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
        Delete old requests
      </button>
    </form>
  );
}
