-- Authenticator codes already used to sign in: a code stays valid for about 90 seconds (the current one and its
-- neighbours), and without this, one seen over a shoulder could open a second session in that time.
CREATE TABLE staff_used_codes (
  user_id     TEXT NOT NULL,
  code        TEXT NOT NULL,
  used_at_ms  BIGINT NOT NULL,
  PRIMARY KEY (user_id, code)
);
