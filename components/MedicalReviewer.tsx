import { ContentError, contentError } from "@/lib/content/errors";
import { pageReviewer, type ContentPage } from "@/lib/content/pages";
import { getClinic, type Clinic } from "@/lib/site";
import { physicianNameInWords } from "./ClinicPhysicians";
import { PageDate } from "./PageDate";

/**
 * A physician's approval of the page's words, under its title: "Last reviewed: <the approval's date>" and
 * "Medically reviewed by Dr. …, MD". Only what an approval says (`reviewed` with `reviewedBy`), never the date
 * the page last changed; nothing at all on a page no physician approved. A name that is not among the physicians
 * in content/clinic.yaml stops the build (the content check says the same), so the site never shows a reviewer
 * the clinic has not listed.
 */
export function MedicalReviewer({
  page,
  clinic = getClinic(),
}: {
  page: Pick<ContentPage, "reviewedBy" | "reviewed" | "file">;
  clinic?: Pick<Clinic, "physicians">;
}) {
  const reviewer = pageReviewer(page, clinic);
  if (!reviewer) return null;
  if ("problem" in reviewer) throw new ContentError([contentError(page.file, 1, reviewer.problem)]);
  return (
    <>
      <p className="mt-1 text-[1rem]/snug text-ink-muted">
        Last reviewed: <PageDate date={reviewer.reviewed} />
      </p>
      <p className="mt-1 text-ink-muted">Medically reviewed by {physicianNameInWords(reviewer.physician)}</p>
    </>
  );
}
