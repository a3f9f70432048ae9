"use client";

import { useActionState } from "react";
import { searchRequestsAction, type RequestSearchState } from "@/app/staff/requests/actions";
import { BEST_TIMES } from "@/lib/appointments/fields";
import { REQUEST_STATUSES } from "@/lib/appointments/store";
import type { InboxRow } from "@/lib/staff/inbox";
import { staffRequestPath, STAFF_REQUESTS_PATH } from "@/lib/staff/paths";
import { STAFF_BUTTON_CLASSES } from "./fields";
import { StatusBadge } from "./StatusBadge";
import { useFocusOnAnswer } from "./use-focus-on-answer";

const FIELD_CLASSES = "mt-2 block min-h-tap rounded-lg border-2 border-ink-muted bg-white px-3 py-2 text-base";

/**
 * The list of requests and its search. The search posts (a server action), and its answer replaces the list: a
 * name typed here stays out of the page's address. Without a script the form posts all the same, and the page
 * comes back with the answer.
 */
export function RequestSearch({ rows, minNameLetters }: { rows: InboxRow[]; minNameLetters: number }) {
  const [state, formAction, pending] = useActionState(searchRequestsAction, {} as RequestSearchState);
  const answerRef = useFocusOnAnswer<HTMLParagraphElement>(state);
  const { filter = {} } = state;
  const shown = state.rows ?? rows;
  const filtered = Boolean(filter.status || filter.q);
  return (
    <>
      <form action={formAction} role="search" aria-label="Find requests" className="mt-4 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="status" className="block text-lg font-bold">
            Status
          </label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className={FIELD_CLASSES}>
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
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} autoComplete="off" className={`${FIELD_CLASSES} w-full`} />
        </div>
        <button type="submit" className={STAFF_BUTTON_CLASSES} disabled={pending}>
          Show
        </button>
        {filtered && (
          <a href={STAFF_REQUESTS_PATH} className="inline-flex min-h-tap items-center font-bold text-brand-800 underline">
            Show all
          </a>
        )}
      </form>
      <p ref={answerRef} tabIndex={-1} className="mt-6 text-lg focus:outline-none" role="status">
        {state.searchTooShort
          ? `To search by name, type at least ${minNameLetters} letters of it (or the whole reference, like MS-7K3Q9).`
          : shown.length === 0
            ? filtered
              ? "No requests match."
              : "No requests yet."
            : `${shown.length} request${shown.length === 1 ? "" : "s"}, newest first.`}
      </p>
      {shown.length > 0 && (
        <ul className="mt-3 divide-y-2 divide-brand-100 border-y-2 border-brand-100" aria-label="Requests">
          {shown.map((row) => (
            <li key={row.reference} className="grid gap-x-4 gap-y-1 py-3 sm:grid-cols-[10rem_1fr_auto] sm:items-center">
              <a href={staffRequestPath(row.reference)} className="text-xl font-bold text-brand-800 underline underline-offset-4">
                {row.reference}
              </a>
              <div>
                <p>
                  Received <time dateTime={row.createdAt}>{row.received}</time>
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
    </>
  );
}
