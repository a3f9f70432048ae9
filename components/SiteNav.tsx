import type { ContentPage } from "@/lib/content/pages";

const LAYOUTS = {
  // Phone menu: one large row per page.
  stacked: {
    list: "flex flex-col divide-y divide-brand-100",
    link: "flex min-h-tap items-center px-2 py-3 text-lg font-semibold text-brand-800 underline-offset-4 hover:underline",
  },
  // Wide screens: a row that wraps rather than scrolls.
  inline: {
    list: "flex flex-wrap gap-x-2 gap-y-1",
    link: "flex min-h-tap items-center rounded-md px-2 font-semibold text-brand-800 underline-offset-4 hover:bg-brand-50 hover:underline",
  },
} as const;

/** The list of main pages, in the order their frontmatter gives. */
export function SiteNav({ pages, layout, label }: { pages: ContentPage[]; layout: keyof typeof LAYOUTS; label: string }) {
  const classes = LAYOUTS[layout];
  return (
    <nav aria-label={label}>
      <ul className={classes.list}>
        {pages.map((page) => (
          <li key={page.href}>
            <a href={page.href} className={classes.link}>
              {page.navLabel}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
