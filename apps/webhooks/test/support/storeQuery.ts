import { SqlClient } from "@effect/sql"
import { type StoreServices, SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect, type Layer } from "effect"

/** Reads the store directly, as an operator would: rows of one SQL query. */
export const queryStore = <A extends object = Record<string, unknown>>(store: Layer.Layer<StoreServices, unknown>, text: string, params: ReadonlyArray<unknown> = []) =>
  Effect.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe<A>(text, params)).pipe(Effect.provide(store)))

export const sqliteAt = (dataDir: string) => SqliteStoreLayer({ dataDir })

export const countOf = async (store: Layer.Layer<StoreServices, unknown>, text: string, params: ReadonlyArray<unknown> = []) =>
  Number((await queryStore<{ n: number | string }>(store, text, params))[0]?.n ?? 0)
