import { SqlClient } from "@effect/sql"
import { type AuthorityId, type DecisionId, decisionCollection, EventStore, preset, ReadModels } from "@carepanel/core"
import { inMemoryCore, playWeek } from "@carepanel/core/testing"
import { Effect, Layer, TestContext } from "effect"
import { PgStoreLayer, SqliteStoreLayer, trustedKeyOf, verifyStore } from "../../src/index.js"
import { StoreIntegrity } from "../../src/chain/StoreIntegrity.js"
import type { StoreServices } from "../../src/StoreServices.js"
import { freshDataDir, freshPgDatabase } from "./freshStores.js"

/** A store kept between openings (a data directory, a database), for both engines, and the environment naming it. */
export const rebuildEngines = [
  {
    name: "SQLite",
    make: async () => {
      const dataDir = freshDataDir()
      return { open: () => SqliteStoreLayer({ dataDir }), env: { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" } }
    }
  },
  {
    name: "PostgreSQL",
    make: async () => {
      const url = await freshPgDatabase()
      return { open: () => PgStoreLayer(url), env: { DATABASE_URL: url } }
    }
  }
] as const

export type StoreLayerOf = () => Layer.Layer<StoreServices, unknown>

/** `program` on the store, with the core's use cases for the preset's authority beside it, on a test clock. */
export const withCore = <A, E, R>(open: StoreLayerOf, slug: "support-panels" | "knowsley", program: Effect.Effect<A, E, R>) => {
  const store = Layer.orDie(open())
  return Effect.runPromise(
    (program as Effect.Effect<A, E, never>).pipe(
      Effect.provide(Layer.merge(inMemoryCore(preset(slug), store), store)),
      Effect.provide(TestContext.TestContext),
      Effect.scoped
    )
  )
}

/** A panel week of the preset's authority, played on the store: its decisions' ids. */
export const playedWeek = (open: StoreLayerOf, slug: "support-panels" | "knowsley") =>
  withCore(
    open,
    slug,
    Effect.map(playWeek(preset(slug)), (week) => week.decisions.map((decision) => decision.id))
  )

/** A Support Panels week played on the store, then `program` on it with the week's first decision: its id and what `program` gave. */
export const onAPlayedWeek = async <A, E, R>(open: StoreLayerOf, program: (decisionId: DecisionId) => Effect.Effect<A, E, R>) => {
  const [decisionId] = await playedWeek(open, "support-panels")
  return { decisionId: decisionId!, result: await withCore(open, "support-panels", program(decisionId!)) }
}

/**
 * What an older version left in the store: the decision's read model written with another status (its document, its
 * index fields and its index entry, as a commit of that version wrote all three).
 */
export const writtenByAnOlderVersion = (authorityId: AuthorityId, decisionId: DecisionId, status: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const [row] = yield* sql<{ index_fields: string; doc: string }>`SELECT index_fields, doc FROM read_models
      WHERE collection = ${decisionCollection} AND authority_id = ${authorityId} AND id = ${decisionId}`
    const index = JSON.parse(row!.index_fields)
    const doc = JSON.parse(row!.doc)
    yield* sql`UPDATE read_model_index SET value = ${`s:${status}`} WHERE collection = ${decisionCollection}
      AND authority_id = ${authorityId} AND id = ${decisionId} AND field = 'status'`
    yield* sql`UPDATE read_models SET index_fields = ${JSON.stringify({ ...index, status })}, doc = ${JSON.stringify({ ...doc, status })}
      WHERE collection = ${decisionCollection} AND authority_id = ${authorityId} AND id = ${decisionId}`
  })

/** What a fault leaves: the decision's row right, but its status's index entry saying another status. */
export const indexEntryWrong = (authorityId: AuthorityId, decisionId: DecisionId, status: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql`UPDATE read_model_index SET value = ${`s:${status}`} WHERE collection = ${decisionCollection}
      AND authority_id = ${authorityId} AND id = ${decisionId} AND field = 'status'`
  )

/** The authority's decisions a list by status shows (as the API's `decisions(status: ...)` asks the read models). */
export const decisionsWithStatus = (authorityId: AuthorityId, status: string) =>
  Effect.flatMap(ReadModels, (readModels) =>
    Effect.map(readModels.query({ collection: decisionCollection, authorityId, where: { status }, limit: 100 }), (rows) =>
      rows.map((row) => `${row.id} ${(row.doc as { status: string }).status}`)
    )
  )

/** The store's own check of its chains, with the key it signs with; and the end of its log. */
export const storeChecks = Effect.gen(function* () {
  const integrity = yield* StoreIntegrity
  const report = yield* verifyStore({ trusted: [trustedKeyOf(integrity.key)] })
  return { chain: report._tag, newestPosition: yield* (yield* EventStore).newestPosition }
})

/**
 * What no record makes any more: a copy of the decision's row (and its index entries) under an id no stream has, as
 * a read model whose key changed leaves it, and a row of a collection no version writes now, with an index entry.
 */
export const leftBehind = (authorityId: AuthorityId, decisionId: DecisionId) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql`INSERT INTO read_models (collection, authority_id, id, index_fields, doc) SELECT collection, authority_id, 'dec_renamed', index_fields, doc
      FROM read_models WHERE collection = ${decisionCollection} AND authority_id = ${authorityId} AND id = ${decisionId}`
    yield* sql`INSERT INTO read_model_index (collection, authority_id, field, value, id) SELECT collection, authority_id, field, value, 'dec_renamed'
      FROM read_model_index WHERE collection = ${decisionCollection} AND authority_id = ${authorityId} AND id = ${decisionId}`
    yield* sql`INSERT INTO read_models (collection, authority_id, id, index_fields, doc) VALUES ('decisionsByChild', ${authorityId}, 'old-key', '{"childId":"child-a"}', '{}')`
    yield* sql`INSERT INTO read_model_index (collection, authority_id, field, value, id) VALUES ('decisionsByChild', ${authorityId}, 'childId', 's:child-a', 'old-key')`
  })

/** How many read-model rows and index entries the store holds under these ids, in any collection. */
export const storedRowsOf = (authorityId: AuthorityId, ids: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const [rows] = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM read_models WHERE authority_id = ${authorityId} AND id IN ${sql.in(ids)}`
    const [entries] = yield* sql<{ n: number | string }>`SELECT count(*) AS n FROM read_model_index WHERE authority_id = ${authorityId} AND id IN ${sql.in(ids)}`
    return { rows: Number(rows!.n), entries: Number(entries!.n) }
  })
