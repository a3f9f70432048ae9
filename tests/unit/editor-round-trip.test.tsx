/**
 * Round trip, on every page in content/: opening a page in the editor and saving it unchanged gives the same file,
 * and changing one word changes one line. The pages go through the real MDXEditor with the editor's own plugins
 * (jsdom, no browser), so the serialisations merged here are the ones staff would produce.
 */
import { MDXEditor, type MDXEditorMethods } from "@mdxeditor/editor";
import { render, waitFor } from "@testing-library/react";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRef } from "react";
import { EDITOR_MARKDOWN_STYLE, editorPlugins } from "@/components/staff/editor/editor-plugins";
import { keepUnchangedLines, splitPageSource } from "@/components/staff/editor/round-trip";
import { diffSequences } from "@/lib/text-diff";

const CONTENT = path.join(process.cwd(), "content");
const pages = readdirSync(CONTENT)
  .filter((file) => file.endsWith(".mdx"))
  .map((file) => ({ file, source: readFileSync(path.join(CONTENT, file), "utf8") }));

/** The editor's Markdown for `markdown`, as the editor writes it right after opening it. */
async function throughEditor(markdown: string): Promise<string> {
  const editor = createRef<MDXEditorMethods>();
  const errors: string[] = [];
  const view = render(
    <MDXEditor
      ref={editor}
      markdown={markdown}
      toMarkdownOptions={EDITOR_MARKDOWN_STYLE}
      plugins={editorPlugins({ choices: { pages: [], references: [] } })}
      onError={({ error }) => errors.push(error)}
    />,
  );
  await waitFor(() => expect(editor.current).not.toBeNull());
  const written = editor.current!.getMarkdown();
  view.unmount();
  expect(errors).toEqual([]);
  return written;
}

/** Lines to change a word on, spread over the page: prose, list items, table cells, component fields and headings. */
function linesToChange(body: string): number[] {
  const lines = body.split("\n");
  const candidates = lines.flatMap((line, index) => (/\b[a-z]{6,}\b/.test(line) ? [index] : []));
  const picks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((share) => candidates[Math.round(share * (candidates.length - 1))]);
  return [...new Set(picks.filter((index): index is number => index !== undefined))];
}

/** The lines where `saved` is not what was expected, to read in a failure. */
function differentLines(saved: string, expected: string): string[] {
  return diffSequences(saved.split("\n"), expected.split("\n")).map(
    (hunk) => `saved ${hunk.aStart + 1}: ${saved.split("\n").slice(hunk.aStart, hunk.aEnd).join("⏎")} | expected ${hunk.bStart + 1}: ${expected.split("\n").slice(hunk.bStart, hunk.bEnd).join("⏎")}`,
  );
}

describe.each(pages)("content/$file in the editor", ({ source }) => {
  const { settings, body } = splitPageSource(source);

  test("saving without a change gives the same file, even after the editor reads its own output again", async () => {
    const editorOriginal = await throughEditor(body);
    expect(settings + keepUnchangedLines({ original: body, editorOriginal, editorNow: editorOriginal })).toBe(source);
    // Switching to the source view and back re-reads the editor's own Markdown: still no change to the file.
    const editorAgain = await throughEditor(editorOriginal);
    expect(settings + keepUnchangedLines({ original: body, editorOriginal, editorNow: editorAgain })).toBe(source);
  });

  test("changing one word changes that one line and nothing else", async () => {
    const editorOriginal = await throughEditor(body);
    for (const lineIndex of linesToChange(body)) {
      const lines = body.split("\n");
      lines[lineIndex] = (lines[lineIndex] as string).replace(/\b([a-z]{6,})\b/, "$1x");
      const changedBody = lines.join("\n");
      const editorNow = await throughEditor(changedBody);
      const saved = keepUnchangedLines({ original: body, editorOriginal, editorNow });
      expect({ changedLine: lineIndex + 1, differences: differentLines(saved, changedBody) }).toEqual({ changedLine: lineIndex + 1, differences: [] });
    }
  });
});

describe("changes where the editor writes differently from the page", () => {
  const pageBody = (file: string) => splitPageSource(pages.find((page) => page.file === file)!.source).body;

  /** Saves `body` with `from` replaced by `to` in the editor, and returns what is saved and what was expected. */
  async function save(body: string, from: string, to: string) {
    expect(body).toContain(from);
    const changedBody = body.replace(from, to);
    const saved = keepUnchangedLines({ original: body, editorOriginal: await throughEditor(body), editorNow: await throughEditor(changedBody) });
    return { saved, differences: differentLines(saved, changedBody) };
  }

  test("a word in a table cell changes that row, unpadded as the page writes it", async () => {
    const { differences } = await save(pageBody("benefits.mdx"), "| Usually the same day |", "| Often the same day |");
    expect(differences).toEqual([]);
  });

  test("a picture's description changes its alt line only, inside a numbered step", async () => {
    const { differences } = await save(pageBody("mild-procedure.mdx"), "A person lies face down on a table.", "A person lies face down on a bed.");
    expect(differences).toEqual([]);
  });

  test("a new paragraph adds its lines and keeps every other line", async () => {
    const body = pageBody("benefits.mdx");
    const { saved } = await save(body, "\n## Benefits of MILD\n", "\nA new paragraph.\n\n## Benefits of MILD\n");
    const added = diffSequences(body.split("\n"), saved.split("\n"));
    expect(added).toHaveLength(1);
    expect(saved.split("\n").slice(added[0]!.bStart, added[0]!.bEnd).filter((line) => line.trim() !== "")).toEqual(["A new paragraph."]);
    expect(added[0]!.aEnd - added[0]!.aStart).toBe(0);
  });
});
