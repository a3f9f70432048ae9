/**
 * The remark plugins every page is read with, as functions, for the code that runs them itself: the page renderer
 * (render-page.tsx) and the FAQ reader (lib/seo/faq.ts). The content check imports them by name
 * (mdx-options.ts); the type below fails if that list gains one this lacks.
 */
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import { MDX_REMARK_PLUGIN_NAMES } from "./mdx-options";

const REMARK_PLUGINS_BY_NAME = {
  "remark-frontmatter": remarkFrontmatter,
  "remark-gfm": remarkGfm,
} satisfies Record<(typeof MDX_REMARK_PLUGIN_NAMES)[number], unknown>;

export const PAGE_REMARK_PLUGINS = MDX_REMARK_PLUGIN_NAMES.map((name) => REMARK_PLUGINS_BY_NAME[name]);
