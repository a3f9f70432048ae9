-- See migrations/sqlite/006_health_heartbeat.sql.
CREATE TABLE health_heartbeat (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at TEXT NOT NULL
);
