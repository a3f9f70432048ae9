import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { StaffAlert } from "@/components/staff/fields";
import { RequestSearch } from "@/components/staff/RequestSearch";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { listInbox, MIN_NAME_SEARCH } from "@/lib/staff/inbox";
import { STAFF_REQUESTS_PATH } from "@/lib/staff/paths";
import { requireStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Requests" };

/** Every request, newest first; the search (./actions.ts) posts, so nothing in this page's address is a search. */
export default async function RequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const staff = await requireStaff({ returnTo: STAFF_REQUESTS_PATH });
  const params = await searchParams;
  const rows = await listInbox(staff);
  return (
    <StaffFrame staff={staff} current="requests">
      <h1 className={PAGE_HEADING_CLASSES}>Appointment requests</h1>
      {params.refused === "admin" && <StaffAlert>Only admins can open that page.</StaffAlert>}
      <RequestSearch rows={rows} minNameLetters={MIN_NAME_SEARCH} />
    </StaffFrame>
  );
}
