import { getNavPages } from "@/lib/content/pages";
import { getClinic } from "@/lib/site";
import { AppointmentButton } from "./AppointmentButton";
import { CallButton } from "./CallButton";
import { SiteNav } from "./SiteNav";

/**
 * The header on every page: the clinic's name, the call button in the same place everywhere (WCAG 2.2
 * "Consistent Help") and the menu. On phones the menu is a <details> element, so it opens without JavaScript.
 */
export function SiteHeader() {
  const clinic = getClinic();
  const mainPages = getNavPages("main");
  return (
    <header className="border-b border-brand-100 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <a href="/" className="flex min-h-tap items-center text-xl font-bold text-brand-900 no-underline sm:text-2xl">
          {clinic.name}
        </a>
        <div className="flex items-center gap-3">
          <div className="hidden md:block" data-print="hide">
            <AppointmentButton />
          </div>
          <CallButton size="compact" phone={clinic.phone} />
        </div>
      </div>
      {/* The menu's panel is positioned against this row, so it spans the width of the screen when open. */}
      <div className="relative mx-auto flex max-w-7xl flex-wrap items-start gap-2 px-4 pb-2 md:hidden">
        <details className="site-menu group shrink-0 rounded-lg border border-brand-200">
          <summary className="flex min-h-tap cursor-pointer items-center justify-between gap-2 px-4 py-2 text-lg font-semibold text-brand-800">
            <span>
              Menu<span className="sr-only">: pages on this site</span>
            </span>
            <span aria-hidden="true" className="text-xl transition-transform group-open:rotate-180">
              ▾
            </span>
          </summary>
          <div className="absolute inset-x-4 top-full z-30 rounded-lg border border-brand-200 bg-white px-2 pb-2 shadow-lg">
            <SiteNav pages={mainPages} layout="stacked" label="Main menu" />
          </div>
        </details>
        <div className="flex min-w-fit flex-1" data-print="hide">
          <AppointmentButton className="flex-1" />
        </div>
      </div>
      <div className="mx-auto hidden max-w-7xl px-2 pb-2 md:block">
        <SiteNav pages={mainPages} layout="inline" label="Main" />
      </div>
    </header>
  );
}
