import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";
import { StickyCallBar } from "./StickyCallBar";

/**
 * A patient page's frame: header, main area, footer and the phone's call bar. Each route renders it (the root
 * layout cannot know which page it wraps), so the menu can mark the page the reader is on without any JavaScript;
 * the staff inbox has its own frame (components/staff/StaffFrame.tsx) and none of the patients' call buttons.
 */
export function PageFrame({ currentHref, children }: { currentHref?: string; children: React.ReactNode }) {
  return (
    <>
      <SiteHeader currentHref={currentHref} />
      <main id="main-content" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
      <StickyCallBar />
    </>
  );
}
