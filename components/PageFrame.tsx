import { SiteHeader } from "./SiteHeader";

/**
 * The header and main area of a page. Each route renders it (the root layout cannot know which page it wraps),
 * so the menu can mark the page the reader is on without any JavaScript.
 */
export function PageFrame({ currentHref, children }: { currentHref?: string; children: React.ReactNode }) {
  return (
    <>
      <SiteHeader currentHref={currentHref} />
      <main id="main-content" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
    </>
  );
}
