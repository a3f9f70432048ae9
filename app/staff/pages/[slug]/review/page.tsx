import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { PageActionForm } from "@/components/staff/pages/PageActionForm";
import { SideBySide } from "@/components/staff/pages/SideBySide";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { getPublishingService } from "@/lib/publishing/service";
import { can } from "@/lib/staff/abilities";
import { pageEditorPath, pagePreviewPath } from "@/lib/staff/paths";
import { requireAbility } from "@/lib/staff/session";
import { decideReviewAction } from "../actions";

export const metadata: Metadata = { title: "Review a change" };

/**
 * What changed in a page's draft, old and new side by side with the changed words marked, a link to the preview,
 * and for a clinical reviewer: approve, or send back with a note.
 */
export default async function ReviewPage({ params }: PageProps<"/staff/pages/[slug]/review">) {
  const { slug } = await params;
  const staff = await requireAbility(["edit", "review"], { returnTo: pageEditorPath(slug, "review"), attempt: "see a page's changes" });
  const path = `content/${slug}.mdx`;
  const view = await (await getPublishingService()).viewDraft(path, staff);
  return (
    <StaffFrame staff={staff} current="pages">
      <h1 className={PAGE_HEADING_CLASSES}>Changes to /{slug === "index" ? "" : slug}</h1>
      {!view ? (
        <p className="mt-4 text-lg">No one is changing this page now: there is nothing to review.</p>
      ) : (
        <>
          <p className="mt-2 text-lg">
            Draft by {view.draft.authors.map((author) => author.name).join(", ")}.{" "}
            <a className="underline underline-offset-4" href={pagePreviewPath(slug)}>
              Preview the page as patients will see it
            </a>
          </p>
          <section aria-labelledby="changes-heading" className="mt-6">
            <h2 id="changes-heading" className="text-xl font-bold text-brand-900">
              Old and new
            </h2>
            <p className="mb-2 text-ink-muted">Removed words are struck through; new words are highlighted.</p>
            <SideBySide oldText={view.draft.baseSource ?? ""} newText={view.draft.source} oldLabel="Published" newLabel="Draft" />
          </section>
          {can(staff, "review") && view.draft.state === "in_review" && (
            <section aria-labelledby="decision-heading" className="mt-8 rounded-lg border-2 border-brand-200 p-4">
              <h2 id="decision-heading" className="text-xl font-bold text-brand-900">
                Your decision
              </h2>
              <PageActionForm action={decideReviewAction} hidden={{ slug }} label="Your decision">
                <input type="hidden" name="version" value={view.draft.version} />
                <label htmlFor="review-note" className="text-lg font-semibold">
                  Note for the author (needed to send it back)
                </label>
                <textarea id="review-note" name="note" rows={3} maxLength={1000} className="block w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base" />
                <div className="flex flex-wrap gap-3">
                  <button type="submit" name="decision" value="approve" className={STAFF_BUTTON_CLASSES}>
                    Approve
                  </button>
                  <button type="submit" name="decision" value="send_back" className="min-h-tap rounded-lg border-2 border-brand-800 px-5 py-2 text-lg font-bold text-brand-800">
                    Send back
                  </button>
                </div>
              </PageActionForm>
            </section>
          )}
          {view.approval && <p className="mt-6 text-lg font-semibold">Approved by {view.approval.physician ?? view.approval.reviewer.name}.</p>}
        </>
      )}
    </StaffFrame>
  );
}
