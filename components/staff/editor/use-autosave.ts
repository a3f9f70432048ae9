/**
 * Saves the draft while the person types: a moment after they stop, one save at a time, the newest text always
 * last. The text is kept in this browser until the server has it, so a closed tab or a dropped connection loses
 * nothing; a failed save is retried (sooner when the browser says it is back online). A save over a newer
 * version is refused by the server, and then nothing more is sent: the person sees both texts and chooses.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { saveDraftForm, type EditorSaveResult, type SaveDraftAction } from "./types";

export type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "retrying" }
  | { kind: "conflict"; savedBy: string; savedAt: string; theirSource: string; yourSource: string; message: string };

/** What a save state says, in the words the status line shows. */
export function saveStateLabel(state: SaveState): string {
  switch (state.kind) {
    case "saved":
      return "Saved";
    case "saving":
      return "Saving…";
    case "retrying":
      return "Not saved — retrying";
    case "conflict":
      return "Not saved — someone saved a newer version";
  }
}

/** The text this browser holds for a file until the server has it. */
interface KeptText {
  source: string;
  baseVersion: number;
}

const keptTextKey = (path: string) => `staff-editor:${path}`;

export function readKeptText(path: string): KeptText | undefined {
  try {
    const kept = JSON.parse(window.localStorage.getItem(keptTextKey(path)) ?? "null") as KeptText | null;
    return kept && typeof kept.source === "string" && typeof kept.baseVersion === "number" ? kept : undefined;
  } catch {
    return undefined;
  }
}

function keepText(path: string, kept: KeptText | undefined): void {
  try {
    if (kept) window.localStorage.setItem(keptTextKey(path), JSON.stringify(kept));
    else window.localStorage.removeItem(keptTextKey(path));
  } catch {
    // A browser that keeps nothing (private mode, full storage) still saves to the server.
  }
}

export interface AutosaveOptions {
  path: string;
  version: number;
  save: SaveDraftAction;
  /** Called with each answer the server gives to a save (the check's problems, the text as stored). */
  onSaved?: (result: Extract<EditorSaveResult, { status: "saved" }>, sent: string) => void;
  /** How long after the last keystroke the text is sent. */
  quietMs?: number;
  /** The first wait before a failed save is tried again; it doubles up to a minute. */
  retryMs?: number;
}

export function useAutosave({ path, version: openedVersion, save, onSaved, quietMs = 800, retryMs = 2000 }: AutosaveOptions) {
  const [state, setState] = useState<SaveState>({ kind: "saved" });
  const version = useRef(openedVersion);
  const pending = useRef<string | undefined>(undefined);
  const sending = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);
  const stopped = useRef(false);
  const latest = useRef({ save, onSaved });
  useEffect(() => {
    latest.current = { save, onSaved };
  });

  const send = useCallback(async function sendNow(): Promise<void> {
    clearTimeout(timer.current);
    if (sending.current || stopped.current || pending.current === undefined) return;
    const source = pending.current;
    sending.current = true;
    setState({ kind: "saving" });
    let result: EditorSaveResult;
    try {
      result = await latest.current.save(saveDraftForm({ path, source, baseVersion: version.current }));
    } catch {
      sending.current = false;
      failures.current += 1;
      setState({ kind: "retrying" });
      timer.current = setTimeout(() => void sendNow(), Math.min(retryMs * 2 ** (failures.current - 1), 60_000));
      return;
    }
    sending.current = false;
    failures.current = 0;
    if (result.status === "conflict") {
      stopped.current = true;
      const { savedBy, savedAt, source: theirSource } = result.current;
      setState({ kind: "conflict", savedBy, savedAt, theirSource, yourSource: source, message: result.message });
      return;
    }
    version.current = result.version;
    latest.current.onSaved?.(result, source);
    if (pending.current === source) {
      pending.current = undefined;
      keepText(path, undefined);
      setState({ kind: "saved" });
    } else {
      // The person typed while this save was on its way: send the newer text, now written on the new version.
      keepText(path, { source: pending.current as string, baseVersion: version.current });
      void sendNow();
    }
  }, [path, retryMs]);

  /** The person changed the text: keep it here at once, send it when they pause. */
  const changed = useCallback(
    (source: string) => {
      if (stopped.current) return;
      pending.current = source;
      keepText(path, { source, baseVersion: version.current });
      // Not "Saved" while a change waits for the pause that sends it.
      setState((current) => (current.kind === "retrying" ? current : { kind: "saving" }));
      clearTimeout(timer.current);
      if (!sending.current) timer.current = setTimeout(() => void send(), quietMs);
    },
    [path, quietMs, send],
  );

  useEffect(() => {
    const retryNow = () => {
      if (failures.current > 0) void send();
    };
    window.addEventListener("online", retryNow);
    return () => {
      window.removeEventListener("online", retryNow);
      clearTimeout(timer.current);
    };
  }, [send]);

  return { state, changed, saveNow: send, version: () => version.current };
}
