/**
 * The publishing store's queries, written once for SQLite and PostgreSQL, on the connection the appointment store
 * opened (its `authDatabase`). Saves are compare-and-swap on the draft's version, so two editors' saves never
 * silently overwrite each other, on one server or several.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely, type Selectable } from "kysely";
import type { AuthDatabase } from "@/lib/appointments/store";
import type { Draft, DraftState, PublishingStore, ReviewDecision, ReviewDecisionKind, StaffMember } from "./store";

interface PublishingTables {
  publishing_drafts: {
    id: string;
    path: string;
    source: string;
    base_commit: string | null;
    base_source: string | null;
    version: number;
    state: DraftState;
    state_note: string | null;
    published_commit: string | null;
    created_at: string;
    created_by_id: string;
    created_by_name: string;
    saved_at: string;
    saved_by_id: string;
    saved_by_name: string;
    holder_id: string | null;
    holder_name: string | null;
    holder_seen_at: string | null;
  };
  publishing_draft_authors: { draft_id: string; user_id: string; name: string; email: string };
  publishing_reviews: {
    id: string;
    draft_id: string;
    reviewer_id: string;
    reviewer_name: string;
    physician: string | null;
    decision: ReviewDecisionKind;
    note: string | null;
    source_hash: string;
    decided_at: string;
  };
}

type DraftRow = Selectable<PublishingTables["publishing_drafts"]>;

/** A published draft is a record: every other state is the file's open draft. */
const PUBLISHED = "published";

function toDraft(row: DraftRow, authors: StaffMember[]): Draft {
  return {
    id: row.id,
    path: row.path,
    source: row.source,
    baseCommit: row.base_commit,
    baseSource: row.base_source,
    version: Number(row.version),
    state: row.state,
    stateNote: row.state_note,
    publishedCommit: row.published_commit,
    createdAt: row.created_at,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    savedAt: row.saved_at,
    savedBy: { id: row.saved_by_id, name: row.saved_by_name },
    holder: row.holder_id && row.holder_name && row.holder_seen_at ? { id: row.holder_id, name: row.holder_name, seenAt: row.holder_seen_at } : undefined,
    authors,
  };
}

/** A save's columns: who saved and when, who holds the draft now (the one who saved it). */
function savedBy(by: Pick<StaffMember, "id" | "name">, at: string) {
  return { saved_at: at, saved_by_id: by.id, saved_by_name: by.name, holder_id: by.id, holder_name: by.name, holder_seen_at: at };
}

