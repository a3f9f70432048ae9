-- Appointment requests, the staff-notification outbox and the rate limit: the same tables as
-- migrations/sqlite/001_initial.sql, in PostgreSQL's types. Times are ISO 8601 UTC text in both stores, so the
-- queries are the same. Patients' details are stored only encrypted (the *_sealed columns).

CREATE TABLE appointment_requests (
  id               TEXT PRIMARY KEY,
  reference        TEXT NOT NULL UNIQUE,
  created_at       TEXT NOT NULL,
  best_time        TEXT NOT NULL,
  full_name_sealed TEXT NOT NULL,
  phone_sealed     TEXT NOT NULL,
  email_sealed     TEXT,
  reason_sealed    TEXT,
  handled_at       TEXT
);

CREATE INDEX appointment_requests_created_at ON appointment_requests (created_at);

CREATE TABLE outbox (
  id              SERIAL PRIMARY KEY,
  request_id      TEXT NOT NULL REFERENCES appointment_requests (id) ON DELETE CASCADE,
  message_id      TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  sent_at         TEXT
);

CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE rate_limit_hits (
  ip_hash TEXT NOT NULL,
  at_ms   BIGINT NOT NULL
);

CREATE INDEX rate_limit_hits_by_ip ON rate_limit_hits (ip_hash, at_ms);
