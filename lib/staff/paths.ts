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

/**
 * The editor's own screens directly under /staff/pages (app/staff/pages/<name>/): a page named so would get the
 * screen's address instead of its own, so no new page may take these names. Each folder there is listed here.
 */
export const STAFF_PAGES_OWN_ROUTES: readonly string[] = ["new"];

/** A page's preview; `slug` is its file's name without `.mdx` ("index" for the home page). */
export function pagePreviewPath(slug: string, width?: "desktop"): string {
  return `${STAFF_PAGES_PATH}/${encodeURIComponent(slug)}/preview${width ? `?width=${width}` : ""}`;
}

/** The page itself as patients will see it, shown in the preview's frame at the chosen width. */
export function pagePreviewFramePath(slug: string): string {
  return `${STAFF_PAGES_PATH}/${encodeURIComponent(slug)}/preview/frame`;
}

/** Where the editor uploads a picture for the page (POST), kept with its draft until it is published. */
export function pagePicturesPath(slug: string): string {
  return `${STAFF_PAGES_PATH}/${encodeURIComponent(slug)}/pictures`;
}

/** A picture uploaded with the page's draft, as the preview shows it before it is published (`fileName` in public/images/). */
export function pageDraftPicturePath(slug: string, fileName: string): string {
  return `${pagePicturesPath(slug)}/${encodeURIComponent(fileName)}`;
}

/** Whether `pathname` is a page's picture upload (pagePicturesPath). */
export function isPagePicturesPath(pathname: string): boolean {
  return /^\/staff\/pages\/[^/]+\/pictures$/.test(pathname);
}

/** The form for the clinic's facts (content/clinic.yaml); outside /staff/pages, whose addresses belong to pages. */
export const STAFF_CLINIC_FACTS_PATH = `${STAFF_PATH}/clinic-facts`;

/** A page in the web editor (`slug` is its file's name without `.mdx`), its review or its history. */
export function pageEditorPath(slug: string, view?: "review" | "history"): string {
  return `${STAFF_PAGES_PATH}/${encodeURIComponent(slug)}${view ? `/${view}` : ""}`;
}
