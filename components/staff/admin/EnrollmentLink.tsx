"use client";

import { useState } from "react";
import { ENROLLMENT_HOURS } from "@/lib/staff/accounts";

/**
 * A new enrollment link, shown once: as selectable text (it works with no script and no clipboard), with a copy
 * button where the browser allows one. The person it is for opens it to set a password and two-factor sign-in.
 */
export function EnrollmentLink({ email, link }: { email: string; link: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | undefined>();
  const labelId = `enrollment-link-${email.replace(/[^a-z0-9]/gi, "-")}`;
  const copy = () => {
    if (!navigator.clipboard) return setCopied("failed");
    navigator.clipboard.writeText(link).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  };
  return (
    <div className="mt-3 space-y-2 rounded-lg border-2 border-brand-700 bg-brand-50 p-4" data-testid="enrollment-link-box">
      <p id={labelId} className="text-lg font-bold">
        Enrollment link for {email}
      </p>
      <p className="break-all font-mono text-base select-all" aria-labelledby={labelId} data-testid="enrollment-link">
        {link}
      </p>
      <p>
        It works <strong>once</strong>, for <strong>{ENROLLMENT_HOURS} hours</strong>, and will not be shown again. Give it to{" "}
        {email} yourself (in person, or in a message only they read): whoever opens it sets up the account.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={copy}
          className="inline-flex min-h-tap items-center rounded-lg border-2 border-brand-800 bg-white px-4 font-bold text-brand-800 hover:bg-brand-100"
        >
          Copy the link
        </button>
        <span role="status">
          {copied === "yes" && "Copied."}
          {copied === "failed" && "This browser would not copy it: select the link above and copy it."}
        </span>
      </div>
    </div>
  );
}
