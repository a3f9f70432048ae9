/**
 * Before `next build` and `next dev`: the screen-sized copies of every photo in public/images/ and their manifest
 * (lib/pictures/generate.ts), which pages read for each picture's srcset, width and height.
 */
import path from "node:path";
import { generateResponsivePictures } from "../lib/pictures/generate";

async function main() {
  const started = performance.now();
  const { pictures, written } = await generateResponsivePictures(path.join(process.cwd(), "public"));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Pictures: ${pictures} in public/images/, ${written} screen-sized copies written to public/generated/images/ (${seconds} s).`);
}

// CommonJS under tsx (no "type": "module"), where top-level await is not allowed; a failure names the picture.
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
