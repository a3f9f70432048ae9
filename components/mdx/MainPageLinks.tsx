import { getNavPages } from "@/lib/content/pages";

/** Cards for every main page except the home page, with the description staff wrote in its frontmatter. */
export function MainPageLinks() {
  const pages = getNavPages("main").filter((page) => page.href !== "/");
  return (
    <ul className="not-prose my-8 grid grid-cols-1 gap-4 sm:grid-cols-2">
      {pages.map((page) => (
        <li key={page.href}>
          <a
            href={page.href}
            className="block h-full rounded-lg border-2 border-brand-200 p-5 no-underline hover:border-brand-700 hover:bg-brand-50"
          >
            <span className="block text-xl font-bold text-brand-800 underline underline-offset-4">{page.title}</span>
            <span className="mt-2 block text-ink">{page.description}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
