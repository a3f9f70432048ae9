"use client";
/**
 * A form of the editor's screens (ask for review, publish, approve, restore): posts without JavaScript too, and
 * says the server's answer (a refusal's reason, or what was done) right above its button.
 */
import { useActionState, type ReactNode } from "react";
import { StaffAlert } from "@/components/staff/fields";

export interface PageActionState {
  error?: string;
  done?: string;
}

export function PageActionForm({
  action,
  children,
  label,
  hidden = {},
}: {
  action: (previous: PageActionState, formData: FormData) => Promise<PageActionState>;
  children?: ReactNode;
  /** What the form is, for screen readers. */
  label: string;
  /** Fields sent as they are, e.g. the page's `slug` (the site's guard accepts a form's own fields, not bound arguments). */
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} aria-label={label} aria-busy={pending} className="grid gap-3">
      {state.error && <StaffAlert>{state.error}</StaffAlert>}
      {state.done && <StaffAlert tone="info">{state.done}</StaffAlert>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}
