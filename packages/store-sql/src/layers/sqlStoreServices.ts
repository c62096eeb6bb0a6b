import { SqlClient } from "@effect/sql"
import { SqlError } from "@effect/sql/SqlError"
import { AccessLog, EventStore, Outbox, PersistenceError, RateCounters, ReadModels, RecordSeals, RequestKeys, WebhookDeliveries } from "@carepanel/core"
import { Clock, Context, Duration, Effect, Layer, Option, Schedule } from "effect"
import { adoptExistingRows } from "../chain/adoptExistingRows.js"
import { recordSigningKey } from "../chain/appendLink.js"
import { sealRecords } from "../chain/recordSeal.js"
import { StoreIntegrity } from "../chain/StoreIntegrity.js"
import { appendCheckpoint, makeCheckpoint } from "../chain/witness.js"
import type { IntegrityConfig } from "../config/integrityConfig.js"
import { StoreConfigError } from "../config/StoreConfigError.js"
import { runMigrations } from "../migrations/runMigrations.js"
import { driverMessage } from "../sql/driverMessage.js"
import { StoreReadiness } from "../health/StoreReadiness.js"
import { asPersistenceError } from "../sql/persistenceError.js"
import { makeWriteTransaction, type WriteTransaction } from "../sql/writeTransaction.js"
import { makeSqlAccessLog } from "../store/SqlAccessLog.js"
import { makeSqliteAccessWriter } from "../store/sqliteAccessWriter.js"
import { GroupedWrites } from "../store/GroupedWrites.js"
import { Inbox } from "../store/Inbox.js"
import { makeSqlEventStore } from "../store/SqlEventStore.js"
import { type GroupCommit, type GroupCommitOptions, makeGroupCommit } from "../store/groupCommit.js"
import { makeSqlInbox } from "../store/SqlInbox.js"
import { makeSqlOutbox } from "../store/SqlOutbox.js"
import { makeSqlRateCounters } from "../store/SqlRateCounters.js"
import { makeSqlReadModels } from "../store/SqlReadModels.js"
import { makeSqlRequestKeys } from "../store/SqlRequestKeys.js"
import { makeSqlWebhookDeliveries } from "../store/SqlWebhookDeliveries.js"

/**
 * A role that may not create tables (the least-privilege `carepanel_app`) meets a schema this version has not brought up
 * to date: the owner runs the migrations first.
 */
const ownerFirst = (message: string) =>
  /permission denied|must be owner/.test(message)
    ? ". This role may not change the schema: start this version once as the database's owner role to apply its migrations, then as this role (docs/deployment.md, \"Migrations and the least-privilege role\")"
    : ""

/**
 * @effect/sql's Migrator makes a migration whose statement fails (a table of the same name already there, not
 * Carepanel's) a defect, which would stop the start with a stack trace: an error instead, naming the migration, in
 * the database's own words, for the start to report against its setting like any other.
 */
const migrationThatFailed = (defect: unknown) => {
  const failed = defect as { readonly _tag?: unknown; readonly message?: unknown; readonly cause?: unknown } | undefined
  return failed?._tag === "MigrationError"
    ? Option.some(Effect.fail(new Error(`${String(failed.message)}: ${driverMessage(failed.cause)}`)))
    : Option.none()
}

const now = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis).toISOString())

/**
 * Checkpoints to the witness: one at start, one every interval, one at shutdown. A witness that cannot be written
 * is logged, not fatal: the record is still signed, and the next checkpoint covers the gap.
 */
const witnessCheckpoints = (checkpoint: Effect.Effect<unknown, unknown>, intervalSeconds: number) => {
  const logged = Effect.catchAll(checkpoint, (error) => Effect.logError(`Witness checkpoint failed: ${String((error as Error).message ?? error)}`))
  return Effect.zipRight(
    Effect.addFinalizer(() => logged),
    Effect.forkScoped(Effect.repeat(logged, Schedule.spaced(Duration.seconds(intervalSeconds))))
  )
}

/**
 * `GroupedWrites`' transaction. On SQLite the unit is a member of the group commit, with its caller's services (the
 * leader's fibre runs it); inside an open transaction, or with grouping off, the group commit runs it alone (a
 * savepoint, or its own transaction). On PostgreSQL every unit keeps its own transaction: two processes' groups
 * would take their units' row locks (the inbox's ids, then event_head) in different orders and could deadlock, and
 * PostgreSQL commits concurrent transactions side by side anyway.
 */
