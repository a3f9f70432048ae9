/**
 * The picture a link preview shows (Open Graph and Twitter card): the page's title, large, with the clinic's
 * name and phone number, in the clinic's colours. Routes render it from their opengraph-image.tsx at build
 * time, so every page has its own PNG and the running site does no image work.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import type { Clinic } from "@/lib/site";
import { colors } from "@/tailwind.config";

/** The size link previews expect (1.91:1); Facebook, LinkedIn, iMessage and X all crop to it. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 };
export const SHARE_IMAGE_CONTENT_TYPE = "image/png";

/** Spoken in place of the picture; the preview already reads out the page's title beside it. */
export function shareImageAlt(clinic: Clinic): string {
  return `${clinic.name}. Call ${clinic.phone.display}`;
}

const FONT_FAMILY = "Atkinson Hyperlegible";
// next/og reads TTF, OTF and WOFF, not WOFF2. Atkinson Hyperlegible was drawn for readers with low vision.
const FONT_FILES = { 400: "atkinson-hyperlegible-latin-400-normal.woff", 700: "atkinson-hyperlegible-latin-700-normal.woff" };
const FONT_DIR = path.join(process.cwd(), "node_modules", "@fontsource", "atkinson-hyperlegible", "files");

async function loadFonts() {
  return Promise.all(
    Object.entries(FONT_FILES).map(async ([weight, file]) => ({
      name: FONT_FAMILY,
      data: await readFile(path.join(FONT_DIR, file)),
      weight: Number(weight) as 400 | 700,
      style: "normal" as const,
    })),
  );
}

/**
 * Titles are at most 45 characters (the frontmatter schema), which this size sets on two lines, three at most,
 * still legible when the preview is a small thumbnail.
 */
const TITLE_FONT_SIZE = 84;

export async function renderShareImage(pageTitle: string, clinic: Clinic): Promise<ImageResponse> {
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "64px 80px",
          background: colors.brand[800],
          color: "white",
          fontFamily: FONT_FAMILY,
        }}
      >
        <div style={{ display: "flex", fontSize: 44, fontWeight: 700, color: colors.brand[100] }}>{clinic.name}</div>
        <div style={{ display: "flex", fontSize: TITLE_FONT_SIZE, fontWeight: 700, lineHeight: 1.1 }}>{pageTitle}</div>
        <div style={{ display: "flex" }}>
          <div
            style={{
              display: "flex",
              padding: "16px 36px",
              borderRadius: 16,
              background: "white",
              color: colors.brand[800],
              fontSize: 48,
              fontWeight: 700,
            }}
          >
            Call {clinic.phone.display}
          </div>
        </div>
      </div>
    ),
    { ...SHARE_IMAGE_SIZE, fonts: await loadFonts() },
  );
}
