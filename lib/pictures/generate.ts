/**
 * The build step of lib/pictures/responsive.ts: copies of each photo in public/images/ at the widths pages offer,
 * and their manifest. A copy's name carries a hash of its original, so a changed photo gets new addresses (no
 * browser keeps the old one) and an unchanged one is not made again; copies of removed photos are deleted.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { encodePicture, readPicture, type PictureFormat } from "./encode";
import { tidyPictureStem } from "./names";
import { copyWidths, GENERATED_PICTURES_FOLDER, MEASURED_PICTURE, PICTURE_MANIFEST_FILE, RESIZED_PICTURE, type PictureManifest } from "./responsive";

const FORMAT_OF_EXTENSION: Record<string, PictureFormat> = { ".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp", ".avif": "avif" };

export interface GeneratedPictures {
  /** Photos and GIFs found in public/images/. */
  pictures: number;
  /** Copies written by this run; the others were already there from an earlier one. */
  written: number;
}

/** Every picture file under public/images/, as its address (`/images/team/ana.jpg`). */
function pictureAddresses(publicDir: string): string[] {
  const imagesDir = path.join(publicDir, "images");
  if (!fs.existsSync(imagesDir)) return [];
  return fs
    .readdirSync(imagesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && MEASURED_PICTURE.test(entry.name))
    .map((entry) => `/${path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`)
    .sort();
}

export async function generateResponsivePictures(publicDir: string): Promise<GeneratedPictures> {
  const outputDir = path.join(publicDir, GENERATED_PICTURES_FOLDER);
  fs.mkdirSync(outputDir, { recursive: true });
  const manifest: PictureManifest = {};
  const kept = new Set<string>();
  let written = 0;
  const addresses = pictureAddresses(publicDir);
  for (const src of addresses) {
    const original = fs.readFileSync(path.join(publicDir, src));
    let size: { width: number; height: number };
    try {
      size = (await readPicture(original).metadata()).autoOrient;
    } catch (error) {
      throw new Error(`public${src} cannot be read as a picture (${(error as Error).message}): save it again as JPEG, PNG or WebP, or remove it`);
    }
    const format = FORMAT_OF_EXTENSION[path.extname(src).toLowerCase()];
    manifest[src] = { width: size.width, height: size.height, copies: [] };
    if (!format || !RESIZED_PICTURE.test(src)) continue;
    // The name: the original's path, tidied, and a hash of its bytes, e.g. images-waiting-room-3f2a1c0b-800.jpg.
    const stem = `${tidyPictureStem(src.replace(/\.[^.]+$/, ""))}-${createHash("sha256").update(original).digest("hex").slice(0, 8)}`;
    for (const width of copyWidths(size.width)) {
      const name = `${stem}-${width}.${path.extname(src).slice(1).toLowerCase().replace("jpeg", "jpg")}`;
      const file = path.join(outputDir, name);
      kept.add(name);
      manifest[src].copies.push({ src: `/${GENERATED_PICTURES_FOLDER}/${name}`, width });
      if (fs.existsSync(file)) continue;
      // Written beside its place and renamed, so a build stopped half-way never leaves half a picture to keep.
      await encodePicture(readPicture(original).resize({ width }), format).toFile(`${file}.partial`);
      fs.renameSync(`${file}.partial`, file);
      written += 1;
    }
  }
  for (const name of fs.readdirSync(outputDir)) {
    if (name !== path.basename(PICTURE_MANIFEST_FILE) && !kept.has(name)) fs.rmSync(path.join(outputDir, name), { force: true });
  }
  fs.writeFileSync(path.join(publicDir, PICTURE_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return { pictures: addresses.length, written };
}
