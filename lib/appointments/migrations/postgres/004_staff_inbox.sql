-- See migrations/sqlite/004_staff_inbox.sql; the same tables in PostgreSQL's types.

create table "staff_user" ("id" text not null primary key, "name" text not null, "email" text not null unique, "emailVerified" boolean not null, "image" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null, "twoFactorEnabled" boolean, "role" text, "banned" boolean, "banReason" text, "banExpires" timestamptz);
create table "staff_session" ("id" text not null primary key, "expiresAt" timestamptz not null, "token" text not null unique, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null, "ipAddress" text, "userAgent" text, "userId" text not null references "staff_user" ("id") on delete cascade, "impersonatedBy" text);
create table "staff_account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null, "userId" text not null references "staff_user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" timestamptz, "refreshTokenExpiresAt" timestamptz, "scope" text, "password" text, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz not null);
create table "staff_verification" ("id" text not null primary key, "identifier" text not null, "value" text not null, "expiresAt" timestamptz not null, "createdAt" timestamptz default CURRENT_TIMESTAMP not null, "updatedAt" timestamptz default CURRENT_TIMESTAMP not null);
create table "staff_two_factor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "staff_user" ("id") on delete cascade, "verified" boolean, "failedVerificationCount" integer, "lockedUntil" timestamptz);
create index "staff_session_userId_idx" on "staff_session" ("userId");
create index "staff_account_userId_idx" on "staff_account" ("userId");
create index "staff_verification_identifier_idx" on "staff_verification" ("identifier");
create index "staff_two_factor_secret_idx" on "staff_two_factor" ("secret");
create index "staff_two_factor_userId_idx" on "staff_two_factor" ("userId");

ALTER TABLE appointment_requests ADD COLUMN status TEXT NOT NULL DEFAULT 'new'
  CHECK (status IN ('new', 'no_answer', 'scheduled', 'closed'));
ALTER TABLE appointment_requests ADD COLUMN status_changed_at TEXT;
ALTER TABLE appointment_requests ADD COLUMN status_changed_by TEXT;

CREATE TABLE request_status_changes (
  id          SERIAL PRIMARY KEY,
  request_id  TEXT NOT NULL REFERENCES appointment_requests (id) ON DELETE CASCADE,
  status      TEXT NOT NULL CHECK (status IN ('new', 'no_answer', 'scheduled', 'closed')),
  note_sealed TEXT,
  changed_at  TEXT NOT NULL,
  changed_by  TEXT NOT NULL
);

CREATE INDEX request_status_changes_by_request ON request_status_changes (request_id, id);

CREATE TABLE staff_audit_log (
  id          BIGSERIAL PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_id    TEXT,
  actor_email TEXT,
  action      TEXT NOT NULL,
  reference   TEXT,
  detail      TEXT,
  ip_hash     TEXT
);

CREATE INDEX staff_audit_log_at ON staff_audit_log (at);
CREATE INDEX staff_audit_log_actor ON staff_audit_log (actor_id, at);
CREATE INDEX staff_audit_log_reference ON staff_audit_log (reference, at);

CREATE FUNCTION staff_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;
CREATE TRIGGER staff_audit_log_append_only BEFORE UPDATE OR DELETE ON staff_audit_log
  FOR EACH ROW EXECUTE FUNCTION staff_audit_log_append_only();
CREATE TRIGGER staff_audit_log_no_truncate BEFORE TRUNCATE ON staff_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION staff_audit_log_append_only();

CREATE TABLE staff_enrollments (
  token_hash  TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);

CREATE TABLE staff_sign_in_failures (
  key   TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);

CREATE INDEX staff_sign_in_failures_by_key ON staff_sign_in_failures (key, at_ms);

CREATE TABLE staff_session_activity (
  session_id     TEXT PRIMARY KEY REFERENCES staff_session (id) ON DELETE CASCADE,
  last_active_ms BIGINT NOT NULL
);
