-- See migrations/sqlite/007_outbox_sending.sql: the states `sending` and `unconfirmed`.
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'unconfirmed', 'dead'));
