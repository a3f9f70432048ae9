-- A lease on outbox rows: a server that claims a notification to send it holds it until then, so two servers (or a
-- server and the drain endpoint) never send the same one at the same time.
ALTER TABLE outbox ADD COLUMN lease_until TEXT;
