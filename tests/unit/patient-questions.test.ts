// @vitest-environment node
/**
 * What patients still asked after reading the site (issue 23), answered in content/ with the fact sheet's own
 * words (FACTS.md): what the comparisons found, the clinic's view of spacers and surgery said as its view, the
 * limits of MILD, the full name on the home page's first screen and the clearance numbers on /evidence.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getContentPage } from "@/lib/content/pages";

const source = (name: string) => fs.readFileSync(path.join(process.cwd(), "content", `${name}.mdx`), "utf8");

/** The words of one `## ` section, up to the next. */
function section(name: string, heading: string): string {
  const text = source(name);
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, `content/${name}.mdx has a "## ${heading}" section`).toBeGreaterThan(-1);
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start, end === -1 ? undefined : end);
}

/** The page's sentences, one a line, without Markdown's links and emphasis. */
function sentences(name: string): string[] {
  return source(name)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*/g, "")
    .split(/(?<=[.?!])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

describe("/evidence says what the comparisons found", () => {
  it("MiDAS ENCORE at 1 year: more people improved after MILD than after injections, on the main measure, cited", () => {
    const midas = section("evidence", "MiDAS ENCORE: MILD compared with steroid injections");
    expect(midas).toMatch(/At 1 year, more people improved after MILD than after steroid injections, on the study's main measure\.<Cite id="benyamin-2016" \/>/);
    // The fact sheet holds no percentages for it.
    expect(midas).not.toMatch(/\d+(\.\d+)? ?(%|percent)[^\n]*1 year|1 year[^\n]*\d+(\.\d+)? ?(%|percent)/);
  });

  it("MOTION at 6 months: the MILD plus usual care group improved more than usual care alone, with no figures", () => {
    const motion = section("evidence", "MOTION: MILD plus usual care compared with usual care alone");
    // The section names its two groups first: MILD plus usual care, and usual care alone.
    expect(motion).toMatch(/One group got MILD plus their usual care\. The other group got usual care alone\./);
    const finding = motion.split("\n").find((line) => line.includes("At 6 months"));
    expect(finding).toMatch(/At 6 months, the MILD group had improved more than the usual care group, on the study's measures\./);
    expect(finding).toContain('<Cite id="deer-2021" />');
    expect(finding!.replace(/<Cite[^>]*>/g, "").replace("6 months", "")).not.toMatch(/\d/);
  });

  it("gives a plain reason instead of \"We do not give its figures on this page\"", () => {
    const fiveYears = section("evidence", "A 5-year follow-up");
    expect(fiveYears).not.toContain("We do not give its figures on this page");
    expect(fiveYears).toMatch(/because|so we/i);
  });

  it("keeps the 510(k) numbers, which the home page no longer shows", () => {
    expect(section("evidence", "FDA clearance")).toMatch(/510\(k\)[^\n]*K062038[^\n]*K233800/);
    expect(source("index")).not.toMatch(/510\(k\)|K062038|K233800/);
    expect(source("index")).toMatch(/\*\*FDA-cleared\.\*\*/);
  });
});

describe("risk compared with spacers and surgery is the clinic's view, never a study's finding", () => {
  it.each(["mild-procedure", "faq", "benefits"])("content/%s.mdx credits no study with a comparison with spacers or surgery", (name) => {
    const naming = sentences(name).filter((sentence) => /spacer|open surger/i.test(sentence));
    expect(naming.length, "the page names spacers or surgery").toBeGreaterThan(0);
    // "No study has compared …" is the one way a sentence that names them may speak of studies.
    for (const sentence of naming) expect(sentence.replace(/^No study has compared/, "")).not.toMatch(/\b(studies|study|trials?)\b/i);
  });

  it.each(["mild-procedure", "faq"])("content/%s.mdx says the comparison is the clinic's view, and that no study made it", (name) => {
    const text = sentences(name).join(" ");
    expect(text).toMatch(/No study has compared MILD with spacer implants or open surgery\./);
    expect(text).toMatch(/We consider/);
  });
});

describe("/benefits has the limits of MILD", () => {
  it("names each limit the fact sheet gives", () => {
    const limits = section("benefits", "Limits of MILD");
    expect(limits).toMatch(/only the ligament/i);
    expect(limits).toMatch(/bone spurs/i);
    expect(limits).toMatch(/may not help/i);
    expect(limits).toMatch(/relief may not last/i);
    expect(limits).toMatch(/Medicare[^\n]*study[^\n]*approved|approved study/i);
    expect(limits).toMatch(/ask our staff to check your plan/i);
    expect(limits).toMatch(/maker of the device paid for/i);
    expect(limits).toMatch(/open-label/i);
  });
});

describe("the home page's first screen", () => {
  it("spells out minimally invasive lumbar decompression where it first names MILD, in the intro", () => {
    const home = getContentPage("");
    expect(home?.intro).toMatch(/^[^]*?MILD \(minimally invasive lumbar decompression\)/);
    expect(home?.headline ?? "").not.toMatch(/MILD/);
  });
});
