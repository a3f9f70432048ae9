/**
 * Pictures that fit the screen: a build step (lib/pictures/generate.ts, run before `next build` and `next dev`)
 * writes copies of every photo in public/images/ at a few widths to public/generated/images/, with a manifest of
 * them; pages read the manifest here and give each <img> a srcset, so a phone downloads a copy its size, and the
 * photo's own width and height, so nothing moves when it arrives. Plain HTML, no JavaScript. Drawings (SVG) scale by
 * themselves and are served as they are.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { publicImageSize, type ImageSize } from "../content/image-size";

/** Under public/: the copies and their manifest (made by each build, never committed). */
export const GENERATED_PICTURES_FOLDER = "generated/images";
export const PICTURE_MANIFEST_FILE = `${GENERATED_PICTURES_FOLDER}/manifest.json`;

/**
 * The widths of the copies, in device pixels. The widest picture on a page is a <Figure>, at most 36rem (576 CSS
 * pixels): 1200 covers a phone's 3 device pixels per CSS pixel and a laptop's 2; 1600 a large high-density screen.
 */
export const PICTURE_WIDTHS = [400, 800, 1200, 1600] as const;

/** The longest side a picture needs on the site, with room above the widest copy: what an upload is resized to. */
export const MAX_PICTURE_SIDE = 2000;

/** What the build makes copies of: photos. A GIF may be animated and keeps its one file, with its size known. */
export const RESIZED_PICTURE = /\.(?:jpe?g|png|webp|avif)$/i;
export const MEASURED_PICTURE = /\.(?:jpe?g|png|webp|avif|gif)$/i;

const pixels = z.number().int().positive();
const pictureManifestSchema = z.record(
  z.string(),
  z.object({ width: pixels, height: pixels, copies: z.array(z.object({ src: z.string(), width: pixels })) }),
);

export type PictureManifest = z.infer<typeof pictureManifestSchema>;

/** The widths to make of a picture `width` pixels wide: never wider than the picture itself. */
export function copyWidths(width: number): number[] {
  const widths: number[] = PICTURE_WIDTHS.filter((candidate) => candidate < width);
  if (width <= PICTURE_WIDTHS[PICTURE_WIDTHS.length - 1]!) widths.push(width);
  return widths;
}

/** The build's manifest, read from public/ beside the site (a path the build's tracer can see is only that file). */
function readPictureManifest(): PictureManifest {
  const file = path.join(process.cwd(), "public", PICTURE_MANIFEST_FILE);
  if (!fs.existsSync(file)) return {};
  const parsed = pictureManifestSchema.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file} is not a picture manifest (${parsed.error.message}): delete it, and the next build writes it anew`);
  return parsed.data;
}

export interface PictureAttributes extends Partial<ImageSize> {
  src: string;
  /** Present when the build made copies: the <img> then also needs `sizes`, which depends on where it stands. */
  srcSet?: string;
}

/** A browser without srcset takes `src`: a copy a laptop screen needs, never the camera's full-size file. */
const FALLBACK_WIDTH = 800;

/**
 * The <img> attributes for the picture at `src` (e.g. `/images/waiting-room.jpg`). A photo the build has not
 * seen yet (added while `next dev` runs, or a draft's new upload in the preview) is shown as it is, with its
 * size when that can be read: it still shows.
 */
export function pictureAttributes(src: string): PictureAttributes {
  const entry = readPictureManifest()[src];
  if (!entry || entry.copies.length === 0) return { src, ...(entry ? { width: entry.width, height: entry.height } : publicImageSize(src)) };
  const fallback = entry.copies.find((copy) => copy.width >= FALLBACK_WIDTH) ?? entry.copies[entry.copies.length - 1]!;
  return {
    src: fallback.src,
    srcSet: entry.copies.map((copy) => `${copy.src} ${copy.width}w`).join(", "),
    width: entry.width,
    height: entry.height,
  };
}
