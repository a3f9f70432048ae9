/**
 * The intrinsic size of a picture in public/, so pages can reserve its space before it loads (no layout shift
 * on a slow network). Read at build time; SVGs from their width/height or viewBox, other images through sharp.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

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

export async function publicImageSize(src: string): Promise<ImageSize | undefined> {
  const file = path.join(process.cwd(), "public", src);
  if (src.toLowerCase().endsWith(".svg")) return svgSize(fs.readFileSync(file, "utf8"));
  const { width, height } = await sharp(file).metadata();
  return width && height ? { width, height } : undefined;
}
