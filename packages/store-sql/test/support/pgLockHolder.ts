import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Deferred, Effect, Fiber, Redacted } from "effect"

/**
 * Runs `work` in a transaction on a connection of its own to `url` and keeps that transaction open, with whatever
 * locks `work` took; answers, once `work` is done, the effect that commits it and waits for the commit.
 */
export const holdOpenTransaction = <A, E>(url: string, work: (sql: PgClient.PgClient) => Effect.Effect<A, E>) =>
  Effect.gen(function* () {
    const held = yield* Deferred.make<void>()
    const release = yield* Deferred.make<void>()
    const holder = yield* Effect.fork(
      Effect.flatMap(PgClient.PgClient, (sql) =>
        sql.withTransaction(
          Effect.gen(function* () {
            yield* work(sql)
            yield* Deferred.succeed(held, undefined)
            yield* Deferred.await(release)
          })
        )
      ).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(url), maxConnections: 1 })))
    )
    yield* Deferred.await(held)
    return Effect.zipRight(Deferred.succeed(release, undefined), Fiber.join(holder))
  })

/** Waits (at most 20 s) until `sessions` sessions of this database (default one) are waiting on a lock. */
export const blockedOnLocks = (sessions: number) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.repeat(
      sql<{ waiting: number | string }>`SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      { until: ([row]) => Number(row?.waiting) >= sessions }
    ).pipe(Effect.timeout("20 seconds"))
  )

/** Waits (at most 20 s) until some session of this database is waiting on a lock. */
export const blockedOnALock = blockedOnLocks(1)

/** `blockedOnLocks` from a connection of its own to `url`, for a test that holds no store there. */
export const blockedOnLocksAt = (url: string, sessions: number) =>
  Effect.provide(blockedOnLocks(sessions), PgClient.layer({ url: Redacted.make(url), maxConnections: 1 }))
