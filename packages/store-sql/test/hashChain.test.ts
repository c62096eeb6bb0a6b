import { createHash } from "node:crypto"
import { SqlClient } from "@effect/sql"
import { EventStore } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { eventHash, verifyChain } from "../src/index.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { dialects, runOn } from "./support/dialects.js"
import { disableEventTriggers } from "./support/disableEventTriggers.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

describe("event hash", () => {
  it("is sha256 of the previous hash and the canonical JSON array of the event's fields", () => {
    const fields = { streamId: "a/referral/r1", version: 1, type: "Opened", data: '{"a":1}', recordedAt: "2026-01-01T00:00:00.000Z" }
    const expected = createHash("sha256")
      .update('["a/referral/r1",1,"Opened",{"a":1},"2026-01-01T00:00:00.000Z"]')
      .digest("hex")
    expect(eventHash("", fields)).toBe(expected)
    expect(eventHash(expected, { ...fields, version: 2 })).toBe(
      createHash("sha256").update(`${expected}["a/referral/r1",2,"Opened",{"a":1},"2026-01-01T00:00:00.000Z"]`).digest("hex")
    )
  })
})

for (const { name, fresh } of dialects) {
  describe(`${name}: tamper evidence`, () => {
  it("chains each stream's events from the empty hash and verifies them", () =>
    runOn(
      fresh(),
      Effect.gen(function* () {
        yield* appendSome(streamNamed("r1"), 3)
        yield* appendSome(streamNamed("r2"), 2)
        const events = yield* (yield* EventStore).readStream(streamNamed("r1"))
        expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true)
        expect(new Set(events.map((e) => e.hash)).size).toBe(3)
        expect(yield* verifyChain()).toEqual({ _tag: "Intact", events: 5, streams: 2 })
        expect(yield* verifyChain({ streamId: "authority-a/referral/r2" })).toEqual({ _tag: "Intact", events: 2, streams: 1 })
      })
    ))

  it("reports the first broken link when an event is changed behind the store's back", () =>
    runOn(
      fresh(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* appendSome(streamNamed("r1"), 4)
        yield* appendSome(streamNamed("r2"), 1)
        const stored = yield* (yield* EventStore).readStream(streamNamed("r1"))
        yield* disableEventTriggers
        yield* sql`UPDATE events SET data = '{"amount":999999,"note":"chained"}'
          WHERE stream_id = 'authority-a/referral/r1' AND version = 2`
        const report = yield* verifyChain()
        expect(report).toMatchObject({ _tag: "Broken", streamId: "authority-a/referral/r1", version: 2, actual: stored[1]!.hash })
        expect(report._tag === "Broken" && report.expected).not.toBe(stored[1]!.hash)

        // Rewriting the tampered event's hash too only moves the break to the next event.
        const rehashed = report._tag === "Broken" ? report.expected : ""
        yield* sql`UPDATE events SET hash = ${rehashed} WHERE stream_id = 'authority-a/referral/r1' AND version = 2`
        expect(yield* verifyChain()).toMatchObject({ _tag: "Broken", version: 3, actual: stored[2]!.hash })
        expect(yield* verifyChain({ streamId: "authority-a/referral/r2" })).toMatchObject({ _tag: "Intact" })
      })
    ))

  it("notices a deleted event in the middle of a stream", () =>
    runOn(
      fresh(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* appendSome(streamNamed("r1"), 3)
        yield* disableEventTriggers
        yield* sql`DELETE FROM events WHERE version = 2`
        expect(yield* verifyChain()).toMatchObject({ _tag: "Broken", streamId: "authority-a/referral/r1", version: 3 })
      })
    ))
})
}
