"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/staff/sign-in/actions";
import type { SignInState } from "@/lib/staff/sign-in";
import { STAFF_BUTTON_CLASSES, StaffAlert, StaffField } from "./fields";
import { useFocusOnAnswer } from "./use-focus-on-answer";

/**
 * Sign-in in two steps on one page: email and password, then the authenticator code. The server keeps which
 * account is half-way (Better Auth's short-lived two-factor cookie); the page only shows the step it is told.
 * Works before the script loads too (the form posts to the server action).
 */
export function SignInForm({ returnTo }: { returnTo: string }) {
  const [state, formAction, pending] = useActionState(signInAction, { step: "password" } as SignInState);
  // After each answer: to the error if there is one, else to the code box the answer brought.
  const errorRef = useFocusOnAnswer<HTMLDivElement>(state);
  const codeRef = useFocusOnAnswer<HTMLInputElement>(state);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      {state.step !== "done" && state.error && (
        <div ref={errorRef} tabIndex={-1} className="focus:outline-none">
          <StaffAlert>{state.error}</StaffAlert>
        </div>
      )}
      <input type="hidden" name="next" value={returnTo} />
      {state.step === "code" ? (
        <>
          <input type="hidden" name="step" value="code" />
          <StaffField
            name="code"
            label="Code from your authenticator app"
            hint="The 6 digits your app shows for Mocek Spine now. Lost your phone? Type one of your recovery codes instead."
            error={undefined}
            inputMode="numeric"
            autoComplete="one-time-code"
            ref={state.error ? undefined : codeRef}
            required
          />
        </>
      ) : (
        <>
          <input type="hidden" name="step" value="password" />
          <StaffField name="email" label="Email" type="email" autoComplete="username" defaultValue={state.step === "password" ? state.email : ""} required />
          <StaffField name="password" label="Password" type="password" autoComplete="current-password" required />
        </>
      )}
      <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
        {state.step === "code" ? "Sign in" : "Continue"}
      </button>
    </form>
  );
}
