import { getNavPages } from "@/lib/content/pages";

/**
 * Short paths to every main page except the home page: one line each, the page's title, in two columns on wide
 * screens. Shorter than cards with descriptions, which repeated the whole menu at length.
 */
export function MainPageLinks() {
  const pages = getNavPages("main").filter((page) => page.href !== "/");
  return (
    <ul className="not-prose my-6 grid grid-cols-1 border-t-2 border-brand-100 sm:grid-cols-2 sm:gap-x-8">
      {pages.map((page) => (
        <li key={page.href} className="border-b-2 border-brand-100">
          <a
            href={page.href}
            className="group flex min-h-14 items-center justify-between gap-3 py-2 text-lg font-bold text-brand-800 no-underline hover:text-brand-900"
          >
            <span className="underline decoration-brand-200 decoration-2 underline-offset-4 group-hover:decoration-brand-800">{page.title}</span>
            <span aria-hidden="true" className="text-2xl leading-none">
              ›
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
