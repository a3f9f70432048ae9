import { getNavPages } from "@/lib/content/pages";
import { getClinic } from "@/lib/site";
import { AppointmentButton } from "./AppointmentButton";
import { CallButton } from "./CallButton";
import { SITE_CONTAINER_CLASSES } from "./layout-classes";
import { SiteNav } from "./SiteNav";
import { Wordmark } from "./Wordmark";

/**
 * The header on every page: one short row at every width, the clinic's mark and the menu, which gives the screen
 * to the page. Nine pages do not fit in one row beside the call button even at 1280 px (a second row made the header
 * 120 px, and 168 px on tablets), so the menu is a button everywhere. On phones the call button is in the sticky bar
 * at the bottom; from tablets up it sits in this row, which stays at the top of the screen while the reader scrolls.
 * Either way it is in the same place on every page (WCAG 2.2 "Consistent Help") and always in view. The appointment
 * button joins the row where there is room (1024 px), and is in the menu below that.
 * The menu is a <details> element, so it opens without JavaScript; its panel scrolls within the space below the
 * header (and above the phone's sticky bar), so no link is out of reach.
 */
export function SiteHeader({ currentHref }: { currentHref?: string }) {
  const clinic = getClinic();
  return (
    <header className="relative border-b border-brand-100 bg-white md:sticky md:top-0 md:z-40 print:static">
      <div className={`${SITE_CONTAINER_CLASSES} flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5 md:relative md:py-3`}>
        <Wordmark />
        <div className="flex flex-wrap items-center justify-end gap-3">
          <div className="hidden items-center gap-3 md:flex print:flex">
            <div data-print="hide" className="hidden lg:block">
              <AppointmentButton />
            </div>
            <CallButton size="compact" phone={clinic.phone} />
          </div>
          <details className="site-menu group">
            <summary className="flex min-h-tap cursor-pointer items-center gap-2 rounded-lg border-2 border-brand-200 px-3 text-lg font-bold text-brand-800 group-open:border-brand-800 group-open:bg-brand-50">
              <span>
                Menu<span className="sr-only">: pages on this site</span>
              </span>
              <span aria-hidden="true" className="text-base transition-transform group-open:rotate-180">
                ▾
              </span>
            </summary>
            <div className="site-menu-panel absolute inset-x-0 top-full z-30 overflow-y-auto border-b-2 border-brand-200 bg-white px-4 pt-1 pb-4 shadow-lg md:left-auto md:right-6 md:w-80 md:rounded-b-lg md:border-x-2">
              <SiteNav pages={getNavPages("main")} label="Main menu" currentHref={currentHref} />
              <div className="mt-3 lg:hidden" data-print="hide">
                <AppointmentButton className="w-full" />
              </div>
            </div>
          </details>
        </div>
      </div>
    </header>
  );
}
