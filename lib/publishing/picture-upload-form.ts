/**
 * What the editor's picture upload and the server agree on, with no dependencies of its own: the browser's form
 * (components/staff/editor/PictureUpload.tsx), the upload's route, proxy.ts and next.config.ts all read it here.
 */

/** The largest picture staff may upload (lib/publishing/pictures.ts judges the bytes; the form says so first). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The upload's whole post: the picture and the form around it (the boundary lines, the field's headers, the file's
 * name). Next hands a proxied post's body on only up to `proxyClientMaxBodySize`, which next.config.ts sets to this.
 */
export const UPLOAD_POST_MAX_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/** The form field that carries the file. */
export const PICTURE_FIELD = "picture";

/** What the file chooser offers (the server still judges by the bytes, never by the type a browser claims). */
export const ACCEPTED_PICTURE_TYPES = "image/jpeg,image/png,image/webp";

export const PICTURE_TOO_LARGE = "This upload is more than 10 MB; a picture may be at most 10 MB: save a smaller copy (2000 pixels wide is plenty) and upload that.";
