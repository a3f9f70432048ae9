import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { StaffAlert, STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { StatusBadge } from "@/components/staff/StatusBadge";
import { BEST_TIMES } from "@/lib/appointments/fields";
import { REQUEST_STATUSES } from "@/lib/appointments/store";
import { clinicTime, inboxFilterSchema, listInbox, MIN_NAME_SEARCH } from "@/lib/staff/inbox";
import { staffRequestPath, STAFF_REQUESTS_PATH } from "@/lib/staff/paths";
import { requireStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Requests" };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff({ returnTo: STAFF_REQUESTS_PATH });
  const params = await searchParams;
  const filter = inboxFilterSchema.parse({ status: params.status || undefined, q: typeof params.q === "string" ? params.q : undefined });
  const { rows, searchTooShort } = await listInbox(staff, filter);
  const timeZone = staff.context.env.TIME_ZONE;
  const filtered = Boolean(filter.status || filter.q);
  return (
    <StaffFrame staff={staff} current="requests">
      <h1 className={PAGE_HEADING_CLASSES}>Appointment requests</h1>
      {params.refused === "admin" && <StaffAlert>Only admins can open that page.</StaffAlert>}
      <form method="get" action={STAFF_REQUESTS_PATH} role="search" aria-label="Find requests" className="mt-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="status" className="block text-lg font-bold">
            Status
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className="mt-2 block min-h-tap rounded-lg border-2 border-ink-muted bg-white px-3 py-2 text-base">
            <option value="">All</option>
            {Object.entries(REQUEST_STATUSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor="q" className="block text-lg font-bold">
            Reference or name
          </label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} autoComplete="off" className="mt-2 block min-h-tap w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base" />
        </div>
        <button type="submit" className={STAFF_BUTTON_CLASSES}>
          Show
        </button>
        {filtered && (
          <a href={STAFF_REQUESTS_PATH} className="inline-flex min-h-tap items-center font-bold text-brand-800 underline">
            Show all
          </a>
        )}
      </form>
      <p className="mt-6 text-lg" role="status">
        {searchTooShort
          ? `To search by name, type at least ${MIN_NAME_SEARCH} letters of it (or the whole reference, like MS-7K3Q9).`
          : rows.length === 0
            ? filtered
              ? "No requests match."
              : "No requests yet."
            : `${rows.length} request${rows.length === 1 ? "" : "s"}, newest first.`}
      </p>
      {rows.length > 0 && (
      <ul className="mt-3 divide-y-2 divide-brand-100 border-y-2 border-brand-100" aria-label="Requests">
        {rows.map((row) => (
          <li key={row.reference} className="grid gap-x-4 gap-y-1 py-3 sm:grid-cols-[10rem_1fr_auto] sm:items-center">
            <a href={staffRequestPath(row.reference)} className="text-xl font-bold text-brand-800 underline underline-offset-4">
              {row.reference}
            </a>
            <div>
              <p>
                Received <time dateTime={row.createdAt}>{clinicTime(row.createdAt, timeZone)}</time>
              </p>
              <p className="text-ink-muted">
                Best time to call: {BEST_TIMES[row.bestTime]}
                {row.statusChangedByName && <> · Last changed by {row.statusChangedByName}</>}
              </p>
            </div>
            <div>
              <StatusBadge status={row.status} />
            </div>
          </li>
        ))}
      </ul>
      )}
    </StaffFrame>
  );
}
