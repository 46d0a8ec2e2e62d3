-- Snapshots: the tenant's state at each collection, versioned (never overwritten), compressed JSON.
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  tenant TEXT NOT NULL,
  provider TEXT NOT NULL,
  collected_at TEXT NOT NULL,
  sha256 BLOB NOT NULL,
  data BLOB NOT NULL
) STRICT;

CREATE INDEX snapshots_tenant ON snapshots (tenant, collected_at);

-- Cursors make every collection resumable: watermarks, delta links, per tenant and source.
CREATE TABLE cursors (
  tenant TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (tenant, key)
) STRICT, WITHOUT ROWID;
