import { hasBreadcrumbs, type BreadcrumbItem } from "@/lib/seo/breadcrumbs";

/**
 * Where the page sits on the site (Home › page title), above its heading. The same trail feeds the page's
 * BreadcrumbList structured data. The current page is plain text marked aria-current: a link to the page
 * one is on leads nowhere.
 */
export function Breadcrumbs({ trail }: { trail: readonly BreadcrumbItem[] }) {
  if (!hasBreadcrumbs(trail)) return null;
  return (
    <nav aria-label="Breadcrumb" data-print="hide" className="mb-3 text-ink-muted">
      {/* Inline items, so a long title wraps like a sentence on a phone instead of dropping below "Home". */}
      <ol>
        {trail.map((item, index) => {
          const isCurrent = index === trail.length - 1;
          return (
            <li key={item.href} className="inline">
              {index > 0 && (
                <span aria-hidden="true" className="mx-2">
                  ›
                </span>
              )}
              {isCurrent ? (
                <span aria-current="page">{item.name}</span>
              ) : (
                <a href={item.href} className="inline-flex min-h-tap items-center font-semibold text-brand-800 underline underline-offset-4">
                  {item.name}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
