import type { CalloutType } from "@/lib/content/components";

const CALLOUT_STYLES: Record<CalloutType, { label: string; classes: string }> = {
  info: { label: "Good to know", classes: "border-brand-200 bg-brand-50 text-ink" },
  important: { label: "Important", classes: "border-notice-border bg-notice-bg text-ink" },
  emergency: { label: "Emergency", classes: "border-emergency-border bg-emergency-bg text-emergency" },
};

/**
 * A boxed note in a page. Staff write `<Callout type="important">…</Callout>`; the label is spoken and shown,
 * so the meaning does not depend on colour alone.
 */
export function Callout({ type, children }: { type: CalloutType; children?: React.ReactNode }) {
  const style = CALLOUT_STYLES[type];
  return (
    <aside
      aria-label={style.label}
      data-emergency-notice={type === "emergency" ? "" : undefined}
      className={`not-prose my-6 rounded-lg border-2 px-5 py-4 ${style.classes}`}>
      <p className="font-bold">{style.label}</p>
      <div className="space-y-3 [&_a]:font-semibold [&_a]:underline [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-6">{children}</div>
    </aside>
  );
}
