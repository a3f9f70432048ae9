/**
 * Characters that change how the text around them displays, or hide text: the form refuses them (./schema.ts),
 * and patients' text shown to staff (the command line, CSV files) shows any that are stored anyway (rows from
 * before the form refused them) as a visible "�", so a name can never display as a phone number.
 */
// Control characters other than tab and line breaks; text-direction marks, embeddings, overrides and isolates;
// deprecated format controls; interlinear annotation; tag characters (invisible text).
const HIDDEN_OR_REORDERING =
  "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u206F\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}";

const ANY_HIDDEN_OR_REORDERING = new RegExp(`[${HIDDEN_OR_REORDERING}]`, "u");
const EVERY_HIDDEN_OR_REORDERING = new RegExp(`[${HIDDEN_OR_REORDERING}]`, "gu");

/** True when `text` holds a character the form refuses. */
export const hasHiddenOrReorderingCharacters = (text: string) => ANY_HIDDEN_OR_REORDERING.test(text);

export function neutraliseForDisplay(text: string): string {
  return text.replace(EVERY_HIDDEN_OR_REORDERING, "\uFFFD");
}

/** The characters a reader can see: without those that display as nothing (zero-width spaces, Hangul fillers). */
export const visibleCharacters = (text: string) => text.replace(/\p{Default_Ignorable_Code_Point}/gu, "");
