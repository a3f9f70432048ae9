-- See migrations/sqlite/003_outbox_lease.sql.
ALTER TABLE outbox ADD COLUMN lease_until TEXT;
