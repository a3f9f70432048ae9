import { getContentPage, type ContentPage } from "@/lib/content/pages";
import { breadcrumbTrail, hasBreadcrumbs } from "@/lib/seo/breadcrumbs";
import { getContentPageGraph } from "@/lib/seo/json-ld";
import { Breadcrumbs } from "./Breadcrumbs";
import { PAGE_HEADING_CLASSES } from "./heading-classes";
import { JsonLd } from "./JsonLd";
import { SITE_CONTAINER_CLASSES, TEXT_COLUMN_CLASSES } from "./layout-classes";
import { MedicalReviewer } from "./MedicalReviewer";
import { PageDate } from "./PageDate";
import { PageFrame } from "./PageFrame";

/** The prose styles of a page's words; the heading sizes come from app/globals.css (.prose h2, h3). */
export const PROSE_CLASSES =
  "prose prose-lg max-w-none prose-slate prose-headings:text-brand-900 prose-a:text-brand-800 prose-a:underline-offset-4 prose-strong:text-ink prose-table:text-base";

/**
 * A content page: where it sits (breadcrumbs), its title as the one <h1>, on medical pages the date it last changed
 * and, once a physician approved its words, that approval (small: it matters to some readers, not to the first
 * look), then the staff's words; and, for search engines, its structured data, drawn from the same breadcrumb trail.
 */
export function ContentPageLayout({ page, children }: { page: ContentPage; children: React.ReactNode }) {
  const trail = breadcrumbTrail(page, getContentPage(""));
  // Where breadcrumbs show, their own height stands in for most of the space above the heading.
  return (
    <PageFrame currentHref={page.href}>
      <div className={`${SITE_CONTAINER_CLASSES} ${hasBreadcrumbs(trail) ? "pt-3" : "pt-8"}`}>
        <JsonLd data={getContentPageGraph(page, trail)} />
        <Breadcrumbs trail={trail} />
        <article className={TEXT_COLUMN_CLASSES}>
          <h1 className={PAGE_HEADING_CLASSES}>{page.headline ?? page.title}</h1>
          {page.medical && (
            <p className="mt-3 text-[1rem]/snug text-ink-muted">
              Last updated: <PageDate date={page.updated} />
            </p>
          )}
          <MedicalReviewer page={page} />
          <div className={`${PROSE_CLASSES} mt-6`}>{children}</div>
        </article>
      </div>
    </PageFrame>
  );
}
