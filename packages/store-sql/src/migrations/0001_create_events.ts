import type { Migration } from "./Migration.js"

/**
 * The event log. `position` is global and gapless: each append takes it from the single `event_head` row
 * inside its transaction, which also makes appends commit in position order. Events are append-only,
 * enforced by triggers.
 */
export const createEvents: Migration = {
  sqlite: [
    `CREATE TABLE events (
      position INTEGER PRIMARY KEY,
      stream_id TEXT NOT NULL,
      authority_id TEXT NOT NULL,
      stream_type TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      hash TEXT NOT NULL,
      CONSTRAINT events_stream_version UNIQUE (stream_id, version)
    )`,
    "CREATE INDEX events_by_authority ON events (authority_id, position)",
    "CREATE TABLE event_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_position INTEGER NOT NULL)",
    "INSERT INTO event_head (id, last_position) VALUES (1, 0)",
    `CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only: an event is never updated'); END`,
    `CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only: an event is never deleted'); END`
  ],
  pg: [
    `CREATE TABLE events (
      position BIGINT PRIMARY KEY,
      stream_id TEXT COLLATE "C" NOT NULL,
      authority_id TEXT COLLATE "C" NOT NULL,
      stream_type TEXT COLLATE "C" NOT NULL,
      entity_id TEXT COLLATE "C" NOT NULL,
      version INTEGER NOT NULL CHECK (version >= 1),
      type TEXT NOT NULL,
      data TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      hash TEXT NOT NULL,
      CONSTRAINT events_stream_version UNIQUE (stream_id, version)
    )`,
    "CREATE INDEX events_by_authority ON events (authority_id, position)",
    "CREATE TABLE event_head (id INTEGER PRIMARY KEY CHECK (id = 1), last_position BIGINT NOT NULL)",
    "INSERT INTO event_head (id, last_position) VALUES (1, 0)",
    `CREATE FUNCTION carepanel_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'events are append-only: % is not allowed on events', TG_OP USING ERRCODE = 'restrict_violation';
     END $$`,
    `CREATE TRIGGER events_are_never_changed BEFORE UPDATE OR DELETE ON events
     FOR EACH ROW EXECUTE FUNCTION carepanel_events_are_append_only()`,
    `CREATE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events
     FOR EACH STATEMENT EXECUTE FUNCTION carepanel_events_are_append_only()`
  ]
}
