import { EventStore, notificationChannels, Outbox, type StreamRef } from "@carepanel/core"
import { Effect } from "effect"
import { expect } from "vitest"
import { type Ack, notificationId, readCounterVersion } from "./counterWriter.js"

/**
 * After counter writers ran on `stream`: versions are 1..n without gaps, every acknowledged append is at
 * its acknowledged version, each (writer, seq) appears once, and the counter row and the outbox agree
 * with the events (so no commit was half-written). Returns the events' (writer, seq) in version order.
 */
export const checkCounterStream = (stream: StreamRef, acks: ReadonlyArray<Ack>) =>
  Effect.gen(function* () {
    const events = yield* (yield* EventStore).readStream(stream)
    const outbox = yield* Outbox
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1))
    const written = events.map((e) => e.data as { writer: string; seq: number })
    for (const ack of acks) expect(written[ack.version - 1]).toEqual({ writer: ack.writer, seq: ack.seq })
    expect(new Set(written.map((w) => notificationId(w.writer, w.seq))).size).toBe(written.length)
    expect(yield* readCounterVersion(stream)).toBe(events.length)
    for (const w of written) {
      for (const channel of notificationChannels) expect((yield* outbox.get(channel, notificationId(w.writer, w.seq)))?.state).toBe("pending")
    }
    return written
  })

/**
 * After counter writers committed to several streams together: each stream passes `checkCounterStream`, and all
 * hold the same (writer, seq) in the same order, so no commit was written to one record without the other.
 */
export const checkPairedStreams = (streams: ReadonlyArray<StreamRef>, acks: ReadonlyArray<Ack>) =>
  Effect.gen(function* () {
    const written = yield* Effect.forEach(streams, (stream) => checkCounterStream(stream, acks))
    for (const other of written.slice(1)) expect(other).toEqual(written[0])
    expect(written[0]).toHaveLength(acks.length)
    return written[0]!
  })
