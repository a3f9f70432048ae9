/**
 * A page's settings (the YAML between the `---` lines) as the settings form reads and changes them. A change
 * rewrites only the line of the field that changed: the YAML writer's other choices (quotes, order) are merged
 * away as the body's are (round-trip.ts).
 */
import { isMap, parseDocument } from "yaml";
import { keepUnchangedLines } from "./round-trip";

/** The fields as written; an empty object when the settings cannot be read (the check says why). */
export function readPageSettings(settingsBlock: string): Record<string, unknown> {
  const yaml = settingsBlock.replace(/^---\r?\n/, "").replace(/\r?\n---\r?\n?$/, "");
  const document = parseDocument(yaml);
  if (document.errors.length > 0 || !isMap(document.contents)) return {};
  return document.toJS() as Record<string, unknown>;
}

/**
 * The settings block with `name` set to `value` (or removed, for undefined: an optional setting left empty). Settings that cannot be read are
 * returned as they are: the source view is where they get fixed.
 */
export function writePageSetting(settingsBlock: string, name: string, value: unknown): string {
  const match = /^(---\r?\n)([\s\S]*?\r?\n)(---\r?\n?)$/.exec(settingsBlock);
  if (!match) return settingsBlock;
  const [, opening, yaml, closing] = match as unknown as [string, string, string, string];
  const document = parseDocument(yaml);
  if (document.errors.length > 0 || !isMap(document.contents)) return settingsBlock;
  const before = document.toString({ lineWidth: 0 });
  if (value === undefined) document.delete(name);
  else document.set(name, value);
  const after = document.toString({ lineWidth: 0 });
  return opening + keepUnchangedLines({ original: yaml, editorOriginal: before, editorNow: after }) + closing;
}
