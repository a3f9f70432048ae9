-- What each staff account may do to the website's pages, beside its role (admins may do everything): `edit` (write
-- drafts, upload pictures, ask for review, publish approved drafts) and `review` (clinical review, linked to the one
-- physician in content/clinic.yaml whose name an approval puts on the page). No row: neither (today's accounts).
-- Kept apart from Better Auth's staff_user, whose columns are Better Auth's. Integers 0/1, alike in both databases.
CREATE TABLE staff_abilities (
  user_id    TEXT PRIMARY KEY REFERENCES staff_user (id) ON DELETE CASCADE,
  can_edit   INTEGER NOT NULL DEFAULT 0 CHECK (can_edit IN (0, 1)),
  can_review INTEGER NOT NULL DEFAULT 0 CHECK (can_review IN (0, 1)),
  physician  TEXT,
  updated_at TEXT NOT NULL,
  -- A reviewer is always someone's signature, and a physician's name goes with the review ability only.
  CHECK ((can_review = 1) = (physician IS NOT NULL))
);
