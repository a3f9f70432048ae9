import type { ContentPage } from "@/lib/content/pages";
import { breadcrumbTrail } from "@/lib/seo/breadcrumbs";
import { getContentPageGraph } from "@/lib/seo/json-ld";
import { SELF_CHECK_HREF } from "@/lib/routes";
import { getSelfCheckTexts } from "@/lib/self-check/texts";
import { AppointmentButton } from "./AppointmentButton";
import { CallButton } from "./CallButton";
import { PROSE_CLASSES } from "./ContentPageLayout";
import { PAGE_HEADING_CLASSES } from "./heading-classes";
import { JsonLd } from "./JsonLd";
import { SITE_CONTAINER_CLASSES, TEXT_COLUMN_CLASSES } from "./layout-classes";
import { PageFrame } from "./PageFrame";

/**
 * The home page's first screen says, within a 390 × 844 phone screen, who the site is for (the headline), what MILD
 * is (the intro) and what to do next: request an appointment, take the private self-check, or call (on phones, the
 * sticky bar; on wide screens, the button here). The staff's words follow. Headline and intro are the home page's
 * frontmatter (content/index.mdx).
 * On a desktop (1280 px) the first screen has two columns: the message, and beside it the page's first row of
 * pictures (the canal before and after MILD), lifted from the staff's words by the grid in app/globals.css
 * (.home-grid). The pictures stay where the staff put them in the page, and on phones and tablets show there,
 * after the message, as before.
 */
export function HomePageLayout({ page, children }: { page: ContentPage; children: React.ReactNode }) {
  const selfCheck = getSelfCheckTexts();
  return (
    <PageFrame currentHref={page.href}>
      <JsonLd data={getContentPageGraph(page, breadcrumbTrail(page, page))} />
      <div className={`home-grid ${SITE_CONTAINER_CLASSES}`}>
        <div className="home-message pt-6 pb-8 md:pt-12 md:pb-12">
          <div className={TEXT_COLUMN_CLASSES}>
            <p className="mb-2 font-bold text-brand-700">{page.title}</p>
            <h1 className={PAGE_HEADING_CLASSES}>{page.headline ?? page.title}</h1>
            {page.intro && <p className="mt-4 text-xl/relaxed md:text-2xl/relaxed">{page.intro}</p>}
            <div className="mt-6 flex flex-wrap gap-3">
              <AppointmentButton className="min-h-14 text-xl max-sm:w-full" />
              {/* On phones the sticky bar at the bottom is the call button, always in view. */}
              <CallButton className="max-md:hidden" />
            </div>
            <p className="mt-5 text-lg">
              <a href={SELF_CHECK_HREF} className="font-bold text-brand-800 underline decoration-2 underline-offset-4 hover:text-brand-900">
                {selfCheck.title} Take the private self-check
              </a>{" "}
              <span className="text-ink-muted">({selfCheck.questions.length} questions; your answers stay on your device)</span>
            </p>
          </div>
        </div>
        <div className={`home-words ${PROSE_CLASSES} ${TEXT_COLUMN_CLASSES} pt-4`}>{children}</div>
      </div>
    </PageFrame>
  );
}
