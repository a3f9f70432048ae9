import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { AuditEntries } from "@/components/staff/admin/AuditEntries";
import { STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { listUsers } from "@/lib/staff/accounts";
import { AUDIT_EXPORT_PATH } from "@/lib/staff/admin-download";
import { COMMAND_LINE_ACTOR, parseAuditFilter, readAuditPage, type AuditLogFilter } from "@/lib/staff/audit-log";
import { STAFF_AUDIT_PATH } from "@/lib/staff/paths";
import { requireAdmin } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Audit log" };

const LINK_CLASSES = "inline-flex min-h-tap items-center font-bold text-brand-800 underline";
const FIELD_CLASSES = "mt-2 block min-h-tap w-full rounded-lg border-2 border-ink-muted bg-white px-3 py-2 text-base";

function auditPageHref(filter: AuditLogFilter): string {
  const query = new URLSearchParams();
  if (filter.actor) query.set("actor", filter.actor);
  if (filter.reference) query.set("reference", filter.reference);
  if (filter.before) query.set("before", String(filter.before));
  const search = query.toString();
  return search ? `${STAFF_AUDIT_PATH}?${search}` : STAFF_AUDIT_PATH;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireAdmin({ returnTo: STAFF_AUDIT_PATH, attempt: "open the audit log" });
  const params = await searchParams;
  const filter = parseAuditFilter((name) => params[name]);
  const [users, { entries, olderBeforeId }] = await Promise.all([listUsers(staff.context), readAuditPage(staff.context.store, filter)]);
  const timeZone = staff.context.env.TIME_ZONE;
  const filtered = Boolean(filter.actor || filter.reference);
  const { before, ...unpaged } = filter;
  return (
    <StaffFrame staff={staff} current="audit">
      <h1 className={PAGE_HEADING_CLASSES}>Audit log</h1>
      <p className="mt-2 text-lg">
        Who did what in the inbox, newest first: sign-ins, each view of a request, status changes, exports, purges and changes
        to accounts. Entries are never changed or deleted.
      </p>
      <form method="get" action={STAFF_AUDIT_PATH} role="search" aria-label="Filter the audit log" className="mt-4 flex flex-wrap items-end gap-4">
        <div className="min-w-0 basis-64">
          <label htmlFor="actor" className="block text-lg font-bold">
            Person
          </label>
          <select id="actor" name="actor" defaultValue={filter.actor ?? ""} className={FIELD_CLASSES}>
            <option value="">Everyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
            <option value={COMMAND_LINE_ACTOR}>Server command line</option>
          </select>
        </div>
        <div className="min-w-0 basis-48">
          <label htmlFor="reference" className="block text-lg font-bold">
            Request reference
          </label>
          <input id="reference" name="reference" type="search" defaultValue={filter.reference ?? ""} autoComplete="off" placeholder="MS-…" className={FIELD_CLASSES} />
        </div>
        <button type="submit" className={STAFF_BUTTON_CLASSES}>
          Show
        </button>
        {filtered && (
          <a href={STAFF_AUDIT_PATH} className={LINK_CLASSES}>
            Show all
          </a>
        )}
      </form>

      <form method="post" action={AUDIT_EXPORT_PATH} className="mt-6 flex flex-wrap items-center gap-x-4 gap-y-2">
        {unpaged.actor && <input type="hidden" name="actor" value={unpaged.actor} />}
        {unpaged.reference && <input type="hidden" name="reference" value={unpaged.reference} />}
        <button type="submit" className={STAFF_BUTTON_CLASSES}>
          Export the audit log (CSV)
        </button>
        <p className="text-ink-muted">{filtered ? "Only the entries this filter finds, on every page." : "Every entry, on every page."} The export is itself recorded.</p>
      </form>

      <p className="mt-6 text-lg" role="status">
        {entries.length === 0
          ? filtered || before
            ? "No entries match."
            : "No entries yet."
          : `${before ? "Older entries" : "Entries"}, newest first${filtered ? ", filtered" : ""}: ${entries.length} on this page.`}
      </p>
      {entries.length > 0 && <AuditEntries entries={entries} timeZone={timeZone} />}

      {(before || olderBeforeId) && (
        <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap gap-x-6">
          {before && (
            <a href={auditPageHref(unpaged)} className={LINK_CLASSES}>
              Newest entries
            </a>
          )}
          {olderBeforeId && (
            <a href={auditPageHref({ ...unpaged, before: olderBeforeId })} className={LINK_CLASSES} rel="next">
              Older entries
            </a>
          )}
        </nav>
      )}
    </StaffFrame>
  );
}
