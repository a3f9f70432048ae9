/** The page's one <h1>, the top of the type scale (tailwind.config.ts): 36 px on a phone, 48 px on wide screens. */
export const PAGE_HEADING_CLASSES = "text-heading-1 font-bold text-balance text-brand-900 md:text-heading-1-wide";
