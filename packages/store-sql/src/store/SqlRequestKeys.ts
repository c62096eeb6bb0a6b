import { SqlClient } from "@effect/sql"
import { type ChangedRecord, collectingAppended, type KeyedChange, type KeyedOutcome, PersistenceError, RequestKeys } from "@carepanel/core"
import { Clock, Effect } from "effect"
import { directly } from "../sql/directly.js"
import { asPersistenceError } from "../sql/persistenceError.js"
import type { WriteTransaction } from "../sql/writeTransaction.js"

interface KeptRow {
  readonly fingerprint: string
  readonly applied_at: string
  readonly records: string
}

/** The change's own failure, carried through the transaction as is (only the store's failures become PersistenceError). */
class RunFailed<E> {
  readonly _tag = "RunFailed"
  constructor(readonly error: E) {}
}

const operation = "save the change and its request key"

/**
 * `RequestKeys` in the `request_keys` table (migration 0021). `once` is one unit of `GroupedWrites`' transaction
 * (`transaction`): the key's claim, the change and the records it wrote commit together or not at all, so a change
 * that fails (or a COMMIT that does) leaves the key free. A key already kept answers `AlreadyApplied` as the unit's
 * success: on SQLite, a repeat grouped with the first is answered only once the group is durable, and fails with it.
 * On PostgreSQL a claim's INSERT waits for another transaction's uncommitted claim of the same key, then inserts (it
 * rolled back) or does nothing (it committed), so calls at the same time, in any processes, apply the change once.
 */
export const makeSqlRequestKeys = (transaction: WriteTransaction) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient

    const claim = (change: KeyedChange, at: string) =>
      directly(
        sql,
        sql<{ request_key: string }>`INSERT INTO request_keys (authority_id, person_id, request_key, fingerprint, applied_at, records)
          VALUES (${change.authorityId}, ${change.personId}, ${change.key}, ${change.fingerprint}, ${at}, '[]')
          ON CONFLICT (authority_id, person_id, request_key) DO NOTHING RETURNING request_key`
      )

    const kept = (change: KeyedChange) =>
      Effect.flatMap(
        directly(
          sql,
          sql<KeptRow>`SELECT fingerprint, applied_at, records FROM request_keys
            WHERE authority_id = ${change.authorityId} AND person_id = ${change.personId} AND request_key = ${change.key}`
        ),
        ([row]) =>
          row === undefined
            ? Effect.fail(new PersistenceError({ operation, message: "The request's key was claimed but cannot be read back. Please try again." }))
            : Effect.succeed<KeyedOutcome<never>>({
                _tag: "AlreadyApplied",
                fingerprint: row.fingerprint,
                appliedAt: row.applied_at,
                records: JSON.parse(row.records) as ReadonlyArray<ChangedRecord>
              })
      )

    const keep = (change: KeyedChange, at: string, records: ReadonlyArray<ChangedRecord>) =>
      directly(
        sql,
        sql`UPDATE request_keys SET applied_at = ${at}, records = ${JSON.stringify(records)}
          WHERE authority_id = ${change.authorityId} AND person_id = ${change.personId} AND request_key = ${change.key}`
      )

    const nowIso = Effect.map(Clock.currentTimeMillis, (millis) => new Date(millis).toISOString())

    const once = <A, E, R>(change: KeyedChange, run: Effect.Effect<A, E, R>): Effect.Effect<KeyedOutcome<A>, E | PersistenceError, R> =>
      transaction(
        Effect.gen(function* () {
          const claimed = yield* claim(change, yield* nowIso)
          if (claimed.length === 0) return yield* kept(change)
          const [value, records] = yield* Effect.mapError(collectingAppended(run), (error) => new RunFailed(error))
          yield* keep(change, yield* nowIso, records)
          return { _tag: "Applied", value } satisfies KeyedOutcome<A>
        })
      ).pipe(
        asPersistenceError(operation),
        Effect.catchIf(
          (error): error is RunFailed<E> => error instanceof RunFailed,
          (failed) => Effect.fail(failed.error)
        )
      )

    return RequestKeys.of({ once })
  })
