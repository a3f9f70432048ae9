"use client";

import { useActionState } from "react";
import { useFocusOnAnswer } from "../use-focus-on-answer";
import { userAction, type UserActionState } from "@/app/staff/users/actions";
import type { StaffUserSummary } from "@/lib/staff/accounts";
import { StaffAlert } from "../fields";
import { EnrollmentLink } from "./EnrollmentLink";

const BUTTON = "inline-flex min-h-tap items-center justify-center rounded-lg border-2 px-4 py-1 font-bold";
const PLAIN_BUTTON = `${BUTTON} border-brand-800 bg-white text-brand-800 hover:bg-brand-100`;
const DANGER_BUTTON = `${BUTTON} border-emergency-border bg-emergency-bg text-emergency hover:bg-white`;

const CONFIRM_TEXT = {
  disable: (name: string, self: boolean) =>
    `Disable ${name}? ${self ? "You" : "They"} will be signed out at once and cannot sign in until an admin enables the account.`,
  reset: (name: string, self: boolean) =>
    `Reset ${name}'s sign-in? ${self ? "You" : "They"} will be signed out everywhere; the password and authenticator stop working, and a new enrollment link is made.`,
} as const;

/**
 * Disable, enable or reset one account. Disable and reset take two presses: the first asks the question (answered by
 * the server, so it works without a script), the second does it.
 */
export function UserActions({ user, self }: { user: Pick<StaffUserSummary, "email" | "name" | "state">; self: boolean }) {
  const [state, formAction, pending] = useActionState(userAction, {} as UserActionState);
  const focusRef = useFocusOnAnswer<HTMLDivElement>(state);
  const who = <span className="sr-only"> {user.name}</span>;
  return (
    <form action={formAction} className="mt-3" aria-label={`Change ${user.name}'s account`}>
      <input type="hidden" name="email" value={user.email} />
      <div ref={focusRef} tabIndex={-1} className="focus:outline-none">
        {state.error && <StaffAlert>{state.error}</StaffAlert>}
        {state.done && <StaffAlert tone="info">{state.done}</StaffAlert>}
        {state.enrollmentLink && (
          <div className="mb-4">
            <EnrollmentLink email={user.email} link={state.enrollmentLink} />
          </div>
        )}
        {state.confirming && (
          <p className="mb-3 rounded-lg border-2 border-emergency-border bg-emergency-bg p-3 text-lg font-semibold text-emergency">
            <span aria-hidden="true">⚠ </span>
            {CONFIRM_TEXT[state.confirming](user.name, self)}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {state.confirming ? (
          <>
            <input type="hidden" name="confirmed" value="yes" />
            <button type="submit" name="intent" value={state.confirming} className={DANGER_BUTTON} disabled={pending}>
              {state.confirming === "disable" ? "Yes, disable" : "Yes, reset"}
              {who}
            </button>
            <button type="submit" name="intent" value="cancel" className={PLAIN_BUTTON} disabled={pending}>
              Cancel
            </button>
          </>
        ) : (
          <>
            {user.state === "disabled" ? (
              <button type="submit" name="intent" value="enable" className={PLAIN_BUTTON} disabled={pending}>
                Enable{who}
              </button>
            ) : (
              <button type="submit" name="intent" value="disable" className={PLAIN_BUTTON} disabled={pending}>
                Disable{who}
              </button>
            )}
            {user.state !== "disabled" && (
              <button type="submit" name="intent" value="reset" className={PLAIN_BUTTON} disabled={pending}>
                {user.state === "enrolling" ? "New enrollment link" : "Reset sign-in"}
                {who}
              </button>
            )}
          </>
        )}
      </div>
    </form>
  );
}
