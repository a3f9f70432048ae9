import { adminForDownload, csvDownload } from "@/lib/staff/admin-download";
import { exportAuditCsv, parseAuditFilter } from "@/lib/staff/audit-log";
import { timeNow } from "@/lib/staff/context";
import { STAFF_AUDIT_PATH } from "@/lib/staff/paths";

/** The audit log (or the part the page's filter shows) as CSV, for an admin's post from /staff/audit; audited. */
export async function POST(request: Request): Promise<Response> {
  const staff = await adminForDownload(request, { returnTo: STAFF_AUDIT_PATH, attempt: "export the audit log (CSV)" });
  if (staff instanceof Response) return staff;
  const form = await request.formData().catch(() => new FormData());
  const { csv } = await exportAuditCsv(staff, parseAuditFilter((name) => form.get(name)));
  return csvDownload(csv, "audit-log", timeNow(staff.context), staff.context.env.TIME_ZONE);
}
