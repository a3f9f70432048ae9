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
import { PageFrame } from "./PageFrame";

/**
 * The home page's first screen says, within a 390 × 844 phone screen, who the site is for (the headline), what MILD
 * is (the intro) and what to do next: request an appointment, take the private self-check, or call (on phones, the
 * sticky bar; on wide screens, the button here). The staff's words follow. Headline and intro are the home page's
 * frontmatter (content/index.mdx).
 */
export function HomePageLayout({ page, children }: { page: ContentPage; children: React.ReactNode }) {
  const selfCheck = getSelfCheckTexts();
  return (
    <PageFrame currentHref={page.href}>
      <JsonLd data={getContentPageGraph(page, breadcrumbTrail(page, page))} />
      <div className="border-b border-brand-100 bg-brand-50">
        <div className="mx-auto max-w-3xl px-4 pt-6 pb-8 md:pt-12 md:pb-12">
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
      <div className="mx-auto max-w-3xl px-4 pt-4">
        <div className={PROSE_CLASSES}>{children}</div>
      </div>
    </PageFrame>
  );
}
