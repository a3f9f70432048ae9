-- One request, one row: a keyed hash of each request's details for a short while after it arrives, so the same
-- details sent again (a reload of the confirmation, a double submit, a retry) return the first reference.
-- Rows older than the window are deleted as new requests arrive: kept no longer than they are needed.

CREATE TABLE recent_submissions (
  fingerprint TEXT PRIMARY KEY,              -- HMAC of the normalised details, never the details
  request_id  TEXT NOT NULL REFERENCES appointment_requests (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL                  -- ISO 8601, UTC
);

CREATE INDEX recent_submissions_created_at ON recent_submissions (created_at);
