-- One request, one row: see migrations/sqlite/002_recent_submissions.sql.
CREATE TABLE recent_submissions (
  fingerprint TEXT PRIMARY KEY,
  request_id  TEXT NOT NULL REFERENCES appointment_requests (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL
);

CREATE INDEX recent_submissions_created_at ON recent_submissions (created_at);
