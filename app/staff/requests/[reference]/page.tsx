import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { StaffAlert, STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { StatusBadge } from "@/components/staff/StatusBadge";
import { StatusForm } from "@/components/staff/StatusForm";
import { BEST_TIMES } from "@/lib/appointments/fields";
import { neutraliseForDisplay } from "@/lib/appointments/safe-text";
import { REQUEST_STATUSES } from "@/lib/appointments/store";
import { phoneFromDigits, type Phone } from "@/lib/site";
import { clinicTime, isRequestReference, openRequestFor } from "@/lib/staff/inbox";
import { staffRequestPath, STAFF_REQUESTS_PATH } from "@/lib/staff/paths";
import { requireStaff, type SignedInStaff } from "@/lib/staff/session";

/** The reference in the address, or undefined when it is not even validly encoded (which is no request). */
function referenceFrom(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

// The title names the request, never the patient: titles end up in browser history and tab lists.
export async function generateMetadata({ params }: { params: Promise<{ reference: string }> }): Promise<Metadata> {
  const reference = referenceFrom((await params).reference) ?? "";
  return { title: `Request ${reference.slice(0, 20)}` };
}

/**
 * The patient's number as the front desk reads and dials it: a US number (the form stores +1 and ten digits) in
 * the clinic's own style, 501.555.0142; any other as it was stored, dialled by its digits.
 */
function patientPhone(stored: string): Pick<Phone, "display" | "href"> {
  const us = /^\+1(\d{10})$/.exec(stored);
  if (us) return phoneFromDigits(us[1]!);
  const digits = stored.replace(/\D/g, "");
  return { display: neutraliseForDisplay(stored), href: stored.trim().startsWith("+") ? `tel:+${digits}` : `tel:${digits}` };
}

/** A request's page around what it shows: the way back to the list, and the reference as its heading. */
function RequestFrame({ staff, reference, children }: { staff: SignedInStaff; reference: string; children: React.ReactNode }) {
  return (
    <StaffFrame staff={staff} current="requests">
      <p>
        <a href={STAFF_REQUESTS_PATH} className="inline-flex min-h-tap items-center font-bold text-brand-800 underline">
          ← All requests
        </a>
      </p>
      <h1 className={PAGE_HEADING_CLASSES}>Request {reference}</h1>
      {children}
    </StaffFrame>
  );
}

/**
 * A link to a request followed from outside the inbox (webmail, another website): nothing is looked up, opened or
 * recorded until the person opens it from here, one tap. Another site can send a browser to the inbox with its
 * session cookie, but cannot make it press this link. (A session cookie with SameSite=Strict would also stop
 * that, at the price of signing in again for every link from webmail: see lib/staff/auth-config.ts.)
 */
function OpenFromElsewhere({ staff, reference }: { staff: SignedInStaff; reference: string }) {
  return (
    <RequestFrame staff={staff} reference={reference}>
      <p className="mt-2 max-w-2xl text-lg">
        You came here from outside the inbox, such as an email read in a web browser. To keep patients&apos; details
        private, a request opens only from the inbox itself, and each time it opens, the audit log records it.
      </p>
      <p className="mt-6">
        <a href={staffRequestPath(reference)} className={STAFF_BUTTON_CLASSES}>
          Open request {reference}
        </a>
      </p>
    </RequestFrame>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="font-bold">{label}</dt>
      <dd className="break-words whitespace-pre-wrap">{children}</dd>
    </div>
  );
}

export default async function RequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const segment = (await params).reference;
  // Signed out: to sign-in, before anything is looked up, so nothing says whether the reference exists.
  const staff = await requireStaff({ returnTo: `${STAFF_REQUESTS_PATH}/${segment}` });
  const reference = referenceFrom(segment);
  if (reference === undefined || !isRequestReference(reference)) notFound();
  if (!staff.fromOwnPages) return <OpenFromElsewhere staff={staff} reference={reference} />;
  const request = await openRequestFor(staff, reference);
  if (!request) notFound();
  const { saved } = await searchParams;
  const timeZone = staff.context.env.TIME_ZONE;
  const show = (text: string) => neutraliseForDisplay(text);
  const phone = patientPhone(request.phone);
  return (
    <RequestFrame staff={staff} reference={request.reference}>
      <p className="mt-2 flex flex-wrap items-center gap-3 text-lg">
        <StatusBadge status={request.status} />
        <span>
          Received <time dateTime={request.createdAt}>{clinicTime(request.createdAt, timeZone)}</time>
        </span>
      </p>
      {saved && <StaffAlert tone="info">Status saved.</StaffAlert>}

      <section aria-labelledby="patient-heading" className="mt-6">
        <h2 id="patient-heading" className="text-heading-2 font-bold text-brand-900">
          Patient
        </h2>
        <a
          href={phone.href}
          className="mt-3 inline-flex min-h-[3.5rem] w-full items-center justify-center gap-2 rounded-lg bg-brand-800 px-5 text-xl font-bold text-white sm:w-auto"
        >
          Call {show(request.fullName)}: {phone.display}
        </a>
        <dl className="mt-4 divide-y divide-brand-100">
          <Detail label="Name">{show(request.fullName)}</Detail>
          <Detail label="Phone">{phone.display}</Detail>
          <Detail label="Best time to call">{BEST_TIMES[request.bestTime]}</Detail>
          <Detail label="Email">{request.email ? show(request.email) : "Not given"}</Detail>
          <Detail label="What they wrote">{request.reason ? show(request.reason) : "Nothing"}</Detail>
        </dl>
      </section>

      <section aria-labelledby="status-heading" className="mt-8">
        <h2 id="status-heading" className="text-heading-2 font-bold text-brand-900">
          Update the status
        </h2>
        <StatusForm reference={request.reference} status={request.status} />
      </section>

      <section aria-labelledby="history-heading" className="mt-8">
        <h2 id="history-heading" className="text-heading-2 font-bold text-brand-900">
          History
        </h2>
        {request.history.length === 0 ? (
          <p className="mt-2">No changes yet: the request is new.</p>
        ) : (
          <ol className="mt-2 space-y-3" aria-label="Status changes, oldest first">
            {request.history.map((change, index) => (
              <li key={index} className="rounded-lg border-2 border-brand-100 p-3">
                <p>
                  <strong>{REQUEST_STATUSES[change.status]}</strong> by {change.changedByName},{" "}
                  <time dateTime={change.changedAt}>{clinicTime(change.changedAt, timeZone)}</time>
                </p>
                {change.note && <p className="mt-1 break-words whitespace-pre-wrap">{show(change.note)}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </RequestFrame>
  );
}
