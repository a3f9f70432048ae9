-- When a publish of the draft began (null when none is under way): the claim two publishes of one draft race for,
-- so a double click, a second tab or a second server makes one commit. A claim older than the service's limit is
-- taken to be a publish that died half-way, and may be taken over.
ALTER TABLE publishing_drafts ADD COLUMN publish_started_at TEXT;
