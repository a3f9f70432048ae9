import { getContentPage, type ContentPage } from "@/lib/content/pages";
import { breadcrumbTrail, hasBreadcrumbs } from "@/lib/seo/breadcrumbs";
import { getContentPageGraph } from "@/lib/seo/json-ld";
import { Breadcrumbs } from "./Breadcrumbs";
import { MedicalReviewer } from "./MedicalReviewer";
import { JsonLd } from "./JsonLd";

const UPDATED_DATE_FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/**
 * A content page: where it sits (breadcrumbs), its title as the one <h1>, the date it was last reviewed, then
 * the staff's words; and, for search engines, its structured data, drawn from the same breadcrumb trail.
 */
export function ContentPageLayout({ page, children }: { page: ContentPage; children: React.ReactNode }) {
  const trail = breadcrumbTrail(page, getContentPage(""));
  // Where breadcrumbs show, their own height stands in for most of the space above the heading.
  return (
    <div className={`mx-auto max-w-3xl px-4 ${hasBreadcrumbs(trail) ? "pt-3" : "pt-8"}`}>
      <JsonLd data={getContentPageGraph(page, trail)} />
      <Breadcrumbs trail={trail} />
      <article>
        <h1 className="text-3xl leading-tight font-bold text-brand-900 md:text-4xl">{page.title}</h1>
        <p className="mt-2 text-ink-muted">
          Last reviewed: <time dateTime={page.updated}>{UPDATED_DATE_FORMAT.format(new Date(page.updated))}</time>
        </p>
        <MedicalReviewer page={page} />
        <div className="prose prose-lg mt-6 max-w-none prose-slate prose-headings:text-brand-900 prose-a:text-brand-800 prose-a:underline-offset-4 prose-strong:text-ink prose-table:text-base">
          {children}
        </div>
      </article>
    </div>
  );
}
