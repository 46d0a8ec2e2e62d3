-- Events, format 2 (see ../README.md): replaces the tables of 001, which db.ts only
-- lets this migration drop while they hold no event (a store with events in format 1 is refused).
--
-- A block holds one tenant's records (the event's fields, then its raw record's own JSON text),
-- compressed together, and is one link of that tenant's hash chain. A row holds what filters and
-- deduplication need; its key (time, uid32) is also the time index, so time-ordered imports write
-- near each other instead of all over a random-id index.
DROP TABLE events;
DROP TABLE blocks;
DROP TABLE chain_heads;

-- An event's actor terms or target terms, as `,1,5,` (term ids): rows refer to a set by its id.
CREATE TABLE term_sets (
  id INTEGER PRIMARY KEY,
  value TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE blocks (
  id INTEGER PRIMARY KEY,
  tenant INTEGER NOT NULL,
  -- chain position (1-based) of the block's first record; it holds `count` records
  n INTEGER NOT NULL,
  count INTEGER NOT NULL,
  codec INTEGER NOT NULL,
  -- SHA-256 of the tenant's previous link and the digests of the records
  hash BLOB NOT NULL,
  data BLOB NOT NULL
) STRICT;

CREATE TABLE events (
  time INTEGER NOT NULL,
  -- the event id's first 32 bits; the next free value if another event at the same time has it
  uid32 INTEGER NOT NULL,
  tenant INTEGER NOT NULL,
  action INTEGER NOT NULL,
  -- term_sets ids
  actor INTEGER NOT NULL,
  ip INTEGER,
  targets INTEGER NOT NULL,
  block INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  -- the first 32 bits of the record's SHA-256
  check32 INTEGER NOT NULL,
  PRIMARY KEY (time, uid32)
) STRICT, WITHOUT ROWID;

CREATE TABLE chain_heads (
  tenant INTEGER PRIMARY KEY,
  count INTEGER NOT NULL,
  last_block INTEGER NOT NULL,
  hash BLOB NOT NULL
) STRICT;
