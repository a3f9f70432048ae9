// Writes the site's font subsets before `next build` and `next dev` compile lib/fonts.ts (see lib/reader-font/subset.mjs).
import { writeReaderFontSubsets } from "../lib/reader-font/subset.mjs";

const sizes = await writeReaderFontSubsets();
console.log(`Reader font subsets: ${Object.entries(sizes).map(([weight, bytes]) => `${weight} ${(bytes / 1024).toFixed(1)} KB`).join(", ")}.`);
