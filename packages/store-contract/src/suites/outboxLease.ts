import { Outbox } from "@carepanel/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { authority, notification } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"

const a = authority("contract-a")
const t0 = "2027-06-01T09:00:00.000Z"
const at = (ms: number) => new Date(Date.parse(t0) + ms).toISOString()
const ids = (entries: ReadonlyArray<{ readonly notification: { readonly id: string } }>) => entries.map((entry) => entry.notification.id)
const leaseOf = (owner: string, ms: number) => ({ owner, until: at(ms) })

export const outboxLeaseSuite = (makeLayer: MakeStoreLayer) => {
  it("leases each due entry to one dispatcher at a time, oldest first; delivery or failure releases it", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        yield* outbox.enqueue(["n1", "n2", "n3"].map((id) => notification(a, id)), t0)
        const first = yield* outbox.claim(at(1_000), 2, leaseOf("first", 60_000))
        expect(ids(first)).toEqual(["n1", "n2"])
        expect(first[0]!.lease).toEqual(leaseOf("first", 60_000))
        expect(ids(yield* outbox.claim(at(2_000), 10, leaseOf("second", 60_000)))).toEqual(["n3"])
        expect(yield* outbox.claim(at(3_000), 10, leaseOf("third", 60_000))).toEqual([])
        yield* outbox.markDelivered("n1")
        yield* outbox.markFailed("n2", { error: "receiver answered 503", nextAttemptAt: at(4_000), dead: false })
        expect((yield* outbox.get("n1"))?.lease).toBeUndefined()
        expect(ids(yield* outbox.claim(at(5_000), 10, leaseOf("third", 60_000)))).toEqual(["n2"])
      })
    ))

  it("hands an expired lease (its dispatcher was killed) to another, and a released entry at once", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        yield* outbox.enqueue(["n1", "n2"].map((id) => notification(a, id)), t0)
        yield* outbox.claim(at(0), 10, leaseOf("killed", 30_000))
        expect(yield* outbox.claim(at(29_999), 10, leaseOf("other", 90_000))).toEqual([])
        const taken = yield* outbox.claim(at(30_000), 1, leaseOf("other", 90_000))
        expect(ids(taken)).toEqual(["n1"])
        expect(taken[0]).toMatchObject({ state: "pending", attempts: 0, lease: leaseOf("other", 90_000) })
        yield* outbox.release("n1")
        expect(ids(yield* outbox.claim(at(31_000), 10, leaseOf("third", 90_000)))).toEqual(["n1", "n2"])
      })
    ))

  it("claims each of 2,000 entries exactly once when 4 dispatchers claim and deliver at the same time", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        const count = 2_000
        yield* outbox.enqueue(Array.from({ length: count }, (_, i) => notification(a, `race-${i}`)), t0)
        const dispatcher = (owner: string) =>
          Effect.gen(function* () {
            const delivered: Array<string> = []
            while (true) {
              const claimed = yield* outbox.claim(at(1_000), 25, leaseOf(owner, 3_600_000))
              if (claimed.length === 0) return delivered
              yield* Effect.yieldNow()
              for (const entry of claimed) {
                delivered.push(entry.notification.id)
                yield* outbox.markDelivered(entry.notification.id)
              }
            }
          })
        const runs = yield* Effect.all(["d1", "d2", "d3", "d4"].map(dispatcher), { concurrency: 4 })
        const all = runs.flat()
        expect(all).toHaveLength(count)
        expect(new Set(all).size).toBe(count)
        expect(runs.filter((run) => run.length > 0).length, "the dispatchers did not share the work").toBeGreaterThan(1)
      })
    ))
}
