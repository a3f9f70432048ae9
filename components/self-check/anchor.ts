/** The self-check's id on the page, so a page can link to it: [Take the self-check](#self-check). */
export const SELF_CHECK_ANCHOR = "self-check";
