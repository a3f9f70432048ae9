import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { STAFF_REQUESTS_PATH } from "@/lib/staff/paths";

/**
 * What a signed-in staff member sees, with status 403, when they ask for what their account may not do
 * (requireAbility in lib/staff/session.ts). An admin grants abilities on the Users page.
 */
export default function StaffForbidden() {
  return (
    <StaffFrame>
      <h1 className={PAGE_HEADING_CLASSES}>Your account may not do this</h1>
      <p className="mt-4 text-lg">
        Editing and reviewing the website&apos;s pages are given to an account by an admin. If you need to, ask an admin to give yours the
        ability on the Users page.
      </p>
      <p className="mt-6">
        <a href={STAFF_REQUESTS_PATH} className="inline-flex min-h-tap items-center text-lg font-semibold text-brand-800 underline underline-offset-4">
          Back to the requests
        </a>
      </p>
    </StaffFrame>
  );
}
