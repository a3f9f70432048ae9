import { getClinic } from "@/lib/site";
import { CallButton } from "./CallButton";

/**
 * On phones, the call button stays at the bottom of the screen, within reach of a thumb. The page reserves
 * its height (--sticky-bar-height in globals.css) as bottom padding and scroll padding, so the bar never
 * covers the end of the page or a focused link. Hidden on wide screens, where the header holds the call button,
 * and while the self-check shows its emergency result (globals.css): its "Call 911" must not compete. On phones it
 * is the only call button at the top level, and it is kept slim (about 65 px) to leave the page room.
 */
export function StickyCallBar() {
  return (
    <aside data-sticky-call-bar aria-label="Call the clinic" className="fixed inset-x-0 bottom-0 z-40 border-t border-brand-200 bg-white/95 px-4 py-2 shadow-[0_-2px_8px_rgba(0,0,0,0.08)] md:hidden print:hidden">
      <CallButton size="bar" phone={getClinic().phone} className="w-full" />
    </aside>
  );
}
