-- The staff inbox: who may sign in (Better Auth's tables, staff_*), what each request's status is, and the audit log.

-- Better Auth's tables, exactly as Better Auth 1.7.25 makes them for this configuration (lib/staff/auth-config.ts):
-- printed by its getMigrations(). Better Auth checks them against its schema the first time it is used, so a
-- mismatch after an upgrade stops the inbox with a message rather than failing one query at a time.
create table "staff_user" ("id" text not null primary key, "name" text not null, "email" text not null unique, "emailVerified" integer not null, "image" text, "createdAt" date not null, "updatedAt" date not null, "twoFactorEnabled" integer, "role" text, "banned" integer, "banReason" text, "banExpires" date);
create table "staff_session" ("id" text not null primary key, "expiresAt" date not null, "token" text not null unique, "createdAt" date not null, "updatedAt" date not null, "ipAddress" text, "userAgent" text, "userId" text not null references "staff_user" ("id") on delete cascade, "impersonatedBy" text);
create table "staff_account" ("id" text not null primary key, "accountId" text not null, "providerId" text not null, "userId" text not null references "staff_user" ("id") on delete cascade, "accessToken" text, "refreshToken" text, "idToken" text, "accessTokenExpiresAt" date, "refreshTokenExpiresAt" date, "scope" text, "password" text, "createdAt" date not null, "updatedAt" date not null);
create table "staff_verification" ("id" text not null primary key, "identifier" text not null, "value" text not null, "expiresAt" date not null, "createdAt" date not null, "updatedAt" date not null);
create table "staff_two_factor" ("id" text not null primary key, "secret" text not null, "backupCodes" text not null, "userId" text not null references "staff_user" ("id") on delete cascade, "verified" integer, "failedVerificationCount" integer, "lockedUntil" date);
create index "staff_session_userId_idx" on "staff_session" ("userId");
create index "staff_account_userId_idx" on "staff_account" ("userId");
create index "staff_verification_identifier_idx" on "staff_verification" ("identifier");
create index "staff_two_factor_secret_idx" on "staff_two_factor" ("secret");
create index "staff_two_factor_userId_idx" on "staff_two_factor" ("userId");

-- Where each request stands, and who moved it there last (a staff_user id).
ALTER TABLE appointment_requests ADD COLUMN status TEXT NOT NULL DEFAULT 'new'
  CHECK (status IN ('new', 'no_answer', 'scheduled', 'closed'));
ALTER TABLE appointment_requests ADD COLUMN status_changed_at TEXT;
ALTER TABLE appointment_requests ADD COLUMN status_changed_by TEXT;

-- Every status change, with its note: the request's history. The note may say something of the patient, so it is
-- sealed like the patient's own details. Purging a request removes its history; the audit log keeps its entries.
CREATE TABLE request_status_changes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  request_id  TEXT NOT NULL REFERENCES appointment_requests (id) ON DELETE CASCADE,
  status      TEXT NOT NULL CHECK (status IN ('new', 'no_answer', 'scheduled', 'closed')),
  note_sealed TEXT,
  changed_at  TEXT NOT NULL,                 -- ISO 8601, UTC
  changed_by  TEXT NOT NULL                  -- staff_user id
);

CREATE INDEX request_status_changes_by_request ON request_status_changes (request_id, id);

-- The audit log: who did what, when, from where (an HMAC of the address). It names a request by its reference and
-- never holds a patient's details. Append-only: the application has no statement that changes or deletes a row,
-- and the database refuses one.
CREATE TABLE staff_audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,                 -- ISO 8601, UTC
  actor_id    TEXT,                          -- staff_user id; empty for the server's command line or an unknown account
  actor_email TEXT,                          -- as it was then, so the entry reads the same after the account changes
  action      TEXT NOT NULL,
  reference   TEXT,
  detail      TEXT,
  ip_hash     TEXT
);

CREATE INDEX staff_audit_log_at ON staff_audit_log (at);
CREATE INDEX staff_audit_log_actor ON staff_audit_log (actor_id, at);
CREATE INDEX staff_audit_log_reference ON staff_audit_log (reference, at);

CREATE TRIGGER staff_audit_log_no_update BEFORE UPDATE ON staff_audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER staff_audit_log_no_delete BEFORE DELETE ON staff_audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- One-time enrollment links: only a hash of the token is kept; a link works once, for 24 hours.
CREATE TABLE staff_enrollments (
  token_hash  TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
);

-- Failed sign-ins, per account (its email, hashed) and per address (hashed), for the 15-minute lockout.
CREATE TABLE staff_sign_in_failures (
  key   TEXT NOT NULL,
  at_ms INTEGER NOT NULL
);

CREATE INDEX staff_sign_in_failures_by_key ON staff_sign_in_failures (key, at_ms);

-- When each session was last used: a session idle longer than STAFF_IDLE_MINUTES ends.
CREATE TABLE staff_session_activity (
  session_id     TEXT PRIMARY KEY REFERENCES staff_session (id) ON DELETE CASCADE,
  last_active_ms INTEGER NOT NULL
);
