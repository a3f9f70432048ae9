/**
 * The intrinsic size of a picture in public/, so pages can reserve its space before it loads (no layout shift
 * on a slow network). Read at build time: SVGs from their width/height or viewBox, PNGs from their header.
 * Other formats, or a missing file (the content check reports it), give no size: the picture still shows.
 */
import fs from "node:fs";
import path from "node:path";

export interface ImageSize {
  width: number;
  height: number;
}

export function svgSize(svg: string): ImageSize | undefined {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? "";
  const attribute = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(root)?.[1]);
  const [width, height] = [attribute("width"), attribute("height")];
  if (width > 0 && height > 0) return { width, height };
  const viewBox = /\sviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(root);
  return viewBox ? { width: Number(viewBox[1]), height: Number(viewBox[2]) } : undefined;
}

function pngSize(bytes: Buffer): ImageSize | undefined {
  const isPng = bytes.subarray(0, 8).toString("hex") === "89504e470d0a1a0a" && bytes.subarray(12, 16).toString("ascii") === "IHDR";
  return isPng ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : undefined;
}

export function publicImageSize(src: string): ImageSize | undefined {
  const file = path.join(process.cwd(), "public", src);
  if (!fs.existsSync(file)) return undefined;
  if (src.toLowerCase().endsWith(".svg")) return svgSize(fs.readFileSync(file, "utf8"));
  if (src.toLowerCase().endsWith(".png")) return pngSize(fs.readFileSync(file));
  return undefined;
}
