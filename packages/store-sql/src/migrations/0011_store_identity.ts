import type { Migration } from "./Migration.js"

/**
 * One row naming this store: a random id made when the migration runs, written into every checkpoint and court
 * bundle seal, so that a checkpoint of another store (signed with the same key) is refused by name. Never changed:
 * a restored backup keeps its id, a new database gets a new one.
 */
export const storeIdentity: Migration = {
  sqlite: [
    "CREATE TABLE store_identity (id INTEGER PRIMARY KEY CHECK (id = 1), store_id TEXT NOT NULL)",
    "INSERT INTO store_identity (id, store_id) VALUES (1, 'store_' || lower(hex(randomblob(12))))",
    `CREATE TRIGGER store_identity_is_never_updated BEFORE UPDATE ON store_identity
     BEGIN SELECT RAISE(ABORT, 'store_identity is never changed'); END`,
    `CREATE TRIGGER store_identity_is_never_deleted BEFORE DELETE ON store_identity
     BEGIN SELECT RAISE(ABORT, 'store_identity is never changed'); END`
  ],
  pg: [
    "CREATE TABLE store_identity (id INTEGER PRIMARY KEY CHECK (id = 1), store_id TEXT NOT NULL)",
    "INSERT INTO store_identity (id, store_id) VALUES (1, 'store_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24))",
    `CREATE TRIGGER store_identity_is_never_changed BEFORE UPDATE OR DELETE ON store_identity
     FOR EACH ROW EXECUTE FUNCTION carepanel_events_are_append_only()`
  ]
}
