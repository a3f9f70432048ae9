// @vitest-environment node
/**
 * The web editor's store (lib/publishing/), run unchanged against SQLite and PostgreSQL, on the connection the
 * appointment store opens: drafts that belong to a file, saves that never overwrite a newer version, and review
 * decisions kept with the hash of what the reviewer saw.
 */
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import type { AppointmentStore } from "@/lib/appointments/store";
import { kyselyPublishingStore } from "@/lib/publishing/kysely-store";
import { applyPublishingMigrations } from "@/lib/publishing/migrations";
import { openTestPostgresStore, openTestSqliteStore, type Cleanups } from "@/tests/support/test-stores";

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const STORES: [string, () => Promise<AppointmentStore>][] = [
  ["SQLite", () => openTestSqliteStore(cleanups)],
  ["PostgreSQL", async () => (await openTestPostgresStore(cleanups, "publishing")).store],
];

const ana = { id: "user-ana", name: "Ana Ruiz", email: "ana@mocekspine.com" };
const ben = { id: "user-ben", name: "Ben Okafor", email: "ben@mocekspine.com" };
const at = (minute: number) => `2026-12-03T10:${String(minute).padStart(2, "0")}:00.000Z`;

describe.each(STORES)("the publishing store on %s", (_name, open) => {
  it("keeps its migrations in a table of its own, and migrating again changes nothing", async () => {
    const store = await open();
    const { db, type } = store.authDatabase;
    await applyPublishingMigrations(db, type);
    const names = await sql<{ name: string }>`SELECT name FROM publishing_migrations ORDER BY name`.execute(db);
    expect(names.rows.map((row) => row.name)).toEqual(["001_drafts_and_reviews.sql"]);
    const appointments = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name LIKE ${"%draft%"}`.execute(db);
    expect(appointments.rows).toEqual([]);
  });

  it("gives a file one open draft: the second person to open it gets the first one's draft", async () => {
    const publishing = kyselyPublishingStore((await open()).authDatabase);
    const first = await publishing.startDraft({ path: "content/benefits.mdx", source: "old", baseCommit: "a".repeat(40), baseSource: "old", by: ana, at: at(0) });
    const second = await publishing.startDraft({ path: "content/benefits.mdx", source: "old", baseCommit: "a".repeat(40), baseSource: "old", by: ben, at: at(1) });
    expect(first.started).toBe(true);
    expect(second).toMatchObject({ started: false, draft: { id: first.draft.id, createdBy: { name: "Ana Ruiz" }, version: 1, state: "draft" } });
    expect(first.draft).toMatchObject({ baseCommit: "a".repeat(40), baseSource: "old", holder: { name: "Ana Ruiz", seenAt: at(0) } });
    expect((await publishing.openDrafts()).map((draft) => draft.path)).toEqual(["content/benefits.mdx"]);
  });

  it("refuses a save over a newer version, naming who saved it and when, and keeps the newer text", async () => {
    const publishing = kyselyPublishingStore((await open()).authDatabase);
    const { draft } = await publishing.startDraft({ path: "content/faq.mdx", source: "v1", baseCommit: null, baseSource: null, by: ana, at: at(0) });
    const anaSaves = await publishing.saveSource({ draftId: draft.id, expectedVersion: 1, source: "v2 by Ana", by: ana, at: at(2) });
    expect(anaSaves).toMatchObject({ saved: true, draft: { version: 2, source: "v2 by Ana" } });
    const benSaves = await publishing.saveSource({ draftId: draft.id, expectedVersion: 1, source: "v2 by Ben", by: ben, at: at(3) });
    expect(benSaves).toMatchObject({ saved: false, current: { version: 2, source: "v2 by Ana", savedBy: { name: "Ana Ruiz" }, savedAt: at(2) } });
    // The same text again is no new version (an autosave with nothing typed).
    expect(await publishing.saveSource({ draftId: draft.id, expectedVersion: 2, source: "v2 by Ana", by: ana, at: at(4) })).toMatchObject({
      saved: true,
      draft: { version: 2, savedAt: at(2) },
    });
  });

  it("two saves of the same version at once: exactly one lands", async () => {
    const publishing = kyselyPublishingStore((await open()).authDatabase);
    const { draft } = await publishing.startDraft({ path: "content/about.mdx", source: "v1", baseCommit: null, baseSource: null, by: ana, at: at(0) });
    const outcomes = await Promise.all(
      [ana, ben].map((by) => publishing.saveSource({ draftId: draft.id, expectedVersion: 1, source: `by ${by.name}`, by, at: at(1) })),
    );
    expect(outcomes.filter((outcome) => outcome.saved)).toHaveLength(1);
    expect((await publishing.draftById(draft.id))?.version).toBe(2);
  });

  it("counts everyone who saved a change among the authors, and a change puts a reviewed draft back to draft", async () => {
    const publishing = kyselyPublishingStore((await open()).authDatabase);
    const { draft } = await publishing.startDraft({ path: "content/evidence.mdx", source: "v1", baseCommit: null, baseSource: null, by: ana, at: at(0) });
    const saved = await publishing.saveSource({ draftId: draft.id, expectedVersion: 1, source: "v2", by: ben, at: at(1) });
    expect(saved.saved && saved.draft.authors.map((author) => author.name)).toEqual(["Ana Ruiz", "Ben Okafor"]);
    const inReview = await publishing.setState(draft.id, 2, { state: "in_review" });
    expect(inReview?.state).toBe("in_review");
    expect(await publishing.setState(draft.id, 1, { state: "approved" })).toBeUndefined();
    const edited = await publishing.saveSource({ draftId: draft.id, expectedVersion: 2, source: "v3", by: ben, at: at(2) });
    expect(edited).toMatchObject({ saved: true, draft: { state: "draft", version: 3 } });
  });

  it("records decisions with the reviewer, physician, note and hash; a published draft is closed and a new one may start", async () => {
    const publishing = kyselyPublishingStore((await open()).authDatabase);
    const { draft } = await publishing.startDraft({ path: "content/candidacy.mdx", source: "v1", baseCommit: null, baseSource: null, by: ana, at: at(0) });
    const decision = {
      draftId: draft.id,
      reviewer: { id: ben.id, name: ben.name },
      physician: "Dr. Fixture Person",
      decision: "sent_back" as const,
      note: "Say who is a candidate first.",
      sourceHash: "f".repeat(64),
      decidedAt: at(5),
    };
    await publishing.recordDecision(decision);
    expect(await publishing.decisionsOf(draft.id)).toEqual([decision]);
    const published = await publishing.setState(draft.id, 1, { state: "published", publishedCommit: "b".repeat(40) });
    expect(published).toMatchObject({ state: "published", publishedCommit: "b".repeat(40) });
    expect(await publishing.saveSource({ draftId: draft.id, expectedVersion: 1, source: "late", by: ana, at: at(6) })).toMatchObject({ saved: false });
    expect(await publishing.openDraftOf("content/candidacy.mdx")).toBeUndefined();
    expect((await publishing.lastPublishedDrafts()).map((done) => done.publishedCommit)).toEqual(["b".repeat(40)]);
    const next = await publishing.startDraft({ path: "content/candidacy.mdx", source: "v2", baseCommit: "b".repeat(40), baseSource: "v1", by: ben, at: at(7) });
    expect(next.started).toBe(true);
  });
});
