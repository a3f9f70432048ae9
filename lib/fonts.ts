/**
 * The site's typeface: Atkinson Hyperlegible, drawn by the Braille Institute for readers with low vision (letters
 * that cannot be mistaken for each other: I l 1, O 0, b d). Self-hosted from @fontsource (nothing loads from another
 * host), regular and bold, both preloaded because the first screen uses both. Cut down at build time to the
 * characters our content uses (lib/reader-font/subset.mjs: about 6.5 KB each instead of 17, which keeps LCP under
 * 1 s). `swap` shows text at once in the fallback, whose size Next adjusts to the typeface's, so nothing shifts.
 * The rest of Latin-1 and Latin Extended-A comes from extension faces that a browser downloads only for a page
 * that shows one of their letters (the stylesheet below; tailwind.config.ts puts their family first).
 */
import localFont from "next/font/local";
// Written by scripts/subset-reader-font.mjs with the files it names, before `next build` and `next dev`.
import "./reader-font/generated/reader-font-extension.css";

export const readerFont = localFont({
  src: [
    // Written by scripts/subset-reader-font.mjs (subsetFontFile in lib/reader-font/subset.mjs), before `next build` and `next dev`.
    { path: "./reader-font/generated/atkinson-hyperlegible-subset-400.woff2", weight: "400", style: "normal" },
    { path: "./reader-font/generated/atkinson-hyperlegible-subset-700.woff2", weight: "700", style: "normal" },
  ],
  display: "swap",
  variable: "--font-reader",
  preload: true,
  adjustFontFallback: "Arial",
  fallback: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
});
