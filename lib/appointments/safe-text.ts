/**
 * Patients' text shown to staff (the command line, CSV files): characters that would change how the text around
 * them displays are replaced with a visible "�". The form refuses them, but rows stored before it did, or written
 * some other way, must not make a name display as a phone number in the staff's terminal or spreadsheet.
 */
// Text-direction embeddings, overrides, isolates and marks, and control characters other than tab and line breaks.
const DISPLAY_CHANGING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function neutraliseForDisplay(text: string): string {
  return text.replace(DISPLAY_CHANGING, "\uFFFD");
}
