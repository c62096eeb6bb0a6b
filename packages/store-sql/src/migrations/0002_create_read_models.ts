import type { Migration } from "./Migration.js"

/**
 * Read-model rows (a JSON document plus its index fields as JSON) and one `read_model_index` entry per
 * index value, so an equality or membership filter is one range scan ordered by id. (No second index
 * on the entries: a rewrite deletes the old entries by primary key, and a lone (collection, authority,
 * id) index tempts PostgreSQL into bad plans before its statistics catch up.) Empty ids and
 * collection names are refused by the database.
 */
export const createReadModels: Migration = {
  sqlite: [
    `CREATE TABLE read_models (
      collection TEXT NOT NULL CHECK (collection <> ''),
      authority_id TEXT NOT NULL CHECK (authority_id <> ''),
      id TEXT NOT NULL CHECK (id <> ''),
      index_fields TEXT NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (collection, authority_id, id)
    )`,
    `CREATE TABLE read_model_index (
      collection TEXT NOT NULL,
      authority_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT NOT NULL,
      id TEXT NOT NULL,
      PRIMARY KEY (collection, authority_id, field, value, id)
    ) WITHOUT ROWID`
  ],
  pg: [
    `CREATE TABLE read_models (
      collection TEXT COLLATE "C" NOT NULL CHECK (collection <> ''),
      authority_id TEXT COLLATE "C" NOT NULL CHECK (authority_id <> ''),
      id TEXT COLLATE "C" NOT NULL CHECK (id <> ''),
      index_fields TEXT NOT NULL,
      doc TEXT NOT NULL,
      PRIMARY KEY (collection, authority_id, id)
    )`,
    `CREATE TABLE read_model_index (
      collection TEXT COLLATE "C" NOT NULL,
      authority_id TEXT COLLATE "C" NOT NULL,
      field TEXT COLLATE "C" NOT NULL,
      value TEXT COLLATE "C" NOT NULL,
      id TEXT COLLATE "C" NOT NULL,
      PRIMARY KEY (collection, authority_id, field, value, id)
    )`
  ]
}
