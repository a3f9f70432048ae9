/**
 * The clinic's design tokens. Colour pairs are chosen for WCAG AA contrast (4.5:1 or more for text);
 * the base text size is 18 px for older readers. Tailwind reads this file through `@config` in app/globals.css.
 */
import type { Config } from "tailwindcss";
import typography from "@tailwindcss/typography";

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
        // System fonts: nothing to download, text shows at once on a slow network.
        sans: [
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
