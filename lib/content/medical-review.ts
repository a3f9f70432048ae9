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

/** Whether a page is medical as the schema reads it (unless it says `medical: false`); undefined when its settings cannot be read. */
export function pageIsMedical(source: string): boolean | undefined {
  return pageWords(source)?.medical;
}

/** The top-level settings of a page, each with the lines (1-based, within the YAML) it is written on. */
function settingLines(yaml: string): Map<string, { first: number; last: number }> | undefined {
  const lines = new LineCounter();
  const document = parseDocument(yaml, { lineCounter: lines });
  if (document.errors.length > 0 || !isMap(document.contents)) return undefined;
  const found = new Map<string, { first: number; last: number }>();
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== "string" || !pair.key.range) continue;
    const end = isScalar(pair.value) && pair.value.range ? pair.value.range[1] : pair.key.range[1];
    found.set(pair.key.value, { first: lines.linePos(pair.key.range[0]).line, last: lines.linePos(Math.max(end - 1, pair.key.range[0])).line });
  }
  return found;
}

/** `source` without the lines of its review settings. */
function withoutReviewFields(source: string): string {
  const block = pageSettingsBlock(source);
  const fields = block && settingLines(block.yaml);
  if (!block || !fields) return source;
  const dropped = new Set<number>();
  for (const name of REVIEW_FIELDS) {
    const lines = fields.get(name);
    for (let line = lines?.first ?? 1; lines && line <= lines.last; line++) dropped.add(line);
  }
  if (dropped.size === 0) return source;
  const yaml = block.yaml
    .split("\n")
    .filter((_, index) => !dropped.has(index + 1))
    .join("\n");
  return source.slice(0, block.yamlStart) + yaml + source.slice(block.yamlEnd);
}

/** What publishing writes in a page's settings: the day it changed, and the approval when a physician gave one. */
export interface PublishedSettings {
  updated: string;
  approval?: { reviewedBy: string; reviewed: string };
}

/**
 * The page as published: `updated` set to the day of the publish and, with an approval, `reviewedBy` and
 * `reviewed` written (after `updated` when they were not there). Only those lines change, so the commit's
 * difference shows the words that changed and these dates; every other line stays as the editor wrote it.
 * Throws when the settings cannot be read: the content check refuses such a page before anyone may publish it.
 */
export function withPublishedSettings(source: string, { updated, approval }: PublishedSettings): string {
  const block = pageSettingsBlock(source);
  const fields = block && settingLines(block.yaml);
  if (!block || !fields) throw new Error("The page's settings cannot be read, so its dates cannot be set");
  const values: [string, string][] = [["updated", updated]];
  if (approval) values.push(["reviewedBy", JSON.stringify(approval.reviewedBy)], ["reviewed", approval.reviewed]);
  const lines = block.yaml.split("\n");
  const replaced = new Map<number, string[]>();
  const removed = new Set<number>();
  const added: string[] = [];
  for (const [name, value] of values) {
    const at = fields.get(name);
    if (!at) {
      added.push(`${name}: ${value}`);
      continue;
    }
    replaced.set(at.first, [`${name}: ${value}`]);
    for (let line = at.first + 1; line <= at.last; line++) removed.add(line);
  }
  // New settings go after `updated` (always there once the check passes), else at the end of the settings.
  const after = fields.get("updated")?.last ?? lines.length;
  replaced.set(after, [...(replaced.get(after) ?? [lines[after - 1]!]), ...added]);
  const yaml = lines.flatMap((line, index) => (removed.has(index + 1) ? [] : (replaced.get(index + 1) ?? [line]))).join("\n");
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
