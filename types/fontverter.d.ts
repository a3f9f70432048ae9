// fontverter 2 ships no types: the part of its API that lib/reader-font/subset.mjs uses.
declare module "fontverter" {
  export function convert(font: Buffer, toFormat: "truetype" | "sfnt" | "woff" | "woff2"): Promise<Buffer>;
}
