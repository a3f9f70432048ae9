/**
 * The remark plugins every page is compiled with, by name: the content check imports them by these names (as ES
 * modules, which tsx cannot `require`), and lib/content/remark-plugins.ts gives the renderer the same list as
 * functions, so the check reads pages exactly as the site renders them.
 */
export const MDX_REMARK_PLUGIN_NAMES = ["remark-frontmatter", "remark-gfm"] as const;
