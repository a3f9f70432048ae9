-- Sessions keep no address and no browser description any more (lib/staff/auth-config.ts): clear what those made
-- before were given. A session lasts 12 hours at most, but its row stays until Better Auth deletes it.
UPDATE staff_session SET "ipAddress" = NULL, "userAgent" = NULL;
