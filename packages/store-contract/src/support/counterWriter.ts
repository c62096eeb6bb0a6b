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
 * Appends `count` events to `stream` as `writer`, each with its counter row and a notification. Each try
 * reads the current version (from the counter row written in the same commit), yields to other fibers,
 * and appends expecting that version; a ConcurrencyConflict is counted and tried again, any other
 * failure ends the run. `onAck` sees every acknowledged append.
 */
export const counterWriter = (
  stream: StreamRef,
  writer: string,
  count: number,
  onAck: (ack: Ack) => void = () => {},
  pauseMs = 0
) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const acks: Array<Ack> = []
    let conflicts = 0
    for (let seq = 1; seq <= count; seq++) {
      while (true) {
        const version = yield* readCounterVersion(stream)
        yield* Effect.yieldNow()
        const result = yield* Effect.either(
          store.append(
            commit(stream, version, {
              events: [event("Counted", { writer, seq })],
              readModels: [counterRow(stream, version + 1)],
              notifications: [notification(stream.authorityId as AuthorityId, notificationId(writer, seq))]
            })
          )
        )
        if (result._tag === "Right") {
          const ack = { writer, seq, version: result.right.version }
          acks.push(ack)
          onAck(ack)
          if (pauseMs > 0) yield* Effect.sleep(Math.random() * pauseMs)
          break
        }
        if (result.left._tag !== "ConcurrencyConflict") return yield* Effect.fail(result.left)
        if (result.left.expectedVersion !== version || result.left.actualVersion <= version) {
          return yield* Effect.dieMessage(`conflict reports the wrong versions: ${JSON.stringify(result.left)}`)
        }
        conflicts += 1
      }
    }
    return { acks, conflicts }
  })
