import type { Migration } from "./Migration.js"

/**
 * SQLite's `INSERT OR REPLACE` (and `REPLACE INTO`) deletes a conflicting row without firing delete
 * triggers (unless a connection turns on `recursive_triggers`, which a tamperer would not), so the
 * update and delete triggers of 0001 and 0005 did not stop it. These triggers refuse any insert whose key
 * already exists, whatever its conflict clause. The stream-version message names the unique columns, so
 * that a plain duplicate append is still classified as a concurrency conflict.
 *
 * PostgreSQL has no replacing insert: `ON CONFLICT DO UPDATE` fires the update trigger of 0001 and 0005.
 * Its least-privilege role (`sql/postgres-app-role.sql`) takes away UPDATE, DELETE and TRUNCATE as well.
 */
export const refuseReplacingInserts: Migration = {
  sqlite: [
    `CREATE TRIGGER events_are_never_replaced_by_position BEFORE INSERT ON events
     WHEN EXISTS (SELECT 1 FROM events WHERE position = NEW.position)
     BEGIN SELECT RAISE(ABORT, 'events are append-only: an event is never replaced (events.position already exists)'); END`,
    `CREATE TRIGGER events_are_never_replaced_by_version BEFORE INSERT ON events
     WHEN EXISTS (SELECT 1 FROM events WHERE stream_id = NEW.stream_id AND version = NEW.version)
     BEGIN SELECT RAISE(ABORT, 'events are append-only: an event is never replaced (events.stream_id, events.version already exists)'); END`,
    `CREATE TRIGGER access_log_is_never_replaced BEFORE INSERT ON access_log
     WHEN EXISTS (SELECT 1 FROM access_log WHERE seq = NEW.seq)
     BEGIN SELECT RAISE(ABORT, 'the access log is append-only: an entry is never replaced'); END`
  ],
  pg: []
}
