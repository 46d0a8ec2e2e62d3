-- Evidence: append-only events with a per-tenant hash chain.
-- Strings that repeat (tenants, actions, actors, targets, IPs) are stored once in `terms`;
-- the full event (with its raw record) lives compressed in `blocks`, many events per block.
CREATE TABLE terms (
  id INTEGER PRIMARY KEY,
  value TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE blocks (
  id INTEGER PRIMARY KEY,
  codec INTEGER NOT NULL,
  data BLOB NOT NULL
) STRICT;

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  uid BLOB NOT NULL UNIQUE,
  tenant INTEGER NOT NULL,
  -- 1-based position in the tenant's hash chain: a gap means a deleted event
  n INTEGER NOT NULL,
  time INTEGER NOT NULL,
  action INTEGER NOT NULL,
  actor TEXT NOT NULL,
  ip INTEGER,
  targets TEXT NOT NULL,
  block INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  hash BLOB NOT NULL
) STRICT;

CREATE INDEX events_time ON events (time);

CREATE TABLE chain_heads (
  tenant INTEGER PRIMARY KEY,
  count INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  hash BLOB NOT NULL
) STRICT;

CREATE TABLE imports (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  format TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  summary TEXT NOT NULL
) STRICT;
