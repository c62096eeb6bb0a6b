import { type AuthorityId, EventStore, ReadModels, type StreamRef, streamIdOf } from "@carepanel/core"
import { Effect } from "effect"
import { commit, event, notification, row } from "./fixtures.js"

export interface Ack {
  readonly writer: string
  readonly seq: number
  readonly version: number
}

/** The row a counter writer keeps beside its stream: the version its last commit reached. */
export const counterRow = (stream: StreamRef, version: number) =>
  row(stream.authorityId, streamIdOf(stream), { kind: "counter" }, { version }, "contract-counters")

export const readCounterVersion = (stream: StreamRef) =>
  Effect.flatMap(ReadModels, (readModels) =>
    Effect.map(
      readModels.get("contract-counters", stream.authorityId, streamIdOf(stream)),
      (found) => (found?.doc as { version?: number } | undefined)?.version ?? 0
    )
  )

export const notificationId = (writer: string, seq: number) => `${writer}-${seq}`

/**
 * Appends `count` events to `stream` as `writer`, each with its counter row and a notification. Given
 * several streams, each of the `count` commits writes one event and one counter row to every stream, all in one
 * `appendAll` (the notification goes once, with the first stream's commit). Each try reads the current versions
 * (from the counter rows written in the same commit), yields to other fibers, and appends expecting those
 * versions; a ConcurrencyConflict is counted and tried again, any other failure ends the run. `onAck` sees
 * every acknowledged append; its version is the first stream's.
 */
export const counterWriter = (
  streams: StreamRef | ReadonlyArray<StreamRef>,
  writer: string,
  count: number,
  onAck: (ack: Ack) => void = () => {},
  pauseMs = 0
) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const targets = Array.isArray(streams) ? streams : [streams as StreamRef]
    const acks: Array<Ack> = []
    let conflicts = 0
    for (let seq = 1; seq <= count; seq++) {
      while (true) {
        const versions = yield* Effect.forEach(targets, readCounterVersion)
        yield* Effect.yieldNow()
        const commits = targets.map((stream, i) =>
          commit(stream, versions[i]!, {
            events: [event("Counted", { writer, seq })],
            readModels: [counterRow(stream, versions[i]! + 1)],
            notifications: i === 0 ? [notification(stream.authorityId as AuthorityId, notificationId(writer, seq))] : []
          })
        )
        const result = yield* Effect.either(store.appendAll(commits))
        if (result._tag === "Right") {
          const ack = { writer, seq, version: result.right[0]!.version }
          acks.push(ack)
          onAck(ack)
          if (pauseMs > 0) yield* Effect.sleep(Math.random() * pauseMs)
          break
        }
        const conflict = result.left
        if (conflict._tag !== "ConcurrencyConflict") return yield* Effect.fail(conflict)
        const moved = targets.findIndex((stream) => streamIdOf(stream) === conflict.streamId)
        if (moved < 0 || conflict.expectedVersion !== versions[moved] || conflict.actualVersion <= versions[moved]!) {
          return yield* Effect.dieMessage(`conflict reports the wrong stream or versions: ${JSON.stringify(result.left)}`)
        }
        conflicts += 1
      }
    }
    return { acks, conflicts }
  })