export function kyselyPublishingStore({ db: anyDb }: AuthDatabase): PublishingStore {
  const db = anyDb as Kysely<PublishingTables>;

  async function withAuthors(rows: DraftRow[]): Promise<Draft[]> {
    if (rows.length === 0) return [];
    const authors = await db
      .selectFrom("publishing_draft_authors")
      .selectAll()
      .where(
        "draft_id",
        "in",
        rows.map((row) => row.id),
      )
      .orderBy("name")
      .execute();
    return rows.map((row) =>
      toDraft(
        row,
        authors.filter((author) => author.draft_id === row.id).map((author) => ({ id: author.user_id, name: author.name, email: author.email })),
      ),
    );
  }

  async function one(query: Promise<DraftRow | undefined>): Promise<Draft | undefined> {
    const row = await query;
    return row ? (await withAuthors([row]))[0] : undefined;
  }

  const openDraftOf = (path: string) =>
    one(db.selectFrom("publishing_drafts").selectAll().where("path", "=", path).where("state", "<>", PUBLISHED).executeTakeFirst());
  const draftById = (id: string) => one(db.selectFrom("publishing_drafts").selectAll().where("id", "=", id).executeTakeFirst());

  async function addAuthor(draftId: string, by: StaffMember) {
    await db
      .insertInto("publishing_draft_authors")
      .values({ draft_id: draftId, user_id: by.id, name: by.name, email: by.email })
      .onConflict((conflict) => conflict.columns(["draft_id", "user_id"]).doNothing())
      .execute();
  }

  return {
    openDraftOf,
    draftById,

    async openDrafts() {
      return withAuthors(await db.selectFrom("publishing_drafts").selectAll().where("state", "<>", PUBLISHED).orderBy("path").execute());
    },

    async lastPublishedDrafts() {
      const rows = await db.selectFrom("publishing_drafts").selectAll().where("state", "=", PUBLISHED).orderBy("saved_at", "desc").execute();
      const seen = new Set<string>();
      return withAuthors(rows.filter((row) => !seen.has(row.path) && seen.add(row.path)));
    },

    async startDraft({ path, source, baseCommit, baseSource, by, at }) {
      const id = randomUUID();
      // The unique index on open drafts per path decides a race: the loser finds the winner's draft.
      const inserted = await db
        .insertInto("publishing_drafts")
        .values({
          id,
          path,
          source,
          base_commit: baseCommit,
          base_source: baseSource,
          version: 1,
          state: "draft",
          state_note: null,
          published_commit: null,
          created_at: at,
          created_by_id: by.id,
          created_by_name: by.name,
          ...savedBy(by, at),
        })
        // SQLite matches the partial index by its text: the condition is written as the index writes it.
        .onConflict((conflict) => conflict.column("path").where(sql<boolean>`state <> 'published'`).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
        await addAuthor(id, by);
        return { draft: (await draftById(id))!, started: true };
      }
      const existing = await openDraftOf(path);
      if (!existing) throw new Error(`The draft of ${path} could not be started or found; try again`);
      return { draft: existing, started: false };
    },

    async saveSource({ draftId, expectedVersion, source, by, at }) {
      const current = await draftById(draftId);
      if (!current) throw new Error("This draft no longer exists");
      if (current.state === "published" || current.version !== expectedVersion) return { saved: false, current };
      if (current.source === source) return { saved: true, draft: current };
      const updated = await db
        .updateTable("publishing_drafts")
        .set((eb) => ({
          source,
          version: eb("version", "+", 1),
          state: "draft",
          state_note: null,
          ...savedBy(by, at),
        }))
        .where("id", "=", draftId)
        .where("version", "=", expectedVersion)
        .where("state", "<>", PUBLISHED)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return { saved: false, current: (await draftById(draftId))! };
      await addAuthor(draftId, by);
      return { saved: true, draft: (await draftById(draftId))! };
    },

    async markHolder(draftId, by, at) {
      await db.updateTable("publishing_drafts").set({ holder_id: by.id, holder_name: by.name, holder_seen_at: at }).where("id", "=", draftId).execute();
    },

    async setState(draftId, expectedVersion, { state, note = null, publishedCommit = null }) {
      const updated = await db
        .updateTable("publishing_drafts")
        .set({ state, state_note: note, published_commit: publishedCommit })
        .where("id", "=", draftId)
        .where("version", "=", expectedVersion)
        .where("state", "<>", PUBLISHED)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) === 1 ? draftById(draftId) : undefined;
    },

    async recordDecision(decision) {
      await db
        .insertInto("publishing_reviews")
        .values({
          id: randomUUID(),
          draft_id: decision.draftId,
          reviewer_id: decision.reviewer.id,
          reviewer_name: decision.reviewer.name,
          physician: decision.physician,
          decision: decision.decision,
          note: decision.note,
          source_hash: decision.sourceHash,
          decided_at: decision.decidedAt,
        })
        .execute();
    },

    async decisionsOf(draftId): Promise<ReviewDecision[]> {
      const rows = await db.selectFrom("publishing_reviews").selectAll().where("draft_id", "=", draftId).orderBy("decided_at").execute();
      return rows.map((row) => ({
        draftId: row.draft_id,
        reviewer: { id: row.reviewer_id, name: row.reviewer_name },
        physician: row.physician,
        decision: row.decision,
        note: row.note,
        sourceHash: row.source_hash,
        decidedAt: row.decided_at,
      }));
    },
  };
}
