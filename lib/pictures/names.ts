/**
 * Picture file names the site can serve everywhere: lowercase letters, digits and hyphens. A name with spaces
 * breaks a srcset and a Markdown link; one with capitals works on one computer and not on the server, which tells
 * Photo.JPG from photo.jpg. Shared by the content check (what to rename to), the build's copies and the upload.
 */

/** `/images/My Photo.JPG` → [`/images/`, `My Photo`, `.JPG`]; plain string work, as the editor's browser code reads this too. */
function splitPicturePath(src: string): [folder: string, stem: string, extension: string] {
  const slash = src.lastIndexOf("/") + 1;
  const fileName = src.slice(slash);
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? [src.slice(0, slash), fileName.slice(0, dot), fileName.slice(dot)] : [src.slice(0, slash), fileName, ""];
}

/** `IMG 2041 (1)` → `img-2041-1`; `José` → `jose`; nothing usable → `picture`. */
export function tidyPictureStem(name: string): string {
  const tidy = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return tidy || "picture";
}

/** `My Photo.JPG` → `my-photo.jpg`. */
export function tidyPictureFileName(fileName: string): string {
  const [, stem, extension] = splitPicturePath(fileName);
  return `${tidyPictureStem(stem)}${extension.toLowerCase().replace(/\s+/g, "")}`;
}

/**
 * What is wrong with the file name of the picture at `src` (e.g. `/images/My Photo.JPG`), continuing "the picture
 * … ": "has spaces and capitals in its file name: rename public/images/My Photo.JPG to my-photo.jpg and write
 * /images/my-photo.jpg". Undefined for a tidy name.
 */
export function pictureFileNameProblem(src: string): string | undefined {
  const [folder, stem, extension] = splitPicturePath(src);
  const fileName = `${stem}${extension}`;
  const faults = [/\s/.test(fileName) && "spaces", /[A-Z]/.test(fileName) && "capitals"].filter(Boolean);
  if (faults.length === 0) return undefined;
  const tidy = tidyPictureFileName(fileName);
  return `has ${faults.join(" and ")} in its file name: rename public${src} to ${tidy} and write ${folder}${tidy}`;
}
