import { getClinic } from "@/lib/site";

/**
 * The clinic's mark: the "M" of the site icon (lib/site-icon.ts) beside the clinic's name, set in the site's typeface.
 * The name is real text, so it enlarges with the reader's text size and is what screen readers announce.
 */
export function Wordmark() {
  return (
    <a href="/" className="flex min-h-tap shrink-0 items-center gap-2.5 text-brand-900 no-underline">
      <svg className="size-9 shrink-0 md:size-10" viewBox="0 0 64 64" width="40" height="40" aria-hidden="true" focusable="false">
        <rect width="64" height="64" rx="12" fill="currentColor" />
        <path fill="#fff" d="M14 46V18h7l11 16 11-16h7v28h-7V30L32 45 21 30v16z" />
      </svg>
      <span className="text-[1.375rem] leading-none font-bold tracking-tight md:text-2xl">{getClinic().name}</span>
    </a>
  );
}
