import { AccessLog, type AccessRecord } from "@carepanel/core"
import { Effect, Layer, Ref } from "effect"

/** Reads of children's records held in memory (tests, benchmarks). */
export const MemoryAccessLog = Layer.effect(
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
