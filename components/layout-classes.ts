/**
 * One grid for every patient page: the header's row, the page's words and the footer's start and end at the same
 * edges on every screen, so the eye finds a straight line down the page. The words keep a comfortable line of about
 * 65 to 75 characters (36 rem of 18 px text), set at the grid's left edge under the clinic's name, not centred.
 */
export const SITE_CONTAINER_CLASSES = "mx-auto w-full max-w-6xl px-4 md:px-6";
export const TEXT_COLUMN_CLASSES = "max-w-xl";
