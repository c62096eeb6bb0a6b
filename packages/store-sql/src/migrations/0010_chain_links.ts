import type { Migration } from "./Migration.js"

const appendOnlySqlite = (table: string) => [
  `CREATE TRIGGER ${table}_are_never_updated BEFORE UPDATE ON ${table}
   BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row is never updated'); END`,
  `CREATE TRIGGER ${table}_are_never_deleted BEFORE DELETE ON ${table}
   BEGIN SELECT RAISE(ABORT, '${table} is append-only: a row is never deleted'); END`
]

const appendOnlyPg = (table: string) => [
  `CREATE TRIGGER ${table}_are_never_changed BEFORE UPDATE OR DELETE ON ${table}
   FOR EACH ROW EXECUTE FUNCTION carepanel_events_are_append_only()`,
  `CREATE TRIGGER ${table}_are_never_truncated BEFORE TRUNCATE ON ${table}
   FOR EACH STATEMENT EXECUTE FUNCTION carepanel_events_are_append_only()`
]

/**
 * The store-wide, signed chains (docs/integrity.md). `chain_links` holds one link per commit of each log (events
 * by position, the access log by seq), its head signed by a key kept outside the database; `signing_keys` the public
 * part of every key that signed. `chain_starts` records how far each log reached when this migration ran: the
 * store signs those earlier rows once, at the start that ran this migration (it needs the key, which SQL has not).
 * All three are append-only; a replacing insert is refused on SQLite because the keys already exist.
 */
export const chainLinks: Migration = {
  sqlite: [
    `CREATE TABLE chain_links (
      log TEXT NOT NULL CHECK (log IN ('events', 'access')),
      last_seq INTEGER NOT NULL,
      first_seq INTEGER NOT NULL,
      subject TEXT NOT NULL,
      head TEXT NOT NULL,
      key_id TEXT NOT NULL,
      signature TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      PRIMARY KEY (log, last_seq)
    )`,
    "CREATE TABLE signing_keys (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, first_used_at TEXT NOT NULL)",
    "CREATE TABLE chain_starts (log TEXT PRIMARY KEY, adopted_through INTEGER NOT NULL)",
    "INSERT INTO chain_starts (log, adopted_through) SELECT 'events', COALESCE(MAX(position), 0) FROM events",
    "INSERT INTO chain_starts (log, adopted_through) SELECT 'access', COALESCE(MAX(seq), 0) FROM access_log",
    ...["chain_links", "signing_keys", "chain_starts"].flatMap(appendOnlySqlite),
    `CREATE TRIGGER chain_links_are_never_replaced BEFORE INSERT ON chain_links
     WHEN EXISTS (SELECT 1 FROM chain_links WHERE log = NEW.log AND last_seq = NEW.last_seq)
     BEGIN SELECT RAISE(ABORT, 'chain_links is append-only: a link is never replaced'); END`,
    `CREATE TRIGGER signing_keys_are_never_replaced BEFORE INSERT ON signing_keys
     WHEN EXISTS (SELECT 1 FROM signing_keys WHERE key_id = NEW.key_id)
     BEGIN SELECT RAISE(ABORT, 'signing_keys is append-only: a key is never replaced'); END`
  ],
  pg: [
    `CREATE TABLE chain_links (
      log TEXT COLLATE "C" NOT NULL CHECK (log IN ('events', 'access')),
      last_seq BIGINT NOT NULL,
      first_seq BIGINT NOT NULL,
      subject TEXT COLLATE "C" NOT NULL,
      head TEXT NOT NULL,
      key_id TEXT NOT NULL,
      signature TEXT NOT NULL,
      signed_at TEXT NOT NULL,
      PRIMARY KEY (log, last_seq)
    )`,
    "CREATE TABLE signing_keys (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, first_used_at TEXT NOT NULL)",
    "CREATE TABLE chain_starts (log TEXT PRIMARY KEY, adopted_through BIGINT NOT NULL)",
    "INSERT INTO chain_starts (log, adopted_through) SELECT 'events', COALESCE(MAX(position), 0) FROM events",
    "INSERT INTO chain_starts (log, adopted_through) SELECT 'access', COALESCE(MAX(seq), 0) FROM access_log",
    ...["chain_links", "signing_keys", "chain_starts"].flatMap(appendOnlyPg)
  ]
}
