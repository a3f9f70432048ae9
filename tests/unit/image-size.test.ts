// @vitest-environment node
import { describe, expect, it } from "vitest";
import { publicImageSize, svgSize } from "@/lib/content/image-size";

describe("picture sizes", () => {
  it("reads an SVG's width and height, or its viewBox when they are missing", () => {
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="480" height="400" viewBox="0 0 480 400">')).toEqual({ width: 480, height: 400 });
    expect(svgSize('<svg viewBox="0 0 300 150">')).toEqual({ width: 300, height: 150 });
    expect(svgSize("<svg>")).toBeUndefined();
  });

  it("knows the size of the illustrations the site ships, and gives none for a missing file", () => {
    expect(publicImageSize("/images/lumbar-canal-normal.svg")).toEqual({ width: 480, height: 400 });
    expect(publicImageSize("/images/no-such-picture.svg")).toBeUndefined();
  });
});
