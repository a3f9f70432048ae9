// subset-font 2.9 ships no types: the part of its API that lib/reader-font/subset.mjs uses.
declare module "subset-font" {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "woff2" | "woff" | "truetype" | "sfnt"; noHinting?: boolean; keepFeatures?: string[]; dropTables?: string[] },
  ): Promise<Buffer>;
}
