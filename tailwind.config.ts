/**
 * The clinic's design tokens. Colour pairs are chosen for WCAG AA contrast (4.5:1 or more for text);
 * the base text size is 18 px for older readers; headings follow a clear scale (fontSize below). Tailwind reads this file through `@config` in app/globals.css.
 */
import type { Config } from "tailwindcss";
import typography from "@tailwindcss/typography";
import { EXTENSION_FONT_FAMILY } from "./lib/reader-font/family.mjs";

/** The clinic colours, also used where CSS cannot reach (the generated share images). */
export const colors = {
  // Deep teal-blue: 8.7:1 on white (brand-700), 11:1 (brand-800).
  brand: {
    50: "#eef6f9",
    100: "#d6eaf1",
    200: "#a9d2e0",
    700: "#0b5572",
    800: "#094660",
    900: "#07364a",
  },
  // Body text 15.3:1 on white; secondary text 7.5:1.
  ink: { DEFAULT: "#1c2329", muted: "#47525c" },
  // Warm amber focus ring: 3:1 or more against white and against brand-800.
  focus: "#b45309",
  // Emergency notices: dark red text (8.1:1) on a pale red ground.
  emergency: { DEFAULT: "#9b1c1c", bg: "#fdf0f0", border: "#e8a0a0" },
  notice: { DEFAULT: "#7a4a00", bg: "#fff7e6", border: "#f0c674" },
};

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./content/**/*.mdx"],
  theme: {
    extend: {
      colors,
      fontFamily: {
        // Atkinson Hyperlegible (lib/fonts.ts sets the variable), then system fonts while it loads or if it fails.
        // Its extension faces come first: each declares only letters the preloaded files lack, so a page without
        // such a letter never downloads one (lib/reader-font/subset.mjs).
        sans: [
          `"${EXTENSION_FONT_FAMILY}"`,
          "var(--font-reader)",
          "system-ui",
          "-apple-system",
          '"Segoe UI"',
          "Roboto",
          '"Helvetica Neue"',
          "Arial",
          "sans-serif",
        ],
      },
      fontSize: {
        // 18 px base for older readers; everything else scales from rem.
        base: ["1.125rem", { lineHeight: "1.7" }],
        lg: ["1.25rem", { lineHeight: "1.6" }],
        // The type scale: page heading, section heading, sub-heading. On a phone the page heading is 1.4 times a
        // section heading (36 / 26 px), on wide screens 1.6 times (48 / 30 px).
        "heading-1": ["2.25rem", { lineHeight: "1.15", letterSpacing: "-0.01em" }],
        "heading-1-wide": ["3rem", { lineHeight: "1.1", letterSpacing: "-0.015em" }],
        "heading-2": ["1.625rem", { lineHeight: "1.25" }],
        "heading-2-wide": ["1.875rem", { lineHeight: "1.2" }],
        "heading-3": ["1.3125rem", { lineHeight: "1.35" }],
      },
      spacing: {
        // The minimum touch target, with room to spare for unsteady hands.
        tap: "2.75rem",
      },
    },
  },
  plugins: [typography],
};

export default config;
