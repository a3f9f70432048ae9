// @vitest-environment node
/**
 * A phone photo saved in public/images/ reaches a phone in a size that fits its screen: the build step writes
 * smaller copies, and <Figure> (and a Markdown picture) offer them with srcset, width and height.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mdxComponents } from "@/components/mdx";
import { generateResponsivePictures } from "@/lib/pictures/generate";

const { Figure, img: MarkdownPicture } = mdxComponents;

let project: string;
const publicDir = () => path.join(project, "public");

beforeEach(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), "pictures-"));
  fs.mkdirSync(path.join(publicDir(), "images"), { recursive: true });
  // The components read public/ from the folder the site is built in.
  vi.spyOn(process, "cwd").mockReturnValue(project);
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(project, { recursive: true, force: true });
});

/** A camera's photo: 4032×3024 of noise, which compresses as badly as a real one (several MB). */
async function savePhoneCameraPhoto(name: string): Promise<number> {
  const [width, height] = [4032, 3024];
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
  const file = path.join(publicDir(), "images", name);
  await sharp(noise, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toFile(file);
  return fs.statSync(file).size;
}

function imgAttributes(html: string) {
  const tag = /<img\b[^>]*>/.exec(html)?.[0] ?? "";
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return { src: attribute("src"), srcSet: attribute("srcSet") ?? attribute("srcset"), sizes: attribute("sizes"), width: attribute("width"), height: attribute("height") };
}

/** Each `url 400w` of a srcset, with the file it names under public/. */
function candidates(srcSet: string | undefined) {
  return (srcSet ?? "").split(/,\s*/).filter(Boolean).map((candidate) => {
    const [url, descriptor] = candidate.split(/\s+/);
    return { url: url!, width: Number(descriptor!.replace(/w$/, "")), file: path.join(publicDir(), url!) };
  });
}

describe("pictures that fit a phone", () => {
  it("serves a 4032×3024 camera photo in screen-sized copies, with its width and height set", async () => {
    const originalBytes = await savePhoneCameraPhoto("knee-clinic.jpg");
    expect(originalBytes).toBeGreaterThan(2_000_000);
    await generateResponsivePictures(publicDir());

    const html = renderToStaticMarkup(<Figure src="/images/knee-clinic.jpg" alt="The clinic's waiting room" caption="Our waiting room." />);
    const img = imgAttributes(html);
    // The space is kept before the picture arrives: width and height in the photo's proportions.
    expect([img.width, img.height]).toEqual(["4032", "3024"]);
    expect(img.sizes).toBeTruthy();
    const offered = candidates(img.srcSet);
    expect(offered.map((candidate) => candidate.width)).toEqual([400, 800, 1200, 1600]);
    for (const candidate of offered) {
      expect(candidate.url).toMatch(/^\/generated\/images\/[a-z0-9-]+\.jpg$/);
      const metadata = await sharp(candidate.file).metadata();
      expect([metadata.width, metadata.height]).toEqual([candidate.width, Math.round((candidate.width * 3024) / 4032)]);
    }
    // A phone (about 400 CSS pixels, 3 device pixels each) takes the 1200 copy: a small part of the original.
    expect(fs.statSync(offered.find((candidate) => candidate.width === 1200)!.file).size).toBeLessThan(originalBytes / 5);
    // The plain src, for a browser without srcset, is never the full-size original either.
    expect(img.src).toMatch(/^\/generated\/images\//);
  });

  it("gives a Markdown picture the same copies, and leaves drawings (SVG) as they are", async () => {
    await savePhoneCameraPhoto("waiting-room.jpg");
    fs.writeFileSync(path.join(publicDir(), "images", "spine.svg"), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 400"></svg>');
    await generateResponsivePictures(publicDir());

    const markdown = imgAttributes(renderToStaticMarkup(<MarkdownPicture src="/images/waiting-room.jpg" alt="The waiting room" />));
    expect([markdown.width, markdown.height]).toEqual(["4032", "3024"]);
    expect(candidates(markdown.srcSet).length).toBeGreaterThan(1);

    const drawing = imgAttributes(renderToStaticMarkup(<Figure src="/images/spine.svg" alt="The spine" caption="The spine." />));
    expect(drawing).toMatchObject({ src: "/images/spine.svg", srcSet: undefined, width: "480", height: "400" });
  });

  it("turns a sideways phone photo upright (its EXIF orientation) and never makes a copy larger than the original", async () => {
    const file = path.join(publicDir(), "images", "small.jpg");
    await sharp({ create: { width: 600, height: 300, channels: 3, background: "#8a9" } }).jpeg().withMetadata({ orientation: 6 }).toFile(file);
    await generateResponsivePictures(publicDir());

    const img = imgAttributes(renderToStaticMarkup(<Figure src="/images/small.jpg" alt="A small picture" caption="Small." />));
    expect([img.width, img.height]).toEqual(["300", "600"]);
    const offered = candidates(img.srcSet);
    expect(offered.map((candidate) => candidate.width)).toEqual([300]);
    const copy = await sharp(offered[0]!.file).metadata();
    expect([copy.width, copy.height, copy.orientation]).toEqual([300, 600, undefined]);
  });

  it("removes the copies of a picture that is gone, and keeps the copies of one that has not changed", async () => {
    await savePhoneCameraPhoto("old.jpg");
    await generateResponsivePictures(publicDir());
    const generated = path.join(publicDir(), "generated", "images");
    const before = fs.readdirSync(generated).filter((name) => name.endsWith(".jpg"));
    expect(before.length).toBe(4);

    const again = await generateResponsivePictures(publicDir());
    expect(again.written).toBe(0);

    fs.rmSync(path.join(publicDir(), "images", "old.jpg"));
    await generateResponsivePictures(publicDir());
    expect(fs.readdirSync(generated).filter((name) => name.endsWith(".jpg"))).toEqual([]);
  });
});
