import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ConcurrencyConflict } from "../../src/ports/EventStore.js"
import { makeInMemoryStore } from "../../src/testing/InMemoryStore.js"
import type { AuthorityId } from "../../src/shared/ids.js"

describe("two people changing one record at once", () => {
  it.effect("the later change is refused with both versions and words that say nothing was saved", () =>
    Effect.gen(function* () {
      const { eventStore } = yield* makeInMemoryStore
      const commit = {
        stream: { authorityId: "northmoor" as AuthorityId, streamType: "Referral", id: "r-1" },
        expectedVersion: 0,
        events: [{ type: "NoteAdded", data: {} }],
        readModels: [],
        notifications: []
      }
      yield* eventStore.append(commit)
      const refused = yield* Effect.flip(eventStore.append(commit))
      expect(refused).toBeInstanceOf(ConcurrencyConflict)
      expect(refused).toMatchObject({
        streamId: "northmoor/Referral/r-1",
        expectedVersion: 0,
        actualVersion: 1,
        message: "Someone else changed this record at the same time. Nothing was saved: reload it and try again."
      })
    }))
})
