import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DraftProblems } from "@/components/staff/DraftProblems";
import { renderPageSource } from "@/lib/content/render-page";
import { requirePreviewer } from "@/lib/publishing/adapters";
import { previewDraft } from "@/lib/publishing/preview";
import { pagePreviewPath } from "@/lib/staff/paths";

export const metadata: Metadata = { title: "Preview" };

/**
 * The draft rendered exactly as the published page will be (the one function the built pages use), inside the
 * preview's frame; the only address the site lets a frame show (next.config.ts). A draft the check refuses is
 * never rendered: its errors are shown instead.
 */
export default async function PagePreviewFrame({ params }: PageProps<"/staff/pages/[slug]/preview/frame">) {
  const { slug } = await params;
  await requirePreviewer(pagePreviewPath(slug));
  const preview = await previewDraft(slug);
  if (!preview) notFound();
  if (!preview.ok) {
    return (
      <main className="mx-auto max-w-3xl px-4 py-6">
        <DraftProblems heading="This draft has errors, so it is not shown" problems={preview.errors} />
      </main>
    );
  }
  return renderPageSource(preview.page, preview.source);
}
