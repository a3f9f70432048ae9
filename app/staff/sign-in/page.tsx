import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { SignInForm } from "@/components/staff/SignInForm";
import { StaffAlert } from "@/components/staff/fields";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { getServerEnv } from "@/lib/env";
import { currentStaff, safeReturnPath } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Sign in" };

function idleTime(): string {
  const minutes = getServerEnv().STAFF_IDLE_MINUTES;
  if (minutes < 1) return `${Math.round(minutes * 60)} seconds`;
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; reason?: string }> }) {
  const { next, reason } = await searchParams;
  const returnTo = safeReturnPath(next);
  if (await currentStaff()) redirect(returnTo);
  return (
    <StaffFrame>
      <div className="max-w-xl">
        <h1 className={PAGE_HEADING_CLASSES}>Sign in</h1>
        <p className="mt-2 mb-6 text-lg">For Mocek Spine staff. You need your password and your authenticator app.</p>
        {reason === "idle" && (
          <StaffAlert tone="info">You were signed out after {idleTime()} without activity, to keep patients’ details private.</StaffAlert>
        )}
        {reason === "signed-out" && <StaffAlert tone="info">You are signed out.</StaffAlert>}
        <SignInForm returnTo={returnTo} />
      </div>
    </StaffFrame>
  );
}
