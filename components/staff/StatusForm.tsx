"use client";

import { useActionState } from "react";
import { changeStatusAction, type StatusFormState } from "@/app/staff/requests/[reference]/actions";
import { REQUEST_STATUSES, STATUS_NOTE_MAX_LENGTH, type RequestStatus } from "@/lib/appointments/store";
import { STAFF_BUTTON_CLASSES, StaffAlert } from "./fields";
import { useFocusOnAnswer } from "./use-focus-on-answer";

/** Set a request's status, with an optional note; what was typed comes back with any error. */
export function StatusForm({ reference, status }: { reference: string; status: RequestStatus }) {
  const [state, formAction, pending] = useActionState(changeStatusAction, {} as StatusFormState);
  const errorRef = useFocusOnAnswer<HTMLDivElement>(state);
  const chosen = state.values?.status ?? status;
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="reference" value={reference} />
      {state.error && (
        <div ref={errorRef} tabIndex={-1} className="focus:outline-none">
          <StaffAlert>{state.error}</StaffAlert>
        </div>
      )}
      <fieldset>
        <legend className="text-lg font-bold">Status</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {Object.entries(REQUEST_STATUSES).map(([value, label]) => (
            <label key={value} className="flex min-h-tap cursor-pointer items-center gap-3 rounded-lg border-2 border-brand-200 px-3 has-[:checked]:border-brand-800 has-[:checked]:bg-brand-50">
              <input type="radio" name="status" value={value} defaultChecked={value === chosen} className="size-5 accent-brand-800" />
              <span className="text-lg">{label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="note" className="block text-lg font-bold">
          Note <span className="font-normal">(optional)</span>
        </label>
        <p id="note-hint" className="text-ink-muted">
          For the team: what happened on the call, in up to {STATUS_NOTE_MAX_LENGTH.toLocaleString("en-US")} characters. Kept with the
          request, encrypted.
        </p>
        <textarea
          id="note"
          name="note"
          rows={3}
          defaultValue={state.values?.note}
          maxLength={STATUS_NOTE_MAX_LENGTH}
          aria-describedby="note-hint"
          className="mt-2 block w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base"
        />
      </div>
      <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
        Save status
      </button>
    </form>
  );
}
