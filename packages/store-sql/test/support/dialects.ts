import { Effect, type Layer } from "effect"
import type { StoreServices } from "../../src/StoreServices.js"
import { freshPgLayer, freshSqliteLayer } from "./freshStores.js"

/** Both engines, each giving a fresh empty store per call. */
export const dialects: ReadonlyArray<{ readonly name: string; readonly fresh: () => Layer.Layer<StoreServices, unknown> }> = [
  { name: "SQLite", fresh: freshSqliteLayer },
  { name: "PostgreSQL", fresh: freshPgLayer }
]

export const runOn = <A, E>(layer: Layer.Layer<StoreServices, unknown>, program: Effect.Effect<A, E, StoreServices>) =>
  Effect.runPromise(program.pipe(Effect.provide(layer), Effect.scoped))
