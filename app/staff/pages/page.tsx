import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { StaffAlert, STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { PageActionForm } from "@/components/staff/pages/PageActionForm";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { getPublishingService, PublishingRefusal } from "@/lib/publishing/service";
import { CLINIC_FILE } from "@/lib/site";
import { pageEditorPath, STAFF_CLINIC_FACTS_PATH, STAFF_PAGES_PATH } from "@/lib/staff/paths";
import { requireAbility } from "@/lib/staff/session";
import { startNewPageAction } from "./actions";

export const metadata: Metadata = { title: "Pages" };

/** The editor's address of a listed file: a page by its file's name, the clinic's facts by their own form. */
function editorPathOf(path: string): string {
  return path === CLINIC_FILE ? STAFF_CLINIC_FACTS_PATH : pageEditorPath(path.replace(/^content\//, "").replace(/\.mdx$/, ""));
}

/** Every page of the site with its state and who touched it last, for editors and clinical reviewers. */
export default async function PagesPage() {
  const staff = await requireAbility(["edit", "review"], { returnTo: STAFF_PAGES_PATH, attempt: "open the pages" });
  // A server without the editor's repository (CONTENT_GIT_REPOSITORY) still opens the list, and says what is missing.
  const pages = await getPublishingService()
    .then((service) => service.listPages())
    .catch((error: unknown) => {
      if (error instanceof PublishingRefusal) return error;
      throw error;
    });
  const time = new Intl.DateTimeFormat("en-US", { timeZone: staff.context.env.TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
  const mayEdit = staff.abilities.includes("edit") || staff.abilities.includes("admin");
  return (
    <StaffFrame staff={staff} current="pages">
      <h1 className={PAGE_HEADING_CLASSES}>Pages</h1>
      <p className="mt-2 text-lg">Every page of the website. Open one to change it, review it or see its history.</p>
      {pages instanceof PublishingRefusal ? (
        <div className="mt-6">
          <StaffAlert>{pages.message}</StaffAlert>
        </div>
      ) : (
        <ul aria-label="Pages" className="mt-6 divide-y divide-brand-100 rounded-lg border-2 border-brand-200">
          {pages.map((page) => (
            <li key={page.path} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-4">
              <a href={editorPathOf(page.path)} className="text-lg font-bold text-brand-800 underline underline-offset-4">
                {page.title}
              </a>
              <span className="text-base">
                <strong data-page-state={page.state}>{page.stateLabel}</strong>
                {page.href && <span className="text-ink-muted"> · {page.href}</span>}
              </span>
              <span className="w-full text-ink-muted">
                {page.lastTouched ? `Last changed by ${page.lastTouched.name}, ${time.format(new Date(page.lastTouched.at))}` : "Not changed yet"}
                {page.editingNow && ` · ${page.editingNow.name} is editing it now`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayEdit && !(pages instanceof PublishingRefusal) && (
        <section aria-labelledby="new-page-heading" className="mt-10">
          <h2 id="new-page-heading" className="text-heading-2 font-bold text-brand-900">
            New page
          </h2>
          <PageActionForm action={startNewPageAction} label="New page">
            <label htmlFor="new-page-slug" className="text-lg font-semibold">
              The new page&apos;s address
            </label>
            <p id="new-page-slug-hint" className="text-ink-muted">
              Lowercase words with dashes between them, e.g. spinal-stenosis-exercises for /spinal-stenosis-exercises.
            </p>
            <input id="new-page-slug" name="slug" required aria-describedby="new-page-slug-hint" className="block min-h-tap w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base sm:max-w-md" />
            <button type="submit" className={`${STAFF_BUTTON_CLASSES} justify-self-start`}>
              New page
            </button>
          </PageActionForm>
        </section>
      )}
    </StaffFrame>
  );
}
