"use client";
/**
 * The draft's version as last saved, for the forms beside the editor (ask for review, publish): they act on the
 * version the person saw, and the server refuses one that moved on.
 */
import { createContext, useContext } from "react";

export const DraftVersionContext = createContext<number | undefined>(undefined);

/** A hidden `version` field holding the draft's version as last saved. */
export function DraftVersionInput() {
  const version = useContext(DraftVersionContext);
  return <input type="hidden" name="version" value={version ?? ""} />;
}
