/**
 * How the site writes a picture, for the build's copies and for an upload alike: upright (a phone's EXIF
 * orientation applied to the pixels), in its own format, and with no metadata at all: sharp drops EXIF (camera,
 * GPS location, time), XMP and IPTC unless asked to keep them, and converts the colours to sRGB.
 */
import sharp, { type Sharp } from "sharp";

export type PictureFormat = "jpeg" | "png" | "webp" | "avif";

export const PICTURE_EXTENSIONS: Record<PictureFormat, string> = { jpeg: "jpg", png: "png", webp: "webp", avif: "avif" };

/**
 * A phone's 48-megapixel photo is 8064×6048; beyond about twice that, a file is more likely a decompression bomb
 * (a few KB that unpack to gigabytes) than a photo.
 */
export const MAX_PICTURE_PIXELS = 100_000_000;

/** Reads a picture, refusing one that is damaged (sharp's default would show a half-grey photo) or absurdly large. */
export function readPicture(input: Buffer | Uint8Array | string): Sharp {
  return sharp(input, { failOn: "error", limitInputPixels: MAX_PICTURE_PIXELS }).autoOrient();
}

/** Quality settings chosen for photos on a screen: no difference visible at the size shown, a third of the bytes. */
export function encodePicture(picture: Sharp, format: PictureFormat): Sharp {
  switch (format) {
    case "jpeg":
      return picture.jpeg({ quality: 78, mozjpeg: true });
    case "png":
      return picture.png({ compressionLevel: 9, adaptiveFiltering: true });
    case "webp":
      return picture.webp({ quality: 78 });
    case "avif":
      return picture.avif({ quality: 55 });
  }
}
