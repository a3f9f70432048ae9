/** What the editor offers to choose from: the site's pages for links, and the references for <Cite>. */
import { createContext, useContext, type ReactNode } from "react";

export interface PageChoice {
  /** The page's address, e.g. `/benefits`. */
  href: string;
  title: string;
}

export interface ReferenceChoice {
  id: string;
  /** How staff recognise it: the start of its citation. */
  label: string;
}

export interface EditorChoices {
  pages: readonly PageChoice[];
  references: readonly ReferenceChoice[];
}

const EditorChoicesContext = createContext<EditorChoices>({ pages: [], references: [] });

export function EditorChoicesProvider({ choices, children }: { choices: EditorChoices; children: ReactNode }) {
  return <EditorChoicesContext value={choices}>{children}</EditorChoicesContext>;
}

export function useEditorChoices(): EditorChoices {
  return useContext(EditorChoicesContext);
}