const groupedTransaction = (sql: SqlClient.SqlClient, writeTransaction: WriteTransaction, groupCommit: GroupCommit): WriteTransaction =>
  sql.onDialectOrElse({
    sqlite:
      (): WriteTransaction =>
      <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        Effect.contextWithEffect((context: Context.Context<R>) => groupCommit("events", Effect.provide(effect, context))),
    orElse: () => writeTransaction
  })

/** SQLite's file and sync setting, for the access log's own connection (sqliteAccessWriter.ts); none on PostgreSQL. */
export interface SqliteFile {
  readonly filename: string
  readonly synchronous: "FULL" | "NORMAL"
}

/**
 * The ports on any @effect/sql client (SQLite or PostgreSQL), after bringing the schema up to date (and, the first
 * time, signing the rows written before the chain). A database that cannot be prepared (not a database file, no
 * permission to create tables) is reported against `setting`, the configuration that named it.
 */
export const sqlStoreServices = (setting: string, where: string, integrity: IntegrityConfig, options: GroupCommitOptions = {}, sqlite?: SqliteFile) =>
  Layer.scopedContext(
    Effect.gen(function* () {
      const { key, witness } = integrity
      yield* runMigrations(Effect.zipRight(Effect.flatMap(now, (at) => recordSigningKey(key, at)), Effect.flatMap(now, (at) => adoptExistingRows(key, at)))).pipe(
        Effect.catchSomeDefect(migrationThatFailed),
        Effect.mapError(
          (error) =>
            new StoreConfigError({
              setting,
              message: `Cannot prepare the database at ${setting} ${where}: ${driverMessage(error)}${ownerFirst(driverMessage(error))}`
            })
        )
      )
      const sql = yield* SqlClient.SqlClient
      const writeTransaction = yield* makeWriteTransaction
      const groupCommit = yield* makeGroupCommit(writeTransaction, key, options)
      const checkpoint = Effect.gen(function* () {
        const made = yield* makeCheckpoint(key, yield* now)
        if (witness !== undefined) yield* appendCheckpoint(witness.file, made)
        return made
      }).pipe(Effect.provideService(SqlClient.SqlClient, sql))
      if (witness !== undefined) yield* witnessCheckpoints(checkpoint, witness.intervalSeconds)
      const seals = RecordSeals.of({
        seal: (authorityId, childId, streams) =>
          checkpoint.pipe(
            Effect.flatMap((made) => sealRecords(key, made, authorityId, childId, streams)),
            Effect.provideService(SqlClient.SqlClient, sql),
            Effect.catchIf(
              (error): error is Error => !(error instanceof SqlError),
              (error) => Effect.fail(new PersistenceError({ operation: "seal a child's records", message: `The checkpoint for the bundle could not be kept: ${error.message}` }))
            ),
            asPersistenceError("seal a child's records")
          )
      })
      const grouped = groupedTransaction(sql, writeTransaction, groupCommit)
      return Context.make(EventStore, yield* makeSqlEventStore(groupCommit)).pipe(
        Context.add(ReadModels, yield* makeSqlReadModels),
        Context.add(Outbox, yield* makeSqlOutbox(writeTransaction, groupCommit)),
        Context.add(Inbox, yield* makeSqlInbox(writeTransaction)),
        Context.add(AccessLog, yield* makeSqlAccessLog(groupCommit, sqlite && (yield* makeSqliteAccessWriter(sqlite.filename, sqlite.synchronous, key)))),
        Context.add(WebhookDeliveries, yield* makeSqlWebhookDeliveries(writeTransaction)),
        Context.add(RecordSeals, seals),
        Context.add(RateCounters, yield* makeSqlRateCounters(writeTransaction)),
        Context.add(GroupedWrites, GroupedWrites.of({ transaction: grouped })),
        Context.add(RequestKeys, yield* makeSqlRequestKeys(grouped)),
        Context.add(StoreIntegrity, StoreIntegrity.of({ key, witnessFile: witness?.file, checkpoint })),
        Context.add(SqlClient.SqlClient, sql),
        Context.add(StoreReadiness, StoreReadiness.onSql(sql))
      )
    })
  )
