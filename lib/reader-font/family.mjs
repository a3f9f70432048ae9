// @ts-check
/**
 * The font family of the typeface's extension faces (lib/reader-font/subset.mjs): the letters no page's words use
 * today, such as the "ñ" of a name a physician types tomorrow. It stands before the preloaded typeface in the
 * site's font stack (tailwind.config.ts); each of its faces declares exactly the characters it holds, so a browser
 * downloads one only for a page that shows one of them.
 */
export const EXTENSION_FONT_FAMILY = "Atkinson Hyperlegible extension";
