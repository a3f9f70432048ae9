import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { DraftVersionInput } from "@/components/staff/editor/draft-version";
import { PageEditor } from "@/components/staff/editor/PageEditor";
import { STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { PageActionForm } from "@/components/staff/pages/PageActionForm";
import { RefreshWhileWaiting } from "@/components/staff/pages/RefreshWhileWaiting";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { getReferences } from "@/lib/content/references";
import { getPublishingService, PublishingRefusal } from "@/lib/publishing/service";
import { can } from "@/lib/staff/abilities";
import { pageEditorPath, pagePreviewPath } from "@/lib/staff/paths";
import { requireAbility } from "@/lib/staff/session";
import { markEditingAction, publishAction, requestReviewAction, saveDraftAction } from "./actions";

export const metadata: Metadata = { title: "Edit a page" };

const SUMMARY_HINT = "One line for the page's history, e.g. “Benefits: clearer first paragraph”.";

/** How a publish is doing on the live site: waiting, live since …, or why it failed. */
async function PublishStatusNote({ commit, timeZone }: { commit: string; timeZone: string }) {
  const status = await (await getPublishingService()).publishStatus(commit);
  const time = (iso: string) => new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  return (
    <div role="status" data-publish-state={status.state} className="rounded-lg border-2 border-brand-200 bg-brand-50 p-4 text-lg">
      <p className="font-semibold">
        Published.{" "}
        {status.state === "waiting"
          ? "Waiting for the site to update…"
          : status.state === "live"
            ? status.since
              ? `Live since ${time(status.since)}.`
              : "Live on the site."
            : `The site could not update (${status.stage}, ${time(status.at)}):`}
      </p>
      {status.state === "failed" && <pre className="mt-2 whitespace-pre-wrap text-base">{status.message}</pre>}
      {status.state === "waiting" && <RefreshWhileWaiting />}
    </div>
  );
}

export default async function EditPagePage({ params, searchParams }: PageProps<"/staff/pages/[slug]">) {
  const { slug } = await params;
  const { published } = await searchParams;
  const staff = await requireAbility(["edit", "review"], { returnTo: pageEditorPath(slug), attempt: "open a page in the editor" });
  if (!can(staff, "edit")) redirect(pageEditorPath(slug, "review"));
  const service = await getPublishingService();
  const path = `content/${slug}.mdx`;
  const [view, pages] = await Promise.all([
    service.openDraft(path, staff).catch((error: unknown) => {
      // No such page (a mistyped address): the staff side's own not-found page, not an error.
      if (error instanceof PublishingRefusal) notFound();
      throw error;
    }),
    service.listPages(),
  ]);
  const { draft } = view;
  const references = getReferences();
  const choices = {
    pages: pages.flatMap((page) => (page.href ? [{ href: page.href, title: page.title }] : [])),
    references: references.map((reference) => ({ id: reference.id, label: `${reference.citation.slice(0, 60)}${reference.citation.length > 60 ? "…" : ""}` })),
  };
  const timeZone = staff.context.env.TIME_ZONE;
  const title = pages.find((page) => page.path === path)?.title ?? `/${slug}`;
  return (
    <StaffFrame staff={staff} current="pages">
      <h1 className={PAGE_HEADING_CLASSES}>Edit: {title}</h1>
      <p className="mt-2 flex flex-wrap gap-x-4 text-lg">
        <span>
          State: <strong>{draft.state === "draft" ? "Draft" : draft.state.replace("_", " ")}</strong>
        </span>
        <a className="underline underline-offset-4" href={pagePreviewPath(slug)}>
          Preview
        </a>
        <a className="underline underline-offset-4" href={pageEditorPath(slug, "review")}>
          Changes{view.reviewNeeded ? " and review" : ""}
        </a>
        <a className="underline underline-offset-4" href={pageEditorPath(slug, "history")}>
          History
        </a>
      </p>
      {typeof published === "string" && <PublishStatusNote commit={published} timeZone={timeZone} />}
      {draft.stateNote && (
        <p role="note" className="mt-4 rounded-lg border-2 border-notice-border bg-notice-bg p-4 text-lg">
          {draft.state === "sent_back" ? "Sent back: " : ""}
          {draft.stateNote}
        </p>
      )}
      <div className="mt-6">
        <PageEditor
          path={path}
          slug={slug}
          source={draft.source}
          version={draft.version}
          check={view.check}
          choices={choices}
          saveDraft={saveDraftAction}
          markEditing={markEditingAction}
          otherEditor={view.otherEditor}
          timeZone={timeZone}
        >
          <section aria-labelledby="publish-heading" className="grid gap-6 rounded-lg border-2 border-brand-200 p-4">
            <h2 id="publish-heading" className="text-xl font-bold text-brand-900">
              Review and publish
            </h2>
            <PageActionForm action={requestReviewAction} hidden={{ slug }} label="Ask for review">
              <p className="text-lg">
                {view.approval
                  ? `Approved by ${view.approval.physician ?? view.approval.reviewer.name}.`
                  : "A change to a page that gives medical information is approved by a clinical reviewer who did not write it, before it is published."}
              </p>
              <DraftVersionInput />
              {!view.approval && draft.state !== "in_review" && (
                <button type="submit" className={`${STAFF_BUTTON_CLASSES} justify-self-start`}>
                  Ask for review
                </button>
              )}
              {draft.state === "in_review" && <p className="text-lg font-semibold">Waiting for a clinical reviewer.</p>}
            </PageActionForm>
            <PageActionForm action={publishAction} hidden={{ slug }} label="Publish">
              <DraftVersionInput />
              <label htmlFor="publish-summary" className="text-lg font-semibold">
                What changed
              </label>
              <p id="publish-summary-hint" className="text-ink-muted">
                {SUMMARY_HINT}
              </p>
              <input id="publish-summary" name="summary" required maxLength={120} aria-describedby="publish-summary-hint" className="block min-h-tap w-full rounded-lg border-2 border-ink-muted px-3 py-2 text-base" />
              <button type="submit" className={`${STAFF_BUTTON_CLASSES} justify-self-start`}>
                Publish
              </button>
            </PageActionForm>
          </section>
        </PageEditor>
      </div>
    </StaffFrame>
  );
}
