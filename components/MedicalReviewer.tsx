import { ContentError, contentError } from "@/lib/content/errors";
import { pageReviewer, type ContentPage } from "@/lib/content/pages";
import { getClinic, type Clinic } from "@/lib/site";
import { physicianNameInWords } from "./ClinicPhysicians";

/**
 * "Medically reviewed by Dr. …, MD" under a page's title, when its `reviewedBy` names one of the physicians in
 * content/clinic.yaml. A name that is not there stops the build (the content check says the same), so the site
 * never shows a reviewer the clinic has not listed.
 */
export function MedicalReviewer({
  page,
  clinic = getClinic(),
}: {
  page: Pick<ContentPage, "reviewedBy" | "file">;
  clinic?: Pick<Clinic, "physicians">;
}) {
  const reviewer = pageReviewer(page, clinic);
  if (!reviewer) return null;
  if ("problem" in reviewer) throw new ContentError([contentError(page.file, 1, reviewer.problem)]);
  return <p className="mt-1 text-ink-muted">Medically reviewed by {physicianNameInWords(reviewer.physician)}</p>;
}
