// @vitest-environment node
/**
 * The editor's picture upload (lib/publishing/pictures.ts): what staff send is judged by its bytes, never by its
 * name or claimed type; what comes out is re-encoded by sharp, upright, without the camera's or the location's
 * metadata, sized for the site, under a tidy name; each upload is in the audit log.
 */
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { preparePicture, savePicture } from "@/lib/publishing/pictures";
import { testStaffContext } from "@/tests/support/staff";
import { openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CAMERA = "PhoneMaker Model-X";

/** A phone photo as a camera saves it: EXIF with the camera and where it was taken (GPS). */
async function photoWithLocation({ width = 1200, height = 900, orientation }: { width?: number; height?: number; orientation?: number } = {}) {
  const image = sharp({ create: { width, height, channels: 3, background: "#6a8caf" } }).jpeg({ quality: 90 });
  if (orientation) image.withMetadata({ orientation });
  return image
    .withExifMerge({
      IFD0: { Make: "PhoneMaker", Model: CAMERA },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "34/1 44/1 5/1", GPSLongitudeRef: "W", GPSLongitude: "92/1 16/1 9/1" },
    })
    .toBuffer();
}

async function refusalOf(name: string, bytes: Buffer | Uint8Array): Promise<string> {
  const result = await preparePicture({ name, bytes });
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.message;
}

describe("uploading a picture", () => {
  it("takes a phone photo's location and camera out, and keeps the picture", async () => {
    const photo = await photoWithLocation();
    const before = await sharp(photo).metadata();
    expect(before.exif?.toString("latin1")).toContain(CAMERA);
    // The GPS directory's tag (0x8825), in either byte order: the fixture really says where it was taken.
    const gpsTag = [Buffer.from([0x88, 0x25]), Buffer.from([0x25, 0x88])];
    expect(gpsTag.some((tag) => before.exif!.includes(tag))).toBe(true);

    const result = await preparePicture({ name: "IMG_2041.JPG", bytes: photo });
    if (!result.ok) throw new Error(result.message);
    const after = await sharp(result.picture.bytes).metadata();
    expect([after.format, after.width, after.height]).toEqual(["jpeg", 1200, 900]);
    expect([after.exif, after.xmp, after.iptc]).toEqual([undefined, undefined, undefined]);
    expect(Buffer.from(result.picture.bytes).toString("latin1")).not.toContain("PhoneMaker");
    expect(result.picture).toMatchObject({ width: 1200, height: 900 });
    expect(result.picture.fileName).toMatch(/^img-2041-[0-9a-f]{8}\.jpg$/);
  });

  it("turns a sideways photo upright before it drops the orientation, and makes a large one at most 2000 pixels wide", async () => {
    const result = await preparePicture({ name: "Back Yard.jpeg", bytes: await photoWithLocation({ width: 4032, height: 3024, orientation: 6 }) });
    if (!result.ok) throw new Error(result.message);
    expect(result.picture).toMatchObject({ width: 1500, height: 2000 });
    const upright = await sharp(result.picture.bytes).metadata();
    expect([upright.width, upright.height, upright.orientation]).toEqual([1500, 2000, undefined]);
    expect(result.picture.fileName).toMatch(/^back-yard-[0-9a-f]{8}\.jpg$/);
  });

  it("accepts PNG and WebP, checked by their bytes whatever the name says", async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: "#fff0" } }).png().toBuffer();
    const webp = await sharp({ create: { width: 320, height: 240, channels: 3, background: "#123" } }).webp().toBuffer();
    const fromPng = await preparePicture({ name: "diagram.jpg", bytes: png });
    const fromWebp = await preparePicture({ name: "Hallway", bytes: webp });
    expect(fromPng).toMatchObject({ ok: true, picture: { width: 300, height: 200, fileName: expect.stringMatching(/^diagram-[0-9a-f]{8}\.png$/) } });
    expect(fromWebp).toMatchObject({ ok: true, picture: { width: 320, height: 240, fileName: expect.stringMatching(/^hallway-[0-9a-f]{8}\.webp$/) } });
    if (fromPng.ok) expect((await sharp(fromPng.picture.bytes).metadata()).format).toBe("png");
  });

  it("refuses an SVG drawing, even one named .png", async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    for (const name of ["drawing.svg", "drawing.png"]) {
      expect(await refusalOf(name, svg)).toBe(
        `"${name}" is an SVG drawing, which can carry code: upload a photo or picture saved as JPEG, PNG or WebP instead`,
      );
    }
  });

  it("refuses a web page renamed .jpg, and anything else that is not a JPEG, PNG or WebP", async () => {
    expect(await refusalOf("photo.jpg", Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"))).toBe(
      `"photo.jpg" is not a picture (it is a web page), whatever its name says: upload a photo or picture saved as JPEG, PNG or WebP`,
    );
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } }).gif().toBuffer();
    expect(await refusalOf("anim.gif", gif)).toBe(`"anim.gif" is not a JPEG, PNG or WebP picture (it is a GIF): save it as JPEG, PNG or WebP and upload that`);
    expect(await refusalOf("empty.jpg", Buffer.alloc(0))).toBe(`"empty.jpg" is empty: choose the picture again`);
  });

  it("refuses a JPEG that is cut short, saying so", async () => {
    const photo = await photoWithLocation();
    expect(await refusalOf("broken.jpg", photo.subarray(0, 600))).toBe(
      `"broken.jpg" could not be read as a JPEG picture (it may be damaged or cut short): save it again and upload the new copy`,
    );
  });

  it("refuses a file over 10 MB before reading it", async () => {
    const tooLarge = Buffer.alloc(10 * 1024 * 1024 + 1);
    tooLarge.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await refusalOf("huge.jpg", tooLarge)).toBe(`"huge.jpg" is 10.0 MB; a picture may be at most 10 MB: save a smaller copy (2000 pixels wide is plenty) and upload that`);
  });

  it("savePicture gives the file to add to the commit and records the upload in the audit log", async () => {
    const store = await openTestSqliteStore(cleanups);
    const context = testStaffContext(store);
    const staff = { context, user: { id: "user-ana", email: "ana@clinic.example", name: "Ana", role: "staff" as const, abilities: ["edit" as const] }, clientAddress: "203.0.113.9" };
    const saved = await savePicture({ name: "Front Desk.jpg", bytes: await photoWithLocation() }, staff);
    if (!saved.ok) throw new Error(saved.message);
    expect(saved.picture.path).toBe(`public/images/${saved.picture.fileName}`);
    expect(saved.picture.src).toBe(`/images/${saved.picture.fileName}`);

    const entries = await store.listAudit({ limit: 10 });
    expect(entries).toEqual([
      expect.objectContaining({ actorEmail: "ana@clinic.example", action: "page-picture-upload", detail: `${saved.picture.fileName} (${saved.picture.bytes.length} bytes, 1200×900)` }),
    ]);
    // The address only as a keyed hash, like every entry.
    expect(entries[0]!.ipHash).toEqual(expect.any(String));
    expect(entries[0]!.ipHash).not.toContain("203.0.113");

    const refused = await savePicture({ name: "page.jpg", bytes: Buffer.from("<html></html>") }, staff);
    expect(refused.ok).toBe(false);
    expect(await store.listAudit({ limit: 10 })).toHaveLength(1);
  });
});
