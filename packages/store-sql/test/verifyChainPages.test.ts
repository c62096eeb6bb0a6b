import { SqlClient } from "@effect/sql"
import { EventStore } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { verifyChain } from "../src/index.js"
import { streamNamed } from "./support/appendSome.js"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"
import { disableEventTriggers } from "./support/disableEventTriggers.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

/** verifyChain reads 2,000 events at a time: a stream of 2,101 events runs over into a second page. */
const longStream = 2_101

const appendLongStreamAndOneMore = Effect.gen(function* () {
  const store = yield* EventStore
  const events = Array.from({ length: longStream }, (_, i) => ({ type: "AmountRecorded", data: { amount: i, note: "paged" } }))
  yield* store.append({ stream: streamNamed("r1"), expectedVersion: 0, events, readModels: [], notifications: [] })
  yield* store.append({ stream: streamNamed("r2"), expectedVersion: 0, events: events.slice(0, 1), readModels: [], notifications: [] })
})

for (const { name, fresh } of dialects) {
  describe(`${name}: verifying a store larger than one page`, () => {
    it("checks every event, past the first 2,000, and finds a change on the second page", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          yield* appendLongStreamAndOneMore
          expect(yield* verifyChain()).toEqual({ _tag: "Intact", events: longStream + 1, streams: 2 })
          expect(yield* verifyChain({ streamId: "authority-a/referral/r1" })).toEqual({ _tag: "Intact", events: longStream, streams: 1 })

          const sql = yield* SqlClient.SqlClient
          yield* disableEventTriggers
          yield* sql`UPDATE events SET data = '{"amount":999999,"note":"paged"}' WHERE stream_id = 'authority-a/referral/r1' AND version = 2050`
          expect(yield* verifyChain()).toMatchObject({ _tag: "Broken", streamId: "authority-a/referral/r1", version: 2050 })
          expect(yield* verifyChain({ streamId: "authority-a/referral/r2" })).toEqual({ _tag: "Intact", events: 1, streams: 1 })
        })
      ))
  })
}
