/**
 * The remark plugins every page is compiled with, shared by next.config.ts and the content check so the check
 * reads pages exactly as the build does. Named as strings: Turbopack accepts only serialisable options.
 */
export const MDX_REMARK_PLUGIN_NAMES = ["remark-frontmatter", "remark-gfm"] as const;
