/**
 * A physician approves words, not a file. The approval is written in the page's settings (`reviewedBy` and its
 * date, `reviewed`); once a medical page's words change, that approval no longer covers them. The editor calls
 * clearReviewOnChange on every save, so "Last reviewed" and "Medically reviewed by" vanish until a physician
 * approves the new words; the approval itself writes both fields again.
 */
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { pageSettingsBlock } from "./settings-block";
import type { PageFrontmatter } from "./frontmatter";

/** The settings that say who approved the words and when. */
const REVIEW_FIELDS = ["reviewedBy", "reviewed"] as const satisfies readonly (keyof PageFrontmatter)[];

/** Settings that readers and search engines read as the page's words, beside the words under the settings. */
const WORDS_IN_SETTINGS = ["title", "description", "headline", "intro"] as const satisfies readonly (keyof PageFrontmatter)[];

interface PageWords {
  medical: boolean;
  words: string;
}

/** Whitespace differs between two texts that say the same (a line wrapped elsewhere); the words do not. */
const normalizeSpace = (text: string) => text.split(/\s+/).filter(Boolean).join(" ");

/** What a reader reads of a page, and whether it is medical; undefined when its settings cannot be read. */
function pageWords(source: string): PageWords | undefined {
  const block = pageSettingsBlock(source);
  if (!block) return undefined;
  const document = parseDocument(block.yaml);
  if (document.errors.length > 0) return undefined;
  const settings: unknown = document.toJS();
  if (typeof settings !== "object" || settings === null) return undefined;
  const field = (name: string) => (settings as Record<string, unknown>)[name];
  const settingsWords = WORDS_IN_SETTINGS.map((name) => `${name}\u0000${normalizeSpace(String(field(name) ?? ""))}`);
  return {
    // As the schema reads it: a page is medical unless it says `medical: false`.
    medical: field("medical") !== false,
    words: [...settingsWords, normalizeSpace(block.body)].join("\u0000"),
  };
}

/** `source` without the lines of its review settings. */
function withoutReviewFields(source: string): string {
  const block = pageSettingsBlock(source);
  if (!block) return source;
  const lines = new LineCounter();
  const document = parseDocument(block.yaml, { lineCounter: lines });
  if (!isMap(document.contents)) return source;
  const dropped = new Set<number>();
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !(REVIEW_FIELDS as readonly unknown[]).includes(pair.key.value) || !pair.key.range) continue;
    const end = isScalar(pair.value) && pair.value.range ? pair.value.range[1] : pair.key.range[1];
    const [first, last] = [lines.linePos(pair.key.range[0]).line, lines.linePos(Math.max(end - 1, pair.key.range[0])).line];
    for (let line = first; line <= last; line++) dropped.add(line);
  }
  if (dropped.size === 0) return source;
  const yaml = block.yaml
    .split("\n")
    .filter((_, index) => !dropped.has(index + 1))
    .join("\n");
  return source.slice(0, block.yamlStart) + yaml + source.slice(block.yamlEnd);
}

/**
 * The page source to save after an edit: `newSource` as it is, or without `reviewedBy` and `reviewed` when it is
 * a medical page whose words differ from `oldSource` (the version the physician approved; undefined for a new page,
 * whose copied review covers nothing). Only words count: the title, description, headline, intro and the text;
 * not the menu, the dates or a line wrapped elsewhere. A page whose settings cannot be read is returned as it is:
 * the content check refuses it, and the next save clears the review once it can be read.
 */
export function clearReviewOnChange(oldSource: string | undefined, newSource: string): { source: string; cleared: boolean } {
  const after = pageWords(newSource);
  if (!after?.medical) return { source: newSource, cleared: false };
  const before = oldSource === undefined ? undefined : pageWords(oldSource);
  if (before?.words === after.words) return { source: newSource, cleared: false };
  const source = withoutReviewFields(newSource);
  return { source, cleared: source !== newSource };
}
