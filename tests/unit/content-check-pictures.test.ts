// @vitest-environment node
/**
 * The content check on pictures as staff save them: a camera's full-size photo is flagged (it still publishes),
 * and a file name with spaces or capitals gets a message that says so and what to rename it to. Run on the real
 * content/ and public/ copied to a folder of its own, plus one page and its pictures, read from the disk as
 * `npm run content:check` reads them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR } from "@/lib/content/pages";

let site: string;
let lines: string[];

const PAGE = `---
title: "Our waiting room"
description: "Pictures of the waiting room at the clinic, so you know what to expect when you come for your visit."
navLabel: "Waiting room"
navOrder: 40
updated: 2026-12-01
---

## Pictures

<Figure src="/images/waiting-room.jpg" alt="The waiting room" caption="The waiting room." />

![The front desk](/images/Front-Desk.JPG)

<Figure src="/images/Parking Lot.jpg" alt="The parking lot" caption="The parking lot." />

![The hallway](/images/hallway.jpg)
`;

async function savePhoto(name: string, { width, height, noisy }: { width: number; height: number; noisy: boolean }) {
  const pixels = Buffer.alloc(width * height * 3, 0x80);
  if (noisy) for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 2654435761) >>> 24;
  await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toFile(path.join(site, "public", "images", name));
}

beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), "content-check-pictures-"));
  fs.cpSync(CONTENT_DIR, path.join(site, "content"), { recursive: true });
  fs.cpSync(path.join(process.cwd(), "public", "images"), path.join(site, "public", "images"), { recursive: true });
  fs.writeFileSync(path.join(site, "content", "waiting-room.mdx"), PAGE);
  await savePhoto("waiting-room.jpg", { width: 2016, height: 1512, noisy: true });
  await savePhoto("Front-Desk.JPG", { width: 800, height: 600, noisy: false });
  await savePhoto("Parking Lot.jpg", { width: 800, height: 600, noisy: false });
  await savePhoto("hallway.jpg", { width: 800, height: 600, noisy: false });
  const report = await checkContent(readContentCheckInput(path.join(site, "content"), path.join(site, "public")));
  // Named as in the project (content/…), whichever folder the copy is in.
  lines = report.problems
    .filter((problem) => problem.file.endsWith("/waiting-room.mdx"))
    .map((problem) => formatContentProblem({ ...problem, file: "content/waiting-room.mdx" }));
});

afterAll(() => fs.rmSync(site, { recursive: true, force: true }));

describe("the content check on pictures", () => {
  it("warns about a picture over 500 KB, saying how large it is and what to do", () => {
    const size = fs.statSync(path.join(site, "public", "images", "waiting-room.jpg")).size;
    expect(size).toBeGreaterThan(500 * 1024);
    const megabytes = (size / 1024 / 1024).toFixed(1);
    expect(lines).toContain(
      `content/waiting-room.mdx:11:1: warning: the picture /images/waiting-room.jpg is ${megabytes} MB; keep pictures under 500 KB: save it at most 2000 pixels wide (the editor's upload does this for you)`,
    );
  });

  it("says a file name has capitals, and what to rename it to", () => {
    expect(lines).toContain(
      "content/waiting-room.mdx:13:1: warning: the picture /images/Front-Desk.JPG has capitals in its file name: rename public/images/Front-Desk.JPG to front-desk.jpg and write /images/front-desk.jpg",
    );
  });

  it("says a file name has spaces, and what to rename it to", () => {
    expect(lines).toContain(
      "content/waiting-room.mdx:15: <Figure> `src` has spaces and capitals in its file name: rename public/images/Parking Lot.jpg to parking-lot.jpg and write /images/parking-lot.jpg",
    );
  });

  it("has nothing to say about a small picture with a tidy name", () => {
    expect(lines.filter((line) => line.includes("hallway"))).toEqual([]);
    expect(lines).toHaveLength(3);
  });
});
