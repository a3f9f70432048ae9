/**
 * What the editor exchanges with the server: a save, and the content check's answer. The shapes match the
 * publishing service's (lib/publishing): the page passes its server actions in, the editor never imports them.
 */

/** A problem from the content check, at a line (and column) of the page's whole text, settings included. */
export interface EditorProblem {
  /** The file it is in, when the check names one (a problem the page causes in another file). */
  file?: string;
  line: number;
  column?: number;
  severity: "error" | "warning";
  message: string;
}

export interface EditorCheck {
  problems: EditorProblem[];
  /** The page's Flesch-Kincaid grade; undefined when it has no words yet. */
  readingLevel?: { grade?: number } | undefined;
}

export type EditorSaveResult =
  | { status: "saved"; version: number; source: string; check: EditorCheck }
  /** Someone saved a newer version first: nothing was written. */
  | { status: "conflict"; current: { version: number; source: string; savedBy: string; savedAt: string }; message: string };

export interface SaveDraftInput {
  /** The file, e.g. `content/benefits.mdx`. */
  path: string;
  source: string;
  /** The version this text was written on. */
  baseVersion: number;
}

/**
 * The server action that saves: called with a form (fields `path`, `source`, `baseVersion`), the one shape the
 * site's guard on server action posts accepts from a page's script (lib/security/server-action-post.ts).
 */
export type SaveDraftAction = (form: FormData) => Promise<EditorSaveResult>;

export function saveDraftForm({ path, source, baseVersion }: SaveDraftInput): FormData {
  const form = new FormData();
  form.set("path", path);
  form.set("source", source);
  form.set("baseVersion", String(baseVersion));
  return form;
}

export function readSaveDraftForm(form: FormData): SaveDraftInput {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return { path: field("path"), source: field("source"), baseVersion: Number(field("baseVersion")) };
}
