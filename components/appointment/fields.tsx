import type { UseFormRegisterReturn } from "react-hook-form";

/** The ids that describe a field: its hint, then its error, so screen readers read both. */
export function fieldDescription(name: string, hasHint: boolean, error: string | undefined): string | undefined {
  const ids = [hasHint && `${name}-hint`, error && `${name}-error`].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 font-semibold text-emergency">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** A field's label, hint and error, in that order, with the ids the input's aria-describedby names. */
export function FieldIntro({ name, label, hint, error, required }: { name: string; label: string; hint?: React.ReactNode; error: string | undefined; required?: boolean }) {
  return (
    <>
      <label htmlFor={name} className="block text-lg font-bold">
        {label} {required && <span className="font-normal">(required)</span>}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-ink-muted">
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} message={error} />
    </>
  );
}

interface TextFieldProps extends Omit<React.ComponentProps<"input">, "name"> {
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  registration: UseFormRegisterReturn;
}

/** A labelled text input with its hint and error, wired for screen readers. */
export function TextField({ name, label, hint, error, registration, required, type = "text", ...inputProps }: TextFieldProps) {
  return (
    <div>
      <FieldIntro name={name} label={label} hint={hint} error={error} required={required} />
      <input
        id={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescription(name, Boolean(hint), error)}
        aria-required={required || undefined}
        className="mt-2 block min-h-tap w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base sm:max-w-md"
        {...inputProps}
        {...registration}
      />
    </div>
  );
}
