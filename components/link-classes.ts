/** A link inside a sentence, outside the prose styles (the footer) or beside them: bold, brand-coloured, underlined. */
export const TEXT_LINK_CLASSES = "font-semibold text-brand-800 underline underline-offset-4";
