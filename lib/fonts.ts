/**
 * The site's typeface: Atkinson Hyperlegible, drawn by the Braille Institute for readers with low vision (letters
 * that cannot be mistaken for each other: I l 1, O 0, b d). Self-hosted from @fontsource (nothing loads from another
 * host), Latin subset only, regular and bold: about 34 KB, both preloaded because the first screen uses both.
 * `swap` shows text at once in the fallback, whose size Next adjusts to the typeface's, so nothing shifts (CLS 0).
 */
import localFont from "next/font/local";

export const readerFont = localFont({
  src: [
    { path: "../node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  display: "swap",
  variable: "--font-reader",
  preload: true,
  adjustFontFallback: "Arial",
  fallback: ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
});
