import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { PageActionForm } from "@/components/staff/pages/PageActionForm";
import { SideBySide } from "@/components/staff/pages/SideBySide";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { getPublishingService } from "@/lib/publishing/service";
import { can } from "@/lib/staff/abilities";
import { pageEditorPath } from "@/lib/staff/paths";
import { requireAbility } from "@/lib/staff/session";
import { restoreVersionAction } from "../actions";

export const metadata: Metadata = { title: "Page history" };

/** Every published version of a page from git: who, the reviewer, when, the summary, and what it changed. */
export default async function HistoryPage({ params }: PageProps<"/staff/pages/[slug]/history">) {
  const { slug } = await params;
  const staff = await requireAbility(["edit", "review"], { returnTo: pageEditorPath(slug, "history"), attempt: "see a page's history" });
  const path = `content/${slug}.mdx`;
  const service = await getPublishingService();
  const versions = await service.pageHistory(path);
  const texts = await Promise.all(versions.map((version) => service.fileAtVersion(path, version.commit)));
  const time = new Intl.DateTimeFormat("en-US", { timeZone: staff.context.env.TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
  return (
    <StaffFrame staff={staff} current="pages">
      <h1 className={PAGE_HEADING_CLASSES}>History of /{slug === "index" ? "" : slug}</h1>
      <ol aria-label="Published versions, newest first" className="mt-6 grid gap-6">
        {versions.map((version, index) => (
          <li key={version.commit} className="rounded-lg border-2 border-brand-200 p-4">
            <h2 className="text-xl font-bold text-brand-900">{version.summary}</h2>
            <p className="text-lg">
              {version.authorName}, {time.format(new Date(version.date))}
              {version.reviewedBy && `; reviewed by ${version.reviewedBy}`}
            </p>
            <details className="mt-2">
              <summary className="min-h-tap cursor-pointer text-lg underline underline-offset-4">What this version changed</summary>
              <div className="mt-2">
                <SideBySide oldText={texts[index + 1] ?? ""} newText={texts[index] ?? ""} oldLabel="Before" newLabel="This version" />
              </div>
            </details>
            {index > 0 && can(staff, "edit") && (
              <PageActionForm action={restoreVersionAction} hidden={{ slug }} label={`Restore the version of ${time.format(new Date(version.date))}`}>
                <input type="hidden" name="commit" value={version.commit} />
                <button type="submit" className={`${STAFF_BUTTON_CLASSES} mt-3 justify-self-start`}>
                  Restore this version
                </button>
              </PageActionForm>
            )}
          </li>
        ))}
      </ol>
    </StaffFrame>
  );
}
