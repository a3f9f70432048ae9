/** The staff side's addresses, in one place: robots.txt, headers and links all read them from here. */
export const STAFF_PATH = "/staff";
export const STAFF_SIGN_IN_PATH = `${STAFF_PATH}/sign-in`;
export const STAFF_ENROLL_PATH = `${STAFF_PATH}/enroll`;
export const STAFF_REQUESTS_PATH = `${STAFF_PATH}/requests`;
export const STAFF_AUDIT_PATH = `${STAFF_PATH}/audit`;
export const STAFF_USERS_PATH = `${STAFF_PATH}/users`;
export const STAFF_RELEASES_PATH = `${STAFF_PATH}/releases`;

export function staffRequestPath(reference: string): string {
  return `${STAFF_REQUESTS_PATH}/${encodeURIComponent(reference)}`;
}

/** The web editor's pages (issue 22): the list, each page's editor and its preview. */
export const STAFF_PAGES_PATH = `${STAFF_PATH}/pages`;

/** A page's preview; `slug` is its file's name without `.mdx` ("index" for the home page). */
export function pagePreviewPath(slug: string, width?: "desktop"): string {
  return `${STAFF_PAGES_PATH}/${encodeURIComponent(slug)}/preview${width ? `?width=${width}` : ""}`;
}

/** The page itself as patients will see it, shown in the preview's frame at the chosen width. */
export function pagePreviewFramePath(slug: string): string {
  return `${STAFF_PAGES_PATH}/${encodeURIComponent(slug)}/preview/frame`;
}

/** The form for the clinic's facts (content/clinic.yaml). */
export const STAFF_CLINIC_FACTS_PATH = `${STAFF_PAGES_PATH}/clinic`;

/** A page in the web editor (`slug` is its file's name without `.mdx`), its review or its history. */
export function pageEditorPath(slug: string, view?: "review" | "history"): string {
  return `${STAFF_PAGES_PATH}/${encodeURIComponent(slug)}${view ? `/${view}` : ""}`;
}
