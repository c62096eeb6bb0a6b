import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Layer, Redacted } from "effect"
import { connectionFailure } from "../config/connectionFailure.js"
import { parseDatabaseUrl } from "../config/databaseUrl.js"
import { dataDirOf, type IntegrityOptions, resolveIntegrity } from "../config/integrityConfig.js"
import type { StoreLayer } from "../StoreServices.js"
import type { GroupCommitOptions } from "../store/groupCommit.js"
import { sqlStoreServices } from "./sqlStoreServices.js"

export interface PgStoreOptions extends IntegrityOptions, GroupCommitOptions {
  /** Pool size; default 10. */
  readonly maxConnections?: number
  /** How long the first connection may take before the store gives up; default 5 seconds. */
  readonly connectTimeout?: Duration.DurationInput
}

/**
 * The production store on PostgreSQL (node-postgres through @effect/sql-pg). `url` is a postgres:// URL,
 * normally `DATABASE_URL`; it is checked, then connected to once, before the layer is built, so a wrong
 * setting fails with one line that names it. Commits are signed with the key `IntegrityOptions` names (in
 * development, one generated in `CAREPANEL_DATA_DIR`, default `./data`).
 */
export const PgStoreLayer = (url: string, options: PgStoreOptions = {}, env: Readonly<Record<string, string | undefined>> = process.env): StoreLayer =>
  Layer.unwrapEffect(
    Effect.map(Effect.all([parseDatabaseUrl(url), resolveIntegrity(options, env, dataDirOf(env))]), ([db, integrity]) => {
      const client = PgClient.layer({
        url: Redacted.make(db.url),
        applicationName: "carepanel",
        connectTimeout: options.connectTimeout ?? Duration.seconds(5),
        maxConnections: options.maxConnections ?? 10
      }).pipe(Layer.catchAll((error) => Layer.fail(connectionFailure(db, error))))
      return sqlStoreServices("DATABASE_URL", `${db.host}:${db.port}/${db.database}`, integrity, options).pipe(Layer.provide(client))
    })
  )
