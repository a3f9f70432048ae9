-- The pictures uploaded with a draft (lib/publishing/pictures.ts re-encodes them first): not in git until the page
-- is published, when they go into the page's commit. They leave with their draft: deleted when it is published or
-- discarded, so the database holds no copy of a published picture.
CREATE TABLE publishing_draft_pictures (
  draft_id         TEXT NOT NULL REFERENCES publishing_drafts (id) ON DELETE CASCADE,
  -- Its path in the repository, public/images/<name>: the name carries a hash of the bytes, so it names one picture.
  path             TEXT NOT NULL,
  content          BLOB NOT NULL,
  width            INTEGER NOT NULL,
  height           INTEGER NOT NULL,
  uploaded_by_id   TEXT NOT NULL,
  uploaded_by_name TEXT NOT NULL,
  uploaded_at      TEXT NOT NULL,
  PRIMARY KEY (draft_id, path)
);
