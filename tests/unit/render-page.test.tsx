// @vitest-environment node
/**
 * One function renders a page from its source (lib/content/render-page.tsx): the built pages and the staff's
 * preview of a draft both call it, so a draft looks as it will once published, and a page that holds code is
 * refused before any of it runs.
 */
import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseContentPage, type ContentPage } from "@/lib/content/pages";
import { renderPageSource } from "@/lib/content/render-page";

const FILE = "content/benefits.mdx";
const published = fs.readFileSync(path.join(process.cwd(), FILE), "utf8");

function pageOf(source: string, file = FILE): ContentPage {
  const page = parseContentPage(file, source);
  if (Array.isArray(page)) throw new Error(page.map((problem) => problem.message).join("\n"));
  return page;
}

async function htmlOf(source: string, file = FILE): Promise<string> {
  return renderToStaticMarkup(await renderPageSource(pageOf(source, file), source));
}

describe("renderPageSource", () => {
  it("renders a draft's words and components inside the site's page layout", async () => {
    const draft = published.replace(/\n---\n/, '\n---\n\nA sentence only the draft has.\n\n<Callout type="important">Draft callout words.</Callout>\n');
    const html = await htmlOf(draft);
    expect(html).toContain("A sentence only the draft has.");
    expect(html).toMatch(/<aside[^>]*>[\s\S]*Draft callout words\.[\s\S]*<\/aside>/);
    expect(html).toContain(`<h1 class="`);
    expect(html).toContain(`>${pageOf(draft).headline ?? pageOf(draft).title}</h1>`);
    // The site's frame: its header with the menu, its footer.
    expect(html).toContain('id="main-content"');
    expect(html).toMatch(/<footer/);
  });

  it("renders the home page in the home page's layout", async () => {
    const home = fs.readFileSync(path.join(process.cwd(), "content/index.mdx"), "utf8");
    const html = await htmlOf(home, "content/index.mdx");
    expect(html).toContain("Take the private self-check");
  });

  it("shows a title with <script> as text", async () => {
    const draft = published.replace(/^title: .*$/m, 'title: "Benefits <script>alert(1)</script>"').replace(/^headline: .*$/m, "");
    const html = await htmlOf(draft);
    expect(html).toContain("Benefits &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
  });

  it("refuses a page with code before any of it runs, with the file and line", async () => {
    const probe = globalThis as { renderPageProbe?: number };
    const draft = `${published.trimEnd()}\n\n{globalThis.renderPageProbe = 1}\n`;
    const line = draft.trimEnd().split("\n").length;
    await expect(htmlOf(draft)).rejects.toThrow(`${FILE}:${line}:1: {globalThis.renderPageProbe = 1} is code`);
    expect(probe.renderPageProbe).toBeUndefined();
  });
});
