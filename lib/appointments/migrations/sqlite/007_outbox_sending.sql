-- Two more states of a staff notification (lib/appointments/outbox.ts): `sending`, from the moment a sender takes
-- it until it records how the send went, and `unconfirmed`, when the mail server may have taken it without saying
-- so (or the sender stopped mid-send): it is never sent again, so staff never get it twice. SQLite cannot change a
-- CHECK constraint in place, so the table is rebuilt (nothing refers to it; it refers to appointment_requests).
CREATE TABLE outbox_new (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id      TEXT NOT NULL REFERENCES appointment_requests (id) ON DELETE CASCADE,
  message_id      TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'unconfirmed', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  sent_at         TEXT,
  lease_until     TEXT
);

INSERT INTO outbox_new (id, request_id, message_id, status, attempts, next_attempt_at, last_error, sent_at, lease_until)
  SELECT id, request_id, message_id, status, attempts, next_attempt_at, last_error, sent_at, lease_until FROM outbox;

-- AUTOINCREMENT's counter goes with the rows, so an id is never used twice.
DELETE FROM sqlite_sequence WHERE name = 'outbox_new';
UPDATE sqlite_sequence SET name = 'outbox_new' WHERE name = 'outbox';

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
