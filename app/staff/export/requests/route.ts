import { adminForDownload, csvDownload } from "@/lib/staff/admin-download";
import { timeNow } from "@/lib/staff/context";
import { exportRequestsCsv } from "@/lib/staff/inbox";
import { STAFF_USERS_PATH } from "@/lib/staff/paths";

/** Every request as CSV, for an admin's post from the users page; exportRequestsCsv writes the audit entry. */
export async function POST(request: Request): Promise<Response> {
  const staff = await adminForDownload(request, { returnTo: STAFF_USERS_PATH, attempt: "export every request (CSV)" });
  if (staff instanceof Response) return staff;
  const { csv } = await exportRequestsCsv(staff);
  return csvDownload(csv, "requests", timeNow(staff.context), staff.context.env.TIME_ZONE);
}
