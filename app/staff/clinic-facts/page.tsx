import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { ClinicFactsForm } from "@/components/staff/ClinicFactsForm";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { StaffAlert } from "@/components/staff/fields";
import { publishing, requireClinicFactsEditor } from "@/lib/publishing/adapters";
import { clinicFactsFieldLimits, clinicFactsFormValues } from "@/lib/publishing/clinic-facts";
import { BEST_TIMES } from "@/lib/appointments/fields";
import { CLINIC_FILE, OFFERED_CALL_TIMES, WEEK_DAYS } from "@/lib/site";
import { STAFF_CLINIC_FACTS_PATH } from "@/lib/staff/paths";

export const metadata: Metadata = { title: "The clinic's facts" };

/**
 * The clinic's facts (content/clinic.yaml): name, phone, address, hours, physicians, the notices, the Medicare
 * answer, the call-back and call times, each page's one source for them. Saved as a draft of that file, reviewed and published like a page.
 */
export default async function ClinicFactsPage() {
  const staff = await requireClinicFactsEditor(STAFF_CLINIC_FACTS_PATH);
  const found = await publishing();
  const current = "service" in found ? await found.service.readDraft(CLINIC_FILE, staff) : undefined;
  return (
    <StaffFrame staff={staff}>
      <h1 className={PAGE_HEADING_CLASSES}>The clinic&apos;s facts</h1>
      <p className="mt-2 max-w-prose text-lg">
        Every page shows these from one place: change a fact here once and the whole site follows. Leave a field empty until the clinic publishes it.
      </p>
      {"unavailable" in found ? (
        <StaffAlert>{found.unavailable}</StaffAlert>
      ) : current ? (
        <ClinicFactsForm
          initialValues={clinicFactsFormValues(current.source)}
          initialVersion={current.version}
          limits={clinicFactsFieldLimits()}
          days={WEEK_DAYS}
          callTimes={OFFERED_CALL_TIMES.map((value) => ({ value, label: BEST_TIMES[value] }))}
        />
      ) : (
        <StaffAlert>{CLINIC_FILE} is missing from the site&apos;s repository: a developer must restore it.</StaffAlert>
      )}
    </StaffFrame>
  );
}
