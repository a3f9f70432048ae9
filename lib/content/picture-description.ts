/**
 * The rule for a picture's description (alt text), in the words staff see: the content check's (<Figure>'s `alt`
 * in ./components.ts) and the editor's upload form's (components/staff/editor/PictureUpload.tsx). No dependencies,
 * so the browser's form can show it.
 */
export const PICTURE_DESCRIPTION_RULE = "describe what the picture shows, for people who cannot see it";
