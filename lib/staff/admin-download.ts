/**
 * The admins' CSV downloads are route handlers (a file, not a page), so they check for themselves what Next checks
 * for server actions: the post comes from this site at SITE_URL (lib/security/same-origin.ts), and who is signed in
 * is an admin.
 */
import { getServerEnv } from "@/lib/env";
import { STAFF_PATH } from "./paths";
import { isSameOriginPost } from "@/lib/security/same-origin";
import { currentStaff, recordAdminRefusal, signInPath, type SignedInStaff } from "./session";

/** Where the admins' pages post for a file. */
export const REQUESTS_EXPORT_PATH = `${STAFF_PATH}/export/requests`;
export const AUDIT_EXPORT_PATH = `${STAFF_PATH}/export/audit`;

const NO_STORE = { "Cache-Control": "no-store" };

/** A refusal that says nothing about why: a cross-site post or a signed-in non-admin learns nothing from it. */
function forbidden(): Response {
  return new Response(null, { status: 403, headers: NO_STORE });
}

/**
 * The signed-in admin behind this POST, or the response to send instead: 403 for a post from another site (checked
 * before the session is read) or for someone who is not an admin (audited as an `attempt`: "export the audit
 * log (CSV)"); a signed-out visitor goes to sign-in.
 */
export async function adminForDownload(request: Request, { returnTo, attempt }: { returnTo: string; attempt: string }): Promise<SignedInStaff | Response> {
  if (!isSameOriginPost(request.headers, getServerEnv().SITE_URL)) return forbidden();
  const staff = await currentStaff();
  // 303: the browser follows with a GET (Next's redirect() answers a route handler with 307, which would re-post).
  if (!staff) return new Response(null, { status: 303, headers: { ...NO_STORE, Location: signInPath({ returnTo }) } });
  if (staff.user.role !== "admin") {
    await recordAdminRefusal(staff, attempt);
    return forbidden();
  }
  return staff;
}

/** Today's date in the clinic's time zone, as YYYY-MM-DD: the file is named for the day the clinic made it. */
export function clinicDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** A CSV file to save, never to keep in a cache: `mocek-spine-<what>-<date>.csv`. */
export function csvDownload(csv: string, what: string, now: Date, timeZone: string): Response {
  return new Response(csv, {
    headers: {
      ...NO_STORE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="mocek-spine-${what}-${clinicDate(now, timeZone)}.csv"`,
    },
  });
}
