"use client";
/**
 * The page editor staff use at /staff/pages: the page's settings as a form, its words as rich text (or Markdown in
 * the source view), the content check's problems beside the words, and saving as they type. The only client
 * entry of the editor: the routes under app/staff/pages render it, and nothing on the patients' side imports it.
 */
import "@mdxeditor/editor/style.css";
import { MDXEditor, type MDXEditorMethods } from "@mdxeditor/editor";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { DraftVersionContext } from "./draft-version";
import { EditorChoicesProvider, type EditorChoices } from "./editor-choices";
import { EDITOR_MARKDOWN_STYLE, editorPlugins } from "./editor-plugins";
import { EditorToolbar } from "./EditorToolbar";
import { PageSettingsForm } from "./PageSettingsForm";
import { readPageSettings, writePageSetting } from "./page-settings";
import { ProblemList } from "./ProblemList";
import { ProblemMarkers } from "./ProblemMarkers";
import { keepUnchangedLines, splitPageSource } from "./round-trip";
import type { EditorCheck, SaveDraftAction } from "./types";
import { readKeptText, saveStateLabel, useAutosave, type SaveState } from "./use-autosave";

export interface PageEditorProps {
  /** The file, e.g. `content/benefits.mdx`. */
  path: string;
  /** The page's file name without `.mdx` (`benefits`; `index` for the home page): where its pictures are uploaded. */
  slug: string;
  /** The draft's text (or the published file's, for a new draft) and its version. */
  source: string;
  version: number;
  /** The content check of `source`. */
  check: EditorCheck;
  choices: EditorChoices;
  saveDraft: SaveDraftAction;
  /**
   * Says this person has the page open, and answers who else has (asked every minute while the page is open);
   * called with a form holding the file's `path`.
   */
  markEditing?: (form: FormData) => Promise<{ otherEditor?: { name: string } | undefined }>;
  /** Someone else editing the page when it was opened. */
  otherEditor?: { name: string } | undefined;
  /** The clinic's time zone, for the times the editor shows. */
  timeZone: string;
  /** The forms below the editor (ask for review, publish): their DraftVersionInput holds the version last saved. */
  children?: ReactNode;
}

const STILL_EDITING_MS = 60_000;

function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

function SaveStatus({ state, timeZone }: { state: SaveState; timeZone: string }) {
  if (state.kind !== "conflict") {
    return (
      <p role="status" className={state.kind === "retrying" ? "font-semibold text-emergency" : "text-ink-muted"} data-save-state={state.kind}>
        {saveStateLabel(state)}
      </p>
    );
  }
  return (
    <div role="alert" className="rounded-lg border-2 border-emergency-border bg-emergency-bg p-4 text-lg" data-save-state="conflict">
      <p className="font-semibold text-emergency">
        {state.savedBy} saved a newer version at {formatTime(state.savedAt, timeZone)}; your text is kept below.
      </p>
      <p className="mt-2">Copy what you need from it, then reload the page to edit their version. Nothing was overwritten.</p>
      <label className="mt-3 block font-semibold" htmlFor="your-kept-text">
        Your text
      </label>
      <textarea id="your-kept-text" readOnly rows={10} className="mt-1 block w-full rounded-lg border-2 border-ink-muted p-2 font-mono text-sm" value={state.yourSource} />
    </div>
  );
}

