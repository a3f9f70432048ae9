/** The addresses the browser tests visit, read from content/ the same way the site reads them. */
import { loadContentPagesFrom, CONTENT_DIR } from "../../lib/content/pages";

export const contentPages = loadContentPagesFrom(CONTENT_DIR);
export const PHONE_HREF = "tel:+15012244001";
