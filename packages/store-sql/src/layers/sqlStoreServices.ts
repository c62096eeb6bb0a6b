import { SqlClient } from "@effect/sql"
import { AccessLog, EventStore, Outbox, ReadModels, WebhookDeliveries } from "@carepanel/core"
import { Context, Effect, Layer } from "effect"
import { StoreConfigError } from "../config/StoreConfigError.js"
import { runMigrations } from "../migrations/runMigrations.js"
import { driverMessage } from "../sql/driverMessage.js"
import { StoreReadiness } from "../health/StoreReadiness.js"
import { makeWriteTransaction } from "../sql/writeTransaction.js"
import { makeSqlAccessLog } from "../store/SqlAccessLog.js"
import { Inbox } from "../store/Inbox.js"
import { makeSqlEventStore } from "../store/SqlEventStore.js"
import { makeSqlInbox } from "../store/SqlInbox.js"
import { makeSqlOutbox } from "../store/SqlOutbox.js"
import { makeSqlReadModels } from "../store/SqlReadModels.js"
import { makeSqlWebhookDeliveries } from "../store/SqlWebhookDeliveries.js"

/**
 * The ports on any @effect/sql client (SQLite or PostgreSQL), after bringing the schema up to date. A
 * database that cannot be prepared (not a database file, no permission to create tables) is reported
 * against `setting`, the configuration that named it.
 */
export const sqlStoreServices = (setting: string, where: string) =>
  Layer.scopedContext(
    Effect.gen(function* () {
      yield* runMigrations.pipe(
        Effect.mapError(
          (error) =>
            new StoreConfigError({
              setting,
              message: `Cannot prepare the database at ${setting} ${where}: ${driverMessage(error)}`
            })
        )
      )
      const writeTransaction = yield* makeWriteTransaction
      const sql = yield* SqlClient.SqlClient
      return Context.make(EventStore, yield* makeSqlEventStore(writeTransaction)).pipe(
        Context.add(ReadModels, yield* makeSqlReadModels),
        Context.add(Outbox, yield* makeSqlOutbox(writeTransaction)),
        Context.add(Inbox, yield* makeSqlInbox(writeTransaction)),
        Context.add(AccessLog, yield* makeSqlAccessLog(writeTransaction)),
        Context.add(WebhookDeliveries, yield* makeSqlWebhookDeliveries(writeTransaction)),
        Context.add(SqlClient.SqlClient, sql),
        Context.add(StoreReadiness, StoreReadiness.onSql(sql))
      )
    })
  )
