/**
 * What the web editor keeps in the database: drafts (a file's next text, before it is published to git) and the
 * review decisions on them. Its own small store on the appointments' database connection, with its own tables and
 * migrations (./migrations/), so the appointment store does not grow drafts. One implementation, written once for
 * SQLite and PostgreSQL (./kysely-store.ts); the contract tests run against both.
 */

/** Where a draft stands, as the editor's list shows it. */
export const DRAFT_STATES = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  sent_back: "Sent back",
  published: "Published",
  failed: "Failed to publish",
} as const;

export type DraftState = keyof typeof DRAFT_STATES;

/** A staff member as a draft records them (their name is kept, so the list reads without joining the accounts). */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
}

export interface Draft {
  id: string;
  /** The file in the repository: `content/benefits.mdx`, a new page's path, or `content/clinic.yaml`. */
  path: string;
  source: string;
  /** The commit the file was at when the draft began; null for a new file. */
  baseCommit: string | null;
  /** The file's text at `baseCommit`: what the changes are shown against, and what a merge starts from. */
  baseSource: string | null;
  /** Goes up by one with each save that changes the source. */
  version: number;
  state: DraftState;
  /** The reviewer's note (sent back) or the reason publishing failed. */
  stateNote: string | null;
  publishedCommit: string | null;
  createdAt: string;
  createdBy: Pick<StaffMember, "id" | "name">;
  savedAt: string;
  savedBy: Pick<StaffMember, "id" | "name">;
  /** Who has the draft open in an editor, and when that editor last said so; undefined when no one has. */
  holder: { id: string; name: string; seenAt: string } | undefined;
  /** Everyone who saved a change to it (its first author included): none of them may approve it. */
  authors: StaffMember[];
}

export type ReviewDecisionKind = "approved" | "sent_back";

export interface ReviewDecision {
  draftId: string;
  reviewer: Pick<StaffMember, "id" | "name">;
  /** The physician the reviewer's account is linked to; null for a send-back by a reviewer without one. */
  physician: string | null;
  decision: ReviewDecisionKind;
  note: string | null;
  /** SHA-256 (hex) of the source the reviewer saw. */
  sourceHash: string;
  decidedAt: string;
}

export interface NewDraft {
  path: string;
  source: string;
  baseCommit: string | null;
  baseSource: string | null;
  by: StaffMember;
  at: string;
}

/** A save either lands (the draft as it is now) or is refused because someone saved first (the draft as they left it). */
export type SaveOutcome = { saved: true; draft: Draft } | { saved: false; current: Draft };

export interface PublishingStore {
  /** The file's open draft (any state but published), if there is one. */
  openDraftOf(path: string): Promise<Draft | undefined>;
  draftById(id: string): Promise<Draft | undefined>;
  /** Every open draft, for the list of pages. */
  openDrafts(): Promise<Draft[]>;
  /** The last published draft of each file, newest first per file (who published it last, and when). */
  lastPublishedDrafts(): Promise<Draft[]>;
  /**
   * Starts the file's draft, or returns the one already open (`started: false`): two people opening the page at
   * the same moment get the same draft.
   */
  startDraft(draft: NewDraft): Promise<{ draft: Draft; started: boolean }>;
  /**
   * Replaces the source when the draft is still at `expectedVersion` (and open); a changed source raises the
   * version, counts `by` among the authors and puts a draft under review, approved, sent back or failed back to
   * `draft`. The same source again changes nothing.
   */
  saveSource(input: { draftId: string; expectedVersion: number; source: string; by: StaffMember; at: string }): Promise<SaveOutcome>;
  /** Records that `by` has the draft open now. */
  markHolder(draftId: string, by: Pick<StaffMember, "id" | "name">, at: string): Promise<void>;
  /**
   * Moves the draft to `state` if it is still at `expectedVersion`; undefined when a save came in between (the
   * caller decided on a text that is no longer the draft's).
   */
  setState(
    draftId: string,
    expectedVersion: number,
    change: { state: DraftState; note?: string | null; publishedCommit?: string | null },
  ): Promise<Draft | undefined>;
  recordDecision(decision: ReviewDecision): Promise<void>;
  /** The draft's review decisions, oldest first. */
  decisionsOf(draftId: string): Promise<ReviewDecision[]>;
}
