/** Pages written in code under app/, rather than in content/: links in content may point to them too. */

/** The online appointment request form. */
export const APPOINTMENT_REQUEST_HREF = "/request-appointment";

export const CODE_PAGE_HREFS: readonly string[] = [APPOINTMENT_REQUEST_HREF];
