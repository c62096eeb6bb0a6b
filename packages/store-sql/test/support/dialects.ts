import { Effect, type Layer } from "effect"
import type { StoreServices } from "../../src/StoreServices.js"
import { type GroupCommitOptions, PgStoreLayer, SqliteStoreLayer } from "../../src/index.js"
import { freshDataDir, freshPgDatabase, freshPgLayer, freshSqliteLayer } from "./freshStores.js"

/** Both engines, each giving a fresh empty store per call. */
export const dialects: ReadonlyArray<{ readonly name: string; readonly fresh: () => Layer.Layer<StoreServices, unknown> }> = [
  { name: "SQLite", fresh: freshSqliteLayer },
  { name: "PostgreSQL", fresh: freshPgLayer }
]

/** Both engines, each giving a fresh empty store with the group commit's options (e.g. `onGroup`, to see its groups). */
export const groupingEngines = [
  { name: "SQLite", fresh: (options: GroupCommitOptions) => Promise.resolve(SqliteStoreLayer({ dataDir: freshDataDir(), ...options })) },
  { name: "PostgreSQL", fresh: async (options: GroupCommitOptions) => PgStoreLayer(await freshPgDatabase(), options) }
] as const

export const runOn = <A, E>(layer: Layer.Layer<StoreServices, unknown>, program: Effect.Effect<A, E, StoreServices>) =>
  Effect.runPromise(program.pipe(Effect.provide(layer), Effect.scoped))
