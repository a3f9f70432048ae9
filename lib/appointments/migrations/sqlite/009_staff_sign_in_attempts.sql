-- Sign-in attempts are counted before the password or code is checked, so that attempts sent at once cannot all
-- pass the lockout; one that turns out right is taken back by its id, under the account's key and the address's.
ALTER TABLE staff_sign_in_failures ADD COLUMN attempt_id TEXT;
CREATE INDEX staff_sign_in_failures_by_attempt ON staff_sign_in_failures (attempt_id);
