import { SqlClient } from "@effect/sql"
import * as Migrator from "@effect/sql/Migrator"
import { Effect } from "effect"
import { makeWriteTransaction } from "../sql/writeTransaction.js"
import { createEvents } from "./0001_create_events.js"
import { createReadModels } from "./0002_create_read_models.js"
import { createOutbox } from "./0003_create_outbox.js"
import { createInbox } from "./0004_create_inbox.js"
import { createAccessLog } from "./0005_create_access_log.js"
import { createWebhookDeliveries } from "./0006_create_webhook_deliveries.js"
import { leaseOutbox } from "./0007_lease_outbox.js"
import { refuseReplacingInserts } from "./0008_refuse_replacing_inserts.js"
import { outboxChannels } from "./0009_outbox_channels.js"
import { chainLinks } from "./0010_chain_links.js"
import { storeIdentity } from "./0011_store_identity.js"
import { chainLinksBySubject } from "./0012_chain_links_by_subject.js"
import { rateCounters } from "./0013_rate_counters.js"
import { referralClocks } from "./0014_referral_clocks.js"
import { deadlineMarkers } from "./0015_deadline_markers.js"
import { moreDeadlineMarkers } from "./0016_more_deadline_markers.js"
import { referralClocksHearings } from "./0017_referral_clocks_hearings.js"
import { referralClocksChildren } from "./0018_referral_clocks_children.js"
import { outboxQueuedAt } from "./0019_outbox_queued_at.js"
import { webhookDeliveriesErasable } from "./0020_webhook_deliveries_erasable.js"
import { requestKeys } from "./0021_request_keys.js"
import type { Migration } from "./Migration.js"

/** Every schema version, in order. Append new ones; never edit one that has shipped. */
export const migrations: ReadonlyArray<readonly [id: number, name: string, migration: Migration]> = [
  [1, "create_events", createEvents],
  [2, "create_read_models", createReadModels],
  [3, "create_outbox", createOutbox],
  [4, "create_inbox", createInbox],
  [5, "create_access_log", createAccessLog],
  [6, "create_webhook_deliveries", createWebhookDeliveries],
  [7, "lease_outbox", leaseOutbox],
  [8, "refuse_replacing_inserts", refuseReplacingInserts],
  [9, "outbox_channels", outboxChannels],
  [10, "chain_links", chainLinks],
  [11, "store_identity", storeIdentity],
  [12, "chain_links_by_subject", chainLinksBySubject],
  [13, "rate_counters", rateCounters],
  [14, "referral_clocks", referralClocks],
  [15, "deadline_markers", deadlineMarkers],
  [16, "more_deadline_markers", moreDeadlineMarkers],
  [17, "referral_clocks_hearings", referralClocksHearings],
  [18, "referral_clocks_children", referralClocksChildren],
  [19, "outbox_queued_at", outboxQueuedAt],
  [20, "webhook_deliveries_erasable", webhookDeliveriesErasable],
  [21, "request_keys", requestKeys]
]

export const migrationsTable = "carepanel_migrations"

const statementsOf = (migration: Migration) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.forEach(
      sql.onDialectOrElse({ pg: () => migration.pg, orElse: () => migration.sqlite }),
      (statement) => sql.unsafe(statement),
      { discard: true }
    ).pipe(Effect.zipRight(migration.rewrite ?? Effect.void))
  )

const runPending = (list: typeof migrations) =>
  Migrator.make({})({
    table: migrationsTable,
    loader: Effect.succeed(list.map(([id, name, migration]) => [id, name, Effect.succeed(statementsOf(migration))] as const))
  })

/**
 * Brings the schema up to date, recording each migration in `carepanel_migrations`. Several processes may
 * start at once: they queue on one write transaction (SQLite `BEGIN IMMEDIATE`; a PostgreSQL advisory
 * lock), so each migration runs exactly once and nobody proceeds on a half-built schema. `afterwards` runs in the
 * same transaction, before any other process can write (the signing of rows older than the chain).
 */
export const runMigrations = <E, R>(afterwards: Effect.Effect<void, E, R>) => runMigrationsOf(migrations, afterwards)

/** Brings the schema up to the last of `list` (tests start from an older version to check an upgrade). */
export const runMigrationsOf = <E = never, R = never>(list: typeof migrations, afterwards: Effect.Effect<void, E, R> = Effect.void as Effect.Effect<void, E, R>) => Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const writeTransaction = yield* makeWriteTransaction
  // On PostgreSQL, the Migrator probes for its table with a query that fails when the table is missing,
  // which would abort our enclosing transaction: create the table (in the Migrator's shape) first.
  const lock = sql.onDialectOrElse({
    pg: () =>
      Effect.zipRight(
        sql`SELECT pg_advisory_xact_lock(${migrationLockKey})`,
        // Only when missing: even IF NOT EXISTS needs CREATE on the schema, which the least-privilege
        // application role (sql/postgres-app-role.sql) does not hold.
        sql<{ missing: boolean }>`SELECT to_regclass(${migrationsTable}) IS NULL AS missing`
      ).pipe(
        Effect.flatMap(([row]) =>
          row?.missing
            ? sql`CREATE TABLE ${sql(migrationsTable)} (
                migration_id integer PRIMARY KEY,
                created_at timestamp with time zone NOT NULL DEFAULT now(),
                name text NOT NULL
              )`.pipe(Effect.asVoid)
            : Effect.void
        )
      ),
    orElse: () => Effect.void
  })
  return yield* writeTransaction(Effect.zipRight(lock, Effect.zipLeft(runPending(list), afterwards)))
})

/** An arbitrary constant naming Carepanel's migration lock among the database's advisory locks. */
const migrationLockKey = 7_301_923_114
