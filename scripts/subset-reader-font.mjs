// Writes the site's font files before `next build` and `next dev` compile lib/fonts.ts, from the characters the
// content uses (see lib/reader-font/subset.mjs). It never stops on the content: a character the typeface lacks
// is a warning, and readers see it in their system font.
import path from "node:path";
import { characterInWords, readContentTexts, whereContentUses, writeReaderFontSubsets } from "../lib/reader-font/subset.mjs";

const files = readContentTexts(path.join(process.cwd(), "content"));
const { sizes, notInTypeface } = await writeReaderFontSubsets({ contentText: files.map((file) => file.text).join("\n") });
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(
  `Reader font: ${Object.entries(sizes)
    .map(([face, byWeight]) => `${face} ${Object.entries(byWeight).map(([weight, bytes]) => `${weight} ${kb(bytes)}`).join(", ")}`)
    .join("; ")} (main preloaded; the others only on a page that shows one of their letters).`,
);
for (const { file, line, character } of whereContentUses(files, notInTypeface)) {
  console.warn(`${file}:${line}: warning: ${characterInWords(character)} is not in the site's typeface: readers see it in their system font`);
}