export function PageEditor({ path, slug, source: openedSource, version, check: openedCheck, choices, saveDraft, markEditing, otherEditor: openedOtherEditor, timeZone, children }: PageEditorProps) {
  // A text this browser kept and the server never got (a closed tab, a dropped connection) comes back first.
  const [startSource] = useState(() => {
    const kept = typeof window === "undefined" ? undefined : readKeptText(path);
    return kept && kept.baseVersion === version ? kept.source : openedSource;
  });
  const opened = useMemo(() => splitPageSource(startSource), [startSource]);
  const [settings, setSettings] = useState(opened.settings);
  /** The words as saved, and the editor's Markdown of them when opened: the base of every save (round-trip.ts). */
  const original = useRef({ body: opened.body, editorBody: undefined as string | undefined });
  const editorBody = useRef<string | undefined>(undefined);
  /** The last check and the text it checked: its lines and columns are counted in that text. */
  const [checked, setChecked] = useState({ check: openedCheck, source: openedSource });
  const [revision, setRevision] = useState(0);
  const [otherEditor, setOtherEditor] = useState(openedOtherEditor);
  const [savedVersion, setSavedVersion] = useState(version);
  const editor = useRef<MDXEditorMethods>(null);
  const frame = useRef<HTMLDivElement>(null);

  const sourceNow = useCallback(
    (settingsNow: string) => {
      const { body, editorBody: base } = original.current;
      const words = base === undefined || editorBody.current === undefined ? body : keepUnchangedLines({ original: body, editorOriginal: base, editorNow: editorBody.current });
      return settingsNow + words;
    },
    [],
  );

  const autosave = useAutosave({
    path,
    version,
    save: saveDraft,
    onSaved: (result, sent) => {
      setChecked({ check: result.check, source: sent });
      setSavedVersion(result.version);
      // The server may rewrite the settings (a changed medical page loses its review): take its settings.
      const stored = splitPageSource(result.source);
      if (stored.settings !== splitPageSource(sent).settings) setSettings(stored.settings);
    },
  });

  // The editor's own Markdown of the page as opened, once it has read it.
  useEffect(() => {
    original.current.editorBody = editor.current?.getMarkdown();
    editorBody.current = original.current.editorBody;
    if (startSource !== openedSource) autosave.changed(startSource);
    // Opened once; later renders must not take a new base.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!markEditing) return;
    const form = new FormData();
    form.set("path", path);
    const ask = () => void markEditing(form).then(({ otherEditor: other }) => setOtherEditor(other), () => undefined);
    ask();
    const timer = setInterval(ask, STILL_EDITING_MS);
    return () => clearInterval(timer);
  }, [markEditing, path]);

  const settingValues = useMemo(() => readPageSettings(settings), [settings]);
  const checkedLines = useMemo(() => checked.source.split("\n"), [checked.source]);
  const settingsLineCount = splitPageSource(checked.source).settings.split("\n").length - 1;
  const { check } = checked;
  const ownProblems = check.problems.filter((problem) => problem.file === undefined || problem.file === path);
  const bodyProblems = ownProblems.filter((problem) => problem.line > settingsLineCount);
  const settingsProblems = ownProblems.filter((problem) => problem.line <= settingsLineCount);

  function changeSetting(name: string, value: unknown) {
    const next = writePageSetting(settings, name, value);
    setSettings(next);
    autosave.changed(sourceNow(next));
  }

  const plugins = useMemo(() => editorPlugins({ choices, toolbar: () => <EditorToolbar />, pictureSlug: slug }), [choices, slug]);

  return (
    <EditorChoicesProvider choices={choices}>
      {/* One column that never grows past the screen: the editor's toolbar scrolls sideways on a phone instead. */}
      <div className="grid grid-cols-1 gap-6">
        <div className="flex flex-wrap items-center gap-4">
          <SaveStatus state={autosave.state} timeZone={timeZone} />
          {otherEditor && (
            <p role="status" className="rounded-lg bg-notice-bg px-3 py-1 font-semibold text-notice">
              {otherEditor.name} is editing this page
            </p>
          )}
        </div>
        <PageSettingsForm settings={settingValues} onChange={changeSetting} problems={settingsProblems} />
        <div className="min-w-0">
          <h2 id="words-heading" className="text-xl font-bold text-brand-900">
            The page&apos;s words
          </h2>
          <div ref={frame} className="relative mt-2 min-w-0 rounded-lg border-2 border-ink-muted [&_[role=toolbar]]:overflow-x-auto">
            <MDXEditor
              ref={editor}
              markdown={opened.body}
              toMarkdownOptions={EDITOR_MARKDOWN_STYLE}
              plugins={plugins}
              contentEditableClassName="prose max-w-none min-h-64 px-4 py-3"
              onChange={(markdown, initialNormalize) => {
                if (initialNormalize) return;
                editorBody.current = markdown;
                setRevision((count) => count + 1);
                autosave.changed(sourceNow(settings));
              }}
            />
            <ProblemMarkers problems={bodyProblems.map((problem) => ({ ...problem, line: problem.line - settingsLineCount }))} sourceLines={checkedLines.slice(settingsLineCount)} container={frame} revision={revision} />
          </div>
        </div>
        <ProblemList check={check} file={path} settingsLineCount={settingsLineCount} />
        <DraftVersionContext value={savedVersion}>{children}</DraftVersionContext>
      </div>
    </EditorChoicesProvider>
  );
}
