import { Effect, FiberRef } from "effect"
import type { StreamRef } from "../ports/EventStore.js"
import type { ChangedRecord } from "../ports/RequestKeys.js"

/** The records appended to while `collectingAppended` runs, in this fibre (and those it starts); undefined outside. */
const appended = FiberRef.unsafeMake<Array<ChangedRecord> | undefined>(undefined)

/** Notes the streams a commit (or commits) appended to, for a `collectingAppended` around it. */
export const noteAppended = (streams: ReadonlyArray<StreamRef>): Effect.Effect<void> =>
  Effect.map(FiberRef.get(appended), (records) => {
    if (records === undefined) return
    for (const { streamType, id } of streams) {
      if (!records.some((record) => record.streamType === streamType && record.id === id)) records.push({ streamType, id })
    }
  })

/** Runs `effect` and answers its value with the records it appended to through the command runner, each once. */
export const collectingAppended = <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<readonly [A, ReadonlyArray<ChangedRecord>], E, R> =>
  Effect.suspend(() => {
    const records: Array<ChangedRecord> = []
    return Effect.map(Effect.locally(effect, appended, records), (value) => [value, records] as const)
  })
