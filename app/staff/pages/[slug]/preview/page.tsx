import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { DraftProblems } from "@/components/staff/DraftProblems";
import { StaffAlert } from "@/components/staff/fields";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { requirePreviewer } from "@/lib/publishing/adapters";
import { previewDraft } from "@/lib/publishing/preview";
import { pagePreviewFramePath, pagePreviewPath } from "@/lib/staff/paths";

export const metadata: Metadata = { title: "Preview" };

/** The widths a page is previewed at: a common phone's (the site's own tests use it too) and a desktop's. */
const WIDTHS = {
  phone: { label: "Phone", width: 390, height: 844 },
  desktop: { label: "Desktop", width: 1280, height: 900 },
} as const;

/**
 * A draft as patients will see it, before anyone publishes it: the page itself in a frame at a phone's or a
 * desktop's width (plain links switch it; no script needed). A draft the content check refuses is not shown,
 * only what to fix, at its line.
 */
export default async function PagePreviewPage({ params, searchParams }: PageProps<"/staff/pages/[slug]/preview">) {
  const { slug } = await params;
  const staff = await requirePreviewer(pagePreviewPath(slug));
  const preview = await previewDraft(slug);
  if (!preview) notFound();
  const chosen = (await searchParams).width === "desktop" ? "desktop" : "phone";
  const { width, height } = WIDTHS[chosen];
  return (
    <StaffFrame staff={staff}>
      <h1 className={PAGE_HEADING_CLASSES}>Preview: {preview.ok ? preview.page.title : `${slug}.mdx`}</h1>
      {preview.ok ? (
        <>
          <nav aria-label="Preview width" className="mt-4 flex gap-3 text-lg">
            {(["phone", "desktop"] as const).map((option) => (
              <a
                key={option}
                href={pagePreviewPath(slug, option === "desktop" ? "desktop" : undefined)}
                aria-current={option === chosen ? "page" : undefined}
                className="inline-flex min-h-tap items-center rounded-lg border-2 border-brand-800 px-4 font-bold text-brand-800 aria-[current=page]:bg-brand-800 aria-[current=page]:text-white"
              >
                {WIDTHS[option].label}
              </a>
            ))}
          </nav>
          <DraftProblems heading="Warnings (the page may still be published)" problems={preview.warnings} />
          <div className="mt-4 overflow-x-auto">
            <iframe
              src={pagePreviewFramePath(slug)}
              title={`Preview of ${preview.page.title} at ${WIDTHS[chosen].label.toLowerCase()} width`}
              width={width}
              height={height}
              className="max-w-none border-2 border-brand-200 bg-white"
            />
          </div>
        </>
      ) : (
        <>
          <StaffAlert>This draft has errors, so it cannot be shown or published yet. Fix each one below:</StaffAlert>
          <DraftProblems heading="Errors" problems={preview.errors} />
          <DraftProblems heading="Warnings" problems={preview.warnings} />
        </>
      )}
    </StaffFrame>
  );
}
