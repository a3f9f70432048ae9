/**
 * The site icon (the browser tab's picture), written into each page as a data: address rather than served as
 * app/icon.svg: one request fewer on every first visit. Under Lighthouse's simulated mobile network that request
 * shared the bandwidth with the two font files just after the page and held the fonts, and so LCP, a round
 * trip longer (reports/bench.md). The "M" is the same as the header's mark (components/Wordmark.tsx).
 */
export const SITE_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#094660"/><path fill="#fff" d="M14 46V18h7l11 16 11-16h7v28h-7V30L32 45 21 30v16z"/></svg>';

export const siteIconDataUrl = `data:image/svg+xml,${encodeURIComponent(SITE_ICON_SVG)}`;
