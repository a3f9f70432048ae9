"use server";

import { inboxFilterSchema, searchInbox, type InboxFilter, type InboxRow } from "@/lib/staff/inbox";
import { STAFF_REQUESTS_PATH } from "@/lib/staff/paths";
import { requireStaff } from "@/lib/staff/session";

/** The search form's answer: what was asked (shown again in the form) and what it found. */
export interface RequestSearchState {
  filter?: InboxFilter;
  rows?: InboxRow[];
  /** A name needs MIN_NAME_SEARCH letters to be searched. */
  searchTooShort?: boolean;
}

/**
 * The inbox's search, by status and by reference or part of a name. A post, not a link: a patient's name typed
 * here never reaches an address, the browser's history or a server's log; a name search is audited (searchInbox).
 */
export async function searchRequestsAction(_previous: RequestSearchState, formData: FormData): Promise<RequestSearchState> {
  const staff = await requireStaff({ returnTo: STAFF_REQUESTS_PATH });
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const filter = inboxFilterSchema.parse({ status: text("status"), q: text("q") });
  const { rows, searchTooShort } = await searchInbox(staff, filter);
  return { filter, rows, searchTooShort };
}
