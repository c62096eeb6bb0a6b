import type { Migration } from "./Migration.js"

/** Who read which child's record, when, and which fields (never the values): append-only, like events. */
export const createAccessLog: Migration = {
  sqlite: [
    `CREATE TABLE access_log (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      authority_id TEXT NOT NULL,
      person_id TEXT NOT NULL,
      role TEXT NOT NULL,
      at TEXT NOT NULL,
      child_id TEXT NOT NULL,
      fields TEXT NOT NULL,
      purpose TEXT NOT NULL
    )`,
    `CREATE INDEX access_log_by_child ON access_log (authority_id, child_id, seq)`,
    `CREATE TRIGGER access_log_is_never_updated BEFORE UPDATE ON access_log
     BEGIN SELECT RAISE(ABORT, 'the access log is append-only: an entry is never updated'); END`,
    `CREATE TRIGGER access_log_is_never_deleted BEFORE DELETE ON access_log
     BEGIN SELECT RAISE(ABORT, 'the access log is append-only: an entry is never deleted'); END`
  ],
  pg: [
    `CREATE TABLE access_log (
      seq BIGSERIAL PRIMARY KEY,
      authority_id TEXT COLLATE "C" NOT NULL,
      person_id TEXT NOT NULL,
      role TEXT NOT NULL,
      at TEXT NOT NULL,
      child_id TEXT COLLATE "C" NOT NULL,
      fields TEXT NOT NULL,
      purpose TEXT NOT NULL
    )`,
    `CREATE INDEX access_log_by_child ON access_log (authority_id, child_id, seq)`,
    `CREATE TRIGGER access_log_is_never_changed BEFORE UPDATE OR DELETE ON access_log
     FOR EACH ROW EXECUTE FUNCTION carepanel_events_are_append_only()`
  ]
}
