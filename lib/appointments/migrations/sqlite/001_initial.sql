-- Appointment requests, the staff-notification outbox and the rate limit.
-- Patients' details are stored only encrypted (the *_sealed columns); see lib/appointments/crypto.ts.

CREATE TABLE appointment_requests (
  id              TEXT PRIMARY KEY,          -- random UUID; also the encryption's associated data
  reference       TEXT NOT NULL UNIQUE,      -- the code the patient sees, e.g. MS-7K3Q9
  created_at      TEXT NOT NULL,             -- ISO 8601, UTC
  best_time       TEXT NOT NULL,
  full_name_sealed TEXT NOT NULL,
  phone_sealed    TEXT NOT NULL,
  email_sealed    TEXT,
  reason_sealed   TEXT,
  handled_at      TEXT
);

CREATE INDEX appointment_requests_created_at ON appointment_requests (created_at);

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id      TEXT NOT NULL REFERENCES appointment_requests (id) ON DELETE CASCADE,
  message_id      TEXT NOT NULL UNIQUE,      -- stable across retries, so a resend is recognisable
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  sent_at         TEXT
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE rate_limit_hits (
  ip_hash TEXT NOT NULL,                     -- HMAC of the IP address, never the address itself
  at_ms   INTEGER NOT NULL
);

CREATE INDEX rate_limit_hits_by_ip ON rate_limit_hits (ip_hash, at_ms);
