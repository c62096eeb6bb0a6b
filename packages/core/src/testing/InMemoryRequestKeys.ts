import { Deferred, Effect, Exit, FiberId } from "effect"
import { type ChangedRecord, type KeyedChange, type KeyedOutcome, RequestKeys } from "../ports/RequestKeys.js"
import { collectingAppended } from "../shared/appendedRecords.js"

interface Kept {
  readonly _tag: "Kept"
  readonly fingerprint: string
  readonly appliedAt: string
  readonly records: ReadonlyArray<ChangedRecord>
}

/** A change with this key is running: a second call waits for `done`, then looks again. */
interface Pending {
  readonly _tag: "Pending"
  readonly done: Deferred.Deferred<void>
}

const keyOf = (change: KeyedChange) => `${change.authorityId}\u0000${change.personId}\u0000${change.key}`

const now = Effect.map(Effect.clockWith((clock) => clock.currentTimeMillis), (millis) => new Date(millis).toISOString())

/**
 * Request keys held in memory, for tests. A key is claimed while its change runs and kept when it succeeds; a change
 * that fails (or is interrupted) frees it. Unlike the SQL store's, a failed change's events are not rolled back with
 * its claim: the in-memory store has no transaction around a whole use case, so what it appended before failing stays.
 */
export const makeInMemoryRequestKeys = () => {
  const keys = new Map<string, Kept | Pending>()
  const once = <A, E, R>(change: KeyedChange, run: Effect.Effect<A, E, R>): Effect.Effect<KeyedOutcome<A>, E, R> =>
    Effect.uninterruptibleMask((restore) =>
      Effect.suspend((): Effect.Effect<KeyedOutcome<A>, E, R> => {
        const id = keyOf(change)
        const entry = keys.get(id)
        if (entry?._tag === "Kept") return Effect.succeed({ _tag: "AlreadyApplied", fingerprint: entry.fingerprint, appliedAt: entry.appliedAt, records: entry.records })
        if (entry?._tag === "Pending") return Effect.zipRight(restore(Deferred.await(entry.done)), once(change, run))
        const done = Deferred.unsafeMake<void>(FiberId.none)
        keys.set(id, { _tag: "Pending", done })
        return restore(collectingAppended(run)).pipe(
          Effect.flatMap(([value, records]) =>
            Effect.map(now, (appliedAt): KeyedOutcome<A> => {
              keys.set(id, { _tag: "Kept", fingerprint: change.fingerprint, appliedAt, records })
              return { _tag: "Applied", value }
            })
          ),
          Effect.onExit((exit) =>
            Effect.sync(() => {
              if (Exit.isFailure(exit)) keys.delete(id)
              Deferred.unsafeDone(done, Exit.void)
            })
          )
        )
      })
    )
  return RequestKeys.of({ once })
}
