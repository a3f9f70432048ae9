import type { ContentPage } from "@/lib/content/pages";

const LAYOUTS = {
  // Phone menu: one large row per page; the current page has a bar on its left and a tinted ground.
  stacked: {
    list: "flex flex-col divide-y divide-brand-100",
    link: "flex min-h-12 items-center border-l-4 px-3 py-1.5 text-lg font-bold text-brand-800 underline-offset-4 hover:underline",
    current: "border-brand-800 bg-brand-50 text-brand-900",
    other: "border-transparent",
  },
  // Wide screens: a row that wraps rather than scrolls; the current page is underlined by a thick bar.
  inline: {
    list: "flex flex-wrap gap-x-1 gap-y-1",
    link: "flex min-h-tap items-center border-b-4 px-2.5 font-bold text-brand-800 underline-offset-4 hover:bg-brand-50 hover:underline",
    current: "border-brand-800 text-brand-900",
    other: "border-transparent",
  },
} as const;

/**
 * The list of main pages, in the order their frontmatter gives. The page the reader is on is marked
 * `aria-current="page"` (read out as "current page") and drawn differently, so nobody has to guess where they are.
 */
export function SiteNav({
  pages,
  layout,
  label,
  currentHref,
}: {
  pages: ContentPage[];
  layout: keyof typeof LAYOUTS;
  label: string;
  currentHref?: string;
}) {
  const classes = LAYOUTS[layout];
  return (
    <nav aria-label={label}>
      <ul className={classes.list}>
        {pages.map((page) => {
          const isCurrent = page.href === currentHref;
          return (
            <li key={page.href}>
              <a
                href={page.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`${classes.link} ${isCurrent ? classes.current : classes.other}`}
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
