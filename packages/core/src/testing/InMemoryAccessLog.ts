import { Effect, Layer, Ref } from "effect"
import { AccessLog, type AccessRecord } from "../ports/AccessLog.js"

/** An access log held in memory, for tests. */
export const InMemoryAccessLog = Layer.effect(
  AccessLog,
  Effect.gen(function* () {
    const entries = yield* Ref.make<ReadonlyArray<AccessRecord>>([])
    return AccessLog.of({
      record: (more) => Ref.update(entries, (all) => [...all, ...more]),
      forChild: (authorityId, childId) =>
        Ref.get(entries).pipe(Effect.map((all) => all.filter((entry) => entry.authorityId === authorityId && entry.childId === childId)))
    })
  })
)
