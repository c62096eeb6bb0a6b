import { type AuthorityId, type Commit, EventStore, type StreamRef } from "@carepanel/core"
import { Effect } from "effect"

export const authorityA = "authority-a" as AuthorityId

export const streamNamed = (id: string): StreamRef => ({ authorityId: authorityA, streamType: "referral", id })

/** A one-event commit to stream `id` at `expectedVersion`, its note naming it (the stream's id unless given). */
export const noteOn = (id: string, expectedVersion: number, note: string = id): Commit => ({
  stream: streamNamed(id),
  expectedVersion,
  events: [{ type: "AmountRecorded", data: { amount: expectedVersion + 1, note } }],
  readModels: [],
  notifications: []
})

/** Appends `count` single-event commits to a stream, continuing from its current version. */
export const appendSome = (stream: StreamRef, count: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    for (let i = 0; i < count; i++) {
      const version = (yield* store.readStream(stream)).length
      yield* store.append({
        stream,
        expectedVersion: version,
        events: [{ type: "AmountRecorded", data: { amount: 100 + version, note: "chained" } }],
        readModels: [],
        notifications: []
      })
    }
  })
