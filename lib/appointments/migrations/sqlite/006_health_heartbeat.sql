-- The health check's heartbeat: /api/health writes this one row, a real committed write as a request's is, so it
-- answers "ok" only when a request can be stored now (not on a read-only database or a full disk).
CREATE TABLE health_heartbeat (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at TEXT NOT NULL
);
