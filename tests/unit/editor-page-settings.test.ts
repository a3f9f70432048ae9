/** The settings form changes one setting's line and nothing else, on every page in content/. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readPageSettings, writePageSetting } from "@/components/staff/editor/page-settings";
import { splitPageSource } from "@/components/staff/editor/round-trip";
import { pageFrontmatterSchema } from "@/lib/content/frontmatter";
import { diffSequences } from "@/lib/text-diff";

const CONTENT = path.join(process.cwd(), "content");
const pages = readdirSync(CONTENT).filter((file) => file.endsWith(".mdx")).map((file) => ({ file, source: readFileSync(path.join(CONTENT, file), "utf8") }));

const changedLines = (before: string, after: string) => diffSequences(before.split("\n"), after.split("\n"));

describe.each(pages)("content/$file's settings", ({ source }) => {
  const { settings } = splitPageSource(source);

  test("read as the build reads them", () => {
    expect(pageFrontmatterSchema.safeParse(readPageSettings(settings)).success).toBe(true);
  });

  test("a new title changes the title's line only, and keeps the file's quotes elsewhere", () => {
    const written = writePageSetting(settings, "title", "A title: with a colon");
    expect(readPageSettings(written).title).toBe("A title: with a colon");
    const hunks = changedLines(settings, written);
    expect(hunks).toHaveLength(1);
    expect([hunks[0]!.aEnd - hunks[0]!.aStart, hunks[0]!.bEnd - hunks[0]!.bStart]).toEqual([1, 1]);
  });

  test("a new menu position is a number on one line", () => {
    const written = writePageSetting(settings, "navOrder", 42);
    expect(readPageSettings(written).navOrder).toBe(42);
    expect(changedLines(settings, written)).toHaveLength(1);
  });

  test("setting a value back to what the file says gives the file's text", () => {
    const { title } = readPageSettings(settings);
    expect(writePageSetting(writePageSetting(settings, "title", "Something else entirely"), "title", title)).toBe(settings);
  });
});
