import { getNavPages } from "@/lib/content/pages";
import { getClinic } from "@/lib/site";
import { AppointmentButton } from "./AppointmentButton";
import { CallButton } from "./CallButton";
import { SiteNav } from "./SiteNav";
import { Wordmark } from "./Wordmark";

/**
 * The header on every page. On phones it is one short row, the clinic's mark and the menu, and gives the screen
 * to the page: the call button is in the sticky bar at the bottom, in the same place on every page (WCAG 2.2
 * "Consistent Help"). On wide screens the call and appointment buttons sit at the top right, the menu below.
 * The phone menu is a <details> element, so it opens without JavaScript; its panel scrolls within the space
 * between the header and the sticky bar, so no link is hidden under the bar.
 */
export function SiteHeader({ currentHref }: { currentHref?: string }) {
  const clinic = getClinic();
  const mainPages = getNavPages("main");
  return (
    <header className="relative border-b border-brand-100 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-1.5 md:py-3">
        <Wordmark />
        <div className="hidden items-center gap-3 md:flex print:flex">
          <div data-print="hide">
            <AppointmentButton />
          </div>
          <CallButton size="compact" phone={clinic.phone} />
        </div>
        <details className="site-menu group md:hidden">
          <summary className="flex min-h-tap cursor-pointer items-center gap-2 rounded-lg border-2 border-brand-200 px-3 text-lg font-bold text-brand-800 group-open:border-brand-800 group-open:bg-brand-50">
            <span>
              Menu<span className="sr-only">: pages on this site</span>
            </span>
            <span aria-hidden="true" className="text-base transition-transform group-open:rotate-180">
              ▾
            </span>
          </summary>
          <div className="site-menu-panel absolute inset-x-0 top-full z-30 overflow-y-auto border-b-2 border-brand-200 bg-white px-4 pt-1 pb-4 shadow-lg">
            <SiteNav pages={mainPages} layout="stacked" label="Main menu" currentHref={currentHref} />
            <div className="mt-3" data-print="hide">
              <AppointmentButton className="w-full" />
            </div>
          </div>
        </details>
      </div>
      <div className="mx-auto hidden max-w-7xl px-2 md:block">
        <SiteNav pages={mainPages} layout="inline" label="Main" currentHref={currentHref} />
      </div>
    </header>
  );
}
