import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Layer, Redacted } from "effect"
import { connectionFailure } from "../config/connectionFailure.js"
import { parseDatabaseUrl } from "../config/databaseUrl.js"
import type { StoreLayer } from "../StoreServices.js"
import { sqlStoreServices } from "./sqlStoreServices.js"

export interface PgStoreOptions {
  /** Pool size; default 10. */
  readonly maxConnections?: number
  /** How long the first connection may take before the store gives up; default 5 seconds. */
  readonly connectTimeout?: Duration.DurationInput
}

/**
 * The production store on PostgreSQL (node-postgres through @effect/sql-pg). `url` is a postgres:// URL,
 * normally `DATABASE_URL`; it is checked, then connected to once, before the layer is built, so a wrong
 * setting fails with one line that names it.
 */
export const PgStoreLayer = (url: string, options: PgStoreOptions = {}): StoreLayer =>
  Layer.unwrapEffect(
    Effect.map(parseDatabaseUrl(url), (db) => {
      const client = PgClient.layer({
        url: Redacted.make(db.url),
        applicationName: "carepanel",
        connectTimeout: options.connectTimeout ?? Duration.seconds(5),
        maxConnections: options.maxConnections ?? 10
      }).pipe(Layer.catchAll((error) => Layer.fail(connectionFailure(db, error))))
      return sqlStoreServices("DATABASE_URL", `${db.host}:${db.port}/${db.database}`).pipe(Layer.provide(client))
    })
  )
