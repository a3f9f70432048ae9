import type { ContentPage } from "@/lib/content/pages";

/**
 * The list of main pages, in the order their frontmatter gives: one large row per page, as the menu's panel shows
 * them at every width. The page the reader is on is marked `aria-current="page"` (read out as "current page") and
 * drawn differently, a bar on its left and a tinted ground, so nobody has to guess where they are.
 */
export function SiteNav({ pages, label, currentHref }: { pages: ContentPage[]; label: string; currentHref?: string }) {
  return (
    <nav aria-label={label}>
      <ul className="flex flex-col divide-y divide-brand-100">
        {pages.map((page) => {
          const isCurrent = page.href === currentHref;
          return (
            <li key={page.href}>
              <a
                href={page.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`flex min-h-12 items-center border-l-4 px-3 py-1.5 text-lg font-bold text-brand-800 underline-offset-4 hover:underline ${isCurrent ? "border-brand-800 bg-brand-50 text-brand-900" : "border-transparent"}`}
              >
                {page.navLabel}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
