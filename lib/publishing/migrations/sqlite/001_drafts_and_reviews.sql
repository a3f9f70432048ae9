-- The web editor's drafts and reviews (lib/publishing/). Published words live in git; these tables hold only what
-- is not published yet, and the review decisions that let it be. Applied by lib/publishing/migrations.ts with its
-- own migration table (publishing_migrations), beside the appointments' own.

CREATE TABLE publishing_drafts (
  id               TEXT PRIMARY KEY,
  -- The file in the repository the draft will replace: content/benefits.mdx, a new page's path, content/clinic.yaml.
  path             TEXT NOT NULL,
  source           TEXT NOT NULL,
  -- The commit the file was at when the draft began, and its text then; both null for a new page.
  base_commit      TEXT,
  base_source      TEXT,
  -- Optimistic concurrency: a save names the version it edited and is refused when another save came first.
  version          INTEGER NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('draft', 'in_review', 'approved', 'sent_back', 'published', 'failed')),
  -- The reviewer's note when sent back, the reason when publishing failed.
  state_note       TEXT,
  published_commit TEXT,
  created_at       TEXT NOT NULL,
  created_by_id    TEXT NOT NULL,
  created_by_name  TEXT NOT NULL,
  saved_at         TEXT NOT NULL,
  saved_by_id      TEXT NOT NULL,
  saved_by_name    TEXT NOT NULL,
  -- Who has the draft open ("Ana is editing this page"), and when their editor last said so.
  holder_id        TEXT,
  holder_name      TEXT,
  holder_seen_at   TEXT
);

-- One open draft per file: everyone who edits the page edits that one.
CREATE UNIQUE INDEX publishing_drafts_open_per_path ON publishing_drafts (path) WHERE state <> 'published';
CREATE INDEX publishing_drafts_by_path ON publishing_drafts (path, created_at);

-- Everyone who saved a change to the draft: none of them may approve it.
CREATE TABLE publishing_draft_authors (
  draft_id TEXT NOT NULL REFERENCES publishing_drafts (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL,
  name     TEXT NOT NULL,
  email    TEXT NOT NULL,
  PRIMARY KEY (draft_id, user_id)
);

CREATE TABLE publishing_reviews (
  id            TEXT PRIMARY KEY,
  draft_id      TEXT NOT NULL REFERENCES publishing_drafts (id) ON DELETE CASCADE,
  reviewer_id   TEXT NOT NULL,
  reviewer_name TEXT NOT NULL,
  -- The physician in content/clinic.yaml the reviewer's account is linked to (null: a send-back by someone unlinked).
  physician     TEXT,
  decision      TEXT NOT NULL CHECK (decision IN ('approved', 'sent_back')),
  note          TEXT,
  -- SHA-256 of the source the reviewer saw: an approval covers that text and no other.
  source_hash   TEXT NOT NULL,
  decided_at    TEXT NOT NULL
);

CREATE INDEX publishing_reviews_by_draft ON publishing_reviews (draft_id, decided_at);
