"use client";

import { useActionState } from "react";
import { enrollAction } from "@/app/staff/enroll/actions";
import type { EnrollmentState } from "@/lib/staff/enrollment";
import { STAFF_REQUESTS_PATH } from "@/lib/staff/paths";
import { STAFF_BUTTON_CLASSES, StaffAlert, StaffField } from "./fields";

/**
 * Enrollment, step by step on one page: a password, then the authenticator app (scan the QR code or type the
 * key), then the recovery codes, shown this once. Each step's form posts to the server, which decides the next.
 */
export function EnrollmentFlow({ initial, token, email }: { initial: EnrollmentState; token?: string; email: string }) {
  const [state, formAction, pending] = useActionState(enrollAction, initial);

  if (state.step === "link-invalid") {
    return <StaffAlert>This enrollment link has been used or has expired. Ask an admin for a new one.</StaffAlert>;
  }

  if (state.step === "done") {
    return (
      <section aria-labelledby="recovery-codes-heading" className="space-y-4">
        <StaffAlert tone="info">Two-factor sign-in is on. You are signed in.</StaffAlert>
        <h2 id="recovery-codes-heading" className="text-heading-2 font-bold text-brand-900">
          Your recovery codes
        </h2>
        <p className="text-lg">
          If you lose your phone, each of these codes lets you sign in once instead of a code from the app. Write them down
          or print them, and keep them somewhere safe. <strong>They will not be shown again.</strong>
        </p>
        <ol className="grid max-w-md grid-cols-2 gap-2 font-mono text-lg" aria-label="Recovery codes">
          {state.backupCodes.map((code) => (
            <li key={code} className="rounded border border-brand-200 px-3 py-1">
              {code}
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-3 print:hidden">
          <button type="button" className={STAFF_BUTTON_CLASSES} onClick={() => window.print()}>
            Print the codes
          </button>
          <a href={STAFF_REQUESTS_PATH} className={STAFF_BUTTON_CLASSES}>
            I have saved them: go to the inbox
          </a>
        </div>
      </section>
    );
  }

  if (state.step === "two-factor") {
    const { setup } = state;
    return (
      <form action={formAction} className="space-y-5" noValidate>
        <input type="hidden" name="step" value="two-factor" />
        <h2 className="text-heading-2 font-bold text-brand-900">Step 2 of 2: your authenticator app</h2>
        <p className="text-lg">
          Open an authenticator app on your phone (such as Google Authenticator, Microsoft Authenticator or 1Password) and
          add an account by scanning this QR code.
        </p>
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG drawn on the server, as a data: address */}
        <img src={setup.qrImage} alt="QR code for your authenticator app. The same key is written out below." width={216} height={216} className="rounded border border-brand-200" />
        <div>
          <p className="text-lg font-bold" id="setup-key-label">
            Or type this key into the app
          </p>
          <p className="text-ink-muted">Choose “time-based” if the app asks. Letters and the digits 2 to 7 only.</p>
          <p aria-labelledby="setup-key-label" className="mt-1 font-mono text-xl tracking-wider break-all select-all" data-testid="setup-key">
            {setup.secretGroups.join(" ")}
          </p>
        </div>
        {state.error && <StaffAlert>{state.error}</StaffAlert>}
        <StaffField
          name="code"
          label="The 6-digit code your app now shows"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          error={state.error ? "Enter the code again." : undefined}
        />
        <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
          Turn on two-factor sign-in
        </button>
      </form>
    );
  }

  if (state.step === "restart") {
    return (
      <form action={formAction} className="space-y-5" noValidate>
        <input type="hidden" name="step" value="restart" />
        <p className="text-lg">
          Your password is set. To finish, set up your authenticator app: type your new password to get a fresh key.
        </p>
        {state.error && <StaffAlert>{state.error}</StaffAlert>}
        <StaffField name="password" label="Your new password" type="password" autoComplete="current-password" required />
        <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
          Continue
        </button>
      </form>
    );
  }

  return (
    <form action={formAction} className="space-y-5" noValidate>
      <input type="hidden" name="step" value="password" />
      <input type="hidden" name="token" value={token ?? ""} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <h2 className="text-heading-2 font-bold text-brand-900">Step 1 of 2: choose a password</h2>
      <StaffField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words are easy to remember and hard to guess."
        error={state.errors?.password}
        required
      />
      <StaffField
        name="confirmPassword"
        label="The same password again"
        type="password"
        autoComplete="new-password"
        error={state.errors?.confirmPassword}
        required
      />
      <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
        Set password and continue
      </button>
    </form>
  );
}
