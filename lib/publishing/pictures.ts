/**
 * The editor's picture upload. What staff send is judged by its bytes (the file's signature, then sharp's own
 * reading), never by its name or the type the browser claims: only JPEG, PNG and WebP, at most 10 MB. An SVG can
 * carry script and is refused, like a web page renamed .jpg. What is kept is re-encoded by sharp (lib/pictures/
 * encode.ts): upright, without the camera's or the location's metadata, at most 2000 pixels on its longer side,
 * under a tidy name with a hash of its bytes (two uploads of "photo.jpg" never overwrite each other). Nothing is
 * written here: the publish service adds the file to the page's commit, at `path`.
 */
import { createHash } from "node:crypto";
import { PICTURE_EXTENSIONS, MAX_PICTURE_PIXELS, encodePicture, readPicture, type PictureFormat } from "@/lib/pictures/encode";
import { MAX_PICTURE_SIDE } from "@/lib/pictures/responsive";
import { tidyPictureStem } from "@/lib/pictures/names";
import { recordAudit } from "@/lib/staff/audit";
import { auditContext } from "@/lib/staff/context";
import type { SignedInStaff } from "@/lib/staff/session";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Where content pictures live in the site's repository, and their address on the site. */
const PICTURES_FOLDER = "public/images";

export interface PictureUpload {
  /** The name on the staff member's computer or phone: only the start of the new name, never trusted for the type. */
  name: string;
  bytes: Uint8Array;
}

export interface PreparedPicture {
  /** Lowercase, hyphens and a hash of the bytes, e.g. `img-2041-3f2a1c0b.jpg`. */
  fileName: string;
  bytes: Buffer;
  width: number;
  height: number;
}

export type PreparedPictureResult = { ok: true; picture: PreparedPicture } | { ok: false; message: string };

const ANSWER = "upload a photo or picture saved as JPEG, PNG or WebP";

/** What the first bytes say a file is: an accepted format, or what to call it in the refusal. */
function sniff(bytes: Uint8Array): { format: PictureFormat } | { kind: "svg" | "web page" | "other"; called?: string } {
  const ascii = (start: number, end: number) => Buffer.from(bytes.subarray(start, end)).toString("latin1");
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { format: "jpeg" };
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return { format: "png" };
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return { format: "webp" };
  if (/^GIF8[79]a/.test(ascii(0, 6))) return { kind: "other", called: "a GIF" };
  if (ascii(4, 8) === "ftyp") return { kind: "other", called: /^(?:avif|avis)/.test(ascii(8, 12)) ? "an AVIF picture" : "a HEIC photo, as iPhones save them" };
  if (ascii(0, 5) === "%PDF-") return { kind: "other", called: "a PDF" };
  if (ascii(0, 2) === "BM") return { kind: "other", called: "a BMP picture" };
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return { kind: "other", called: "a TIFF picture" };
  // Text: an SVG drawing or a web page, whatever comes before the tag (a byte-order mark, a comment, <?xml …?>).
  const text = Buffer.from(bytes.subarray(0, 4096)).toString("utf8").toLowerCase();
  if (/<svg[\s>]/.test(text)) return { kind: "svg" };
  if (/<(?:!doctype html|html|head|body|script|iframe)[\s>]/.test(text)) return { kind: "web page" };
  return { kind: "other" };
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Checks and re-encodes an upload; a refusal's message is for the staff member who sent it. */
export async function preparePicture({ name, bytes }: PictureUpload): Promise<PreparedPictureResult> {
  // Names come from the sender's computer: shown in a message as text, never trusted for anything else.
  const shown = `"${name.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 120)}"`;
  const refuse = (message: string): PreparedPictureResult => ({ ok: false, message: `${shown} ${message}` });
  if (bytes.length === 0) return refuse("is empty: choose the picture again");
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return refuse(`is ${megabytes(bytes.length)}; a picture may be at most 10 MB: save a smaller copy (${MAX_PICTURE_SIDE} pixels wide is plenty) and upload that`);
  }
  const sniffed = sniff(bytes);
  if ("kind" in sniffed) {
    if (sniffed.kind === "svg") return refuse(`is an SVG drawing, which can carry code: ${ANSWER} instead`);
    if (sniffed.kind === "web page") return refuse(`is not a picture (it is a web page), whatever its name says: ${ANSWER}`);
    if (sniffed.called) return refuse(`is not a JPEG, PNG or WebP picture (it is ${sniffed.called}): save it as JPEG, PNG or WebP and upload that`);
    return refuse(`is not a picture, whatever its name says: ${ANSWER}`);
  }
  const { format } = sniffed;
  const damaged = refuse(`could not be read as a ${format === "jpeg" ? "JPEG" : format === "png" ? "PNG" : "WebP"} picture (it may be damaged or cut short): save it again and upload the new copy`);
  try {
    const metadata = await readPicture(bytes).metadata();
    if (metadata.format !== format) return damaged;
    if (metadata.width * metadata.height > MAX_PICTURE_PIXELS) {
      return refuse(`is ${metadata.width}×${metadata.height} pixels, more than the site can take: save a copy at most ${MAX_PICTURE_SIDE} pixels wide and upload that`);
    }
    const resized = readPicture(bytes).resize({ width: MAX_PICTURE_SIDE, height: MAX_PICTURE_SIDE, fit: "inside", withoutEnlargement: true });
    const { data, info } = await encodePicture(resized, format).toBuffer({ resolveWithObject: true });
    const stem = tidyPictureStem(name.replace(/\.[^./\\]*$/, ""));
    const hash = createHash("sha256").update(data).digest("hex").slice(0, 8);
    return { ok: true, picture: { fileName: `${stem}-${hash}.${PICTURE_EXTENSIONS[format]}`, bytes: data, width: info.width, height: info.height } };
  } catch {
    return damaged;
  }
}

export type SavedPictureResult = { ok: true; picture: PreparedPicture & { path: string; src: string } } | { ok: false; message: string };

/**
 * The upload of a page's picture by a signed-in staff member: prepared as above and recorded in the audit log.
 * Returns the file for the publish service to add to the page's commit (`path`, from the repository's root) and
 * the address to write in the page (`src`, e.g. in <Figure src="…">).
 */
export async function savePicture(upload: PictureUpload, staff: Pick<SignedInStaff, "context" | "user" | "clientAddress">): Promise<SavedPictureResult> {
  const prepared = await preparePicture(upload);
  if (!prepared.ok) return prepared;
  const { fileName, bytes, width, height } = prepared.picture;
  await recordAudit(auditContext(staff.context), {
    actor: staff.user,
    action: "page-picture-upload",
    detail: `${fileName} (${bytes.length} bytes, ${width}×${height})`,
    clientAddress: staff.clientAddress,
  });
  return { ok: true, picture: { ...prepared.picture, path: `${PICTURES_FOLDER}/${fileName}`, src: `/${PICTURES_FOLDER.replace(/^public\//, "")}/${fileName}` } };
}
