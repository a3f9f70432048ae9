import { auditActionLabel, type AuditLogEntry } from "@/lib/staff/audit-log";
import { clinicTime } from "@/lib/staff/inbox";
import { staffRequestPath } from "@/lib/staff/paths";

/** Audit entries, newest first, as a list that reads on a phone: when and what on top, then who, reference and detail. */
export function AuditEntries({ entries, timeZone }: { entries: AuditLogEntry[]; timeZone: string }) {
  return (
    <ol className="mt-3 divide-y-2 divide-brand-100 border-y-2 border-brand-100" aria-label="Audit entries, newest first">
      {entries.map((entry) => (
        <li key={entry.id} className="py-3" data-audit-id={entry.id} data-audit-action={entry.action}>
          <p className="flex flex-wrap gap-x-3">
            <time dateTime={entry.at} className="text-ink-muted">
              {clinicTime(entry.at, timeZone)}
            </time>
            <strong className="text-lg">{auditActionLabel(entry.action)}</strong>
          </p>
          <dl className="mt-1 grid grid-cols-[7rem_1fr] gap-x-3 sm:grid-cols-[9rem_1fr]">
            <dt className="font-bold">Who</dt>
            <dd className="min-w-0 break-words">{entry.actorEmail ?? "Unknown"}</dd>
            {entry.reference && (
              <>
                <dt className="font-bold">Reference</dt>
                <dd>
                  <a href={staffRequestPath(entry.reference)} className="font-bold text-brand-800 underline underline-offset-4">
                    {entry.reference}
                  </a>
                </dd>
              </>
            )}
            {entry.detail && (
              <>
                <dt className="font-bold">Detail</dt>
                <dd className="min-w-0 break-words">{entry.detail}</dd>
              </>
            )}
            <dt className="font-bold">Address</dt>
            <dd className="min-w-0 break-all font-mono">{entry.ipHash ? `${entry.ipHash} (hashed)` : "None recorded"}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
