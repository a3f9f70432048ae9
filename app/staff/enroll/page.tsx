import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { EnrollmentFlow } from "@/components/staff/EnrollmentFlow";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { getStaffContext } from "@/lib/staff/auth";
import { enrollmentUser } from "@/lib/staff/enrollment";
import { STAFF_REQUESTS_PATH } from "@/lib/staff/paths";
import { currentStaff, enrollingStaff } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Set up your account" };

export default async function EnrollPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const context = await getStaffContext();
  const invited = typeof token === "string" ? await enrollmentUser(context, token) : undefined;
  const enrolling = invited ? undefined : await enrollingStaff();
  if (!invited && !enrolling && (await currentStaff())) redirect(STAFF_REQUESTS_PATH);
  const person = invited ?? enrolling?.user;
  return (
    <StaffFrame>
      <div className="max-w-2xl">
        <h1 className={PAGE_HEADING_CLASSES}>Set up your account</h1>
        {person && (
          <p className="mt-2 mb-6 text-lg">
            For <strong>{person.name}</strong> ({person.email}). You will choose a password, then connect an authenticator app on
            your phone: signing in needs both.
          </p>
        )}
        <EnrollmentFlow
          initial={invited ? { step: "password" } : enrolling ? { step: "restart" } : { step: "link-invalid" }}
          token={invited ? token : undefined}
          email={person?.email ?? ""}
        />
      </div>
    </StaffFrame>
  );
}
