import { REQUEST_STATUSES, type RequestStatus } from "@/lib/appointments/store";

const TONES: Record<RequestStatus, string> = {
  new: "border-notice-border bg-notice-bg text-notice",
  no_answer: "border-brand-200 bg-brand-50 text-brand-900",
  scheduled: "border-brand-700 bg-white text-brand-900",
  closed: "border-ink-muted bg-white text-ink-muted",
};

/** A request's status in words (never colour alone). */
export function StatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`inline-block rounded-full border-2 px-3 py-0.5 text-base font-bold ${TONES[status]}`}>{REQUEST_STATUSES[status]}</span>;
}
