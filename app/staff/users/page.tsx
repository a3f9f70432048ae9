import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { AddUserForm } from "@/components/staff/admin/AddUserForm";
import { PurgeForm } from "@/components/staff/admin/PurgeForm";
import { UserList } from "@/components/staff/admin/UserList";
import { STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { listUsers } from "@/lib/staff/accounts";
import { REQUESTS_EXPORT_PATH } from "@/lib/staff/admin-download";
import { STAFF_USERS_PATH } from "@/lib/staff/paths";
import { clinicPhysicians } from "@/lib/staff/physicians";
import { requireAdmin } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Users" };

const SECTION_HEADING_CLASSES = "text-heading-2 font-bold text-brand-900";

/**
 * The admins' page: who has access and what to do about it, and the requests' data as a whole (export, purge).
 * Export and purge live here rather than on a page of their own: the menu already leads admins here.
 */
export default async function UsersPage() {
  const staff = await requireAdmin({ returnTo: STAFF_USERS_PATH, attempt: "open the users page" });
  const users = await listUsers(staff.context);
  return (
    <StaffFrame staff={staff} current="users">
      <h1 className={PAGE_HEADING_CLASSES}>Users</h1>
      <p className="mt-2 text-lg">Everyone who can open the inbox, and the requests&apos; data as a whole. Only admins see this page.</p>

      <section aria-labelledby="people-heading" className="mt-8">
        <h2 id="people-heading" className={SECTION_HEADING_CLASSES}>
          People with access
        </h2>
        <UserList users={users} currentUserId={staff.user.id} timeZone={staff.context.env.TIME_ZONE} physicians={clinicPhysicians().names} />
      </section>

      <section aria-labelledby="add-user-heading" className="mt-10">
        <h2 id="add-user-heading" className={SECTION_HEADING_CLASSES}>
          Add a user
        </h2>
        <p className="mb-4 text-lg">You get a link for them to set their own password and two-factor sign-in.</p>
        <AddUserForm />
      </section>

      <section aria-labelledby="export-heading" className="mt-10">
        <h2 id="export-heading" className={SECTION_HEADING_CLASSES}>
          Export requests
        </h2>
        <p className="mt-2 text-lg">
          Every request with the patient&apos;s details, as a spreadsheet file (CSV, times in the clinic&apos;s time zone). The export is
          recorded in the audit log. Keep the file on a clinic computer and delete it when you are done.
        </p>
        <form method="post" action={REQUESTS_EXPORT_PATH} className="mt-4">
          <button type="submit" className={STAFF_BUTTON_CLASSES}>
            Download all requests (CSV)
          </button>
        </form>
      </section>

      <section aria-labelledby="purge-heading" className="mt-10">
        <h2 id="purge-heading" className={SECTION_HEADING_CLASSES}>
          Purge old requests
        </h2>
        <p className="mb-4 text-lg">Deletes old requests for good, with their patients&apos; details. The audit log keeps its entries.</p>
        <PurgeForm />
      </section>
    </StaffFrame>
  );
}
