import { FieldIntro, fieldDescription } from "@/components/appointment/fields";

/** A labelled input for the inbox's forms, with its hint and error wired for screen readers (as the patients' form does). */
export function StaffField({
  name,
  label,
  hint,
  error,
  className,
  ...inputProps
}: Omit<React.ComponentProps<"input">, "name"> & { name: string; label: string; hint?: React.ReactNode; error?: string }) {
  return (
    <div className={className}>
      {/* Every inbox field is needed, so none is marked "(required)" (the patients' form marks them). */}
      <FieldIntro name={name} label={label} hint={hint} error={error} />
      <input
        id={name}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescription(name, Boolean(hint), error)}
        className="mt-2 block min-h-tap w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base sm:max-w-md"
        {...inputProps}
      />
    </div>
  );
}

/** The inbox's main action button. */
export const STAFF_BUTTON_CLASSES =
  "inline-flex min-h-tap items-center justify-center rounded-lg bg-brand-800 px-5 py-2 text-lg font-bold text-white hover:bg-brand-900 disabled:opacity-60";

/** A message that must be heard at once when it appears (an error after sending a form). */
export function StaffAlert({ children, tone = "error" }: { children: React.ReactNode; tone?: "error" | "info" }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 rounded-lg border-2 p-4 text-lg ${tone === "error" ? "border-emergency-border bg-emergency-bg font-semibold text-emergency" : "border-brand-200 bg-brand-50"}`}
    >
      {children}
    </div>
  );
}
