/** The staff side's addresses, in one place: robots.txt, headers and links all read them from here. */
export const STAFF_PATH = "/staff";
export const STAFF_SIGN_IN_PATH = `${STAFF_PATH}/sign-in`;
export const STAFF_ENROLL_PATH = `${STAFF_PATH}/enroll`;
export const STAFF_REQUESTS_PATH = `${STAFF_PATH}/requests`;
export const STAFF_AUDIT_PATH = `${STAFF_PATH}/audit`;
export const STAFF_USERS_PATH = `${STAFF_PATH}/users`;
export const STAFF_RELEASES_PATH = `${STAFF_PATH}/releases`;
export const STAFF_PAGES_PATH = `${STAFF_PATH}/pages`;

export function staffRequestPath(reference: string): string {
  return `${STAFF_REQUESTS_PATH}/${encodeURIComponent(reference)}`;
}
