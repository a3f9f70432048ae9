import type { Metadata } from "next";
import { AppointmentForm } from "@/components/appointment/AppointmentForm";
import { FormFailure } from "@/components/appointment/FormFailure";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { EmergencyNotice } from "@/components/EmergencyNotice";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { JsonLd } from "@/components/JsonLd";
import { SITE_CONTAINER_CLASSES, TEXT_COLUMN_CLASSES } from "@/components/layout-classes";
import { PageFrame } from "@/components/PageFrame";
import { offeredBestTimes } from "@/lib/appointments/fields";
import { getContentPage } from "@/lib/content/pages";
import { REQUEST_APPOINTMENT_PAGE } from "@/lib/routes";
import { breadcrumbTrail } from "@/lib/seo/breadcrumbs";
import { getCodePageGraph } from "@/lib/seo/json-ld";
import { contentPageMetadata } from "@/lib/seo/metadata";
import { getClinic } from "@/lib/site";

export const metadata: Metadata = contentPageMetadata(REQUEST_APPOINTMENT_PAGE);

export default function RequestAppointmentPage() {
  const { phone, callBack, callTimes } = getClinic();
  // Breadcrumbs and structured data drawn from one trail, as on every content page (ContentPageLayout).
  const trail = breadcrumbTrail(REQUEST_APPOINTMENT_PAGE, getContentPage(""));
  return (
    <PageFrame currentHref={REQUEST_APPOINTMENT_PAGE.href}>
      <div className={`${SITE_CONTAINER_CLASSES} pt-3`}>
        <div className={TEXT_COLUMN_CLASSES}>
          <JsonLd data={getCodePageGraph(REQUEST_APPOINTMENT_PAGE, trail)} />
          <Breadcrumbs trail={trail} />
          <h1 className={PAGE_HEADING_CLASSES}>{REQUEST_APPOINTMENT_PAGE.title}</h1>
          {/* Short, so that without JavaScript the answer to a submission (errors or confirmation) shows near the top. */}
          <p className="mt-4">
            Fill in this short form and our staff will call you back. Would you rather talk now? Call{" "}
            <a href={phone.href} className="font-bold whitespace-nowrap text-brand-800 underline underline-offset-4">
              {phone.display}
            </a>
            .
          </p>
          <p className="mt-2 mb-6 text-ink-muted">
            We ask only what we need to call you back. What you send is stored encrypted and read only by our staff.
          </p>
          <FormFailure phoneDisplay={phone.display} phoneHref={phone.href}>
            <AppointmentForm phoneDisplay={phone.display} phoneHref={phone.href} callBack={callBack} bestTimes={offeredBestTimes(callTimes)} />
          </FormFailure>
          <EmergencyNotice className="mt-10" />
        </div>
      </div>
    </PageFrame>
  );
}
