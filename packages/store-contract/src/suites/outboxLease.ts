import { type NotificationChannel, Outbox } from "@carepanel/core"
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
  it("leases each due entry to one dispatcher at a time, oldest first; delivery or failure releases it, a failure until its next attempt", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        yield* outbox.enqueue(["n1", "n2", "n3"].map((id) => notification(a, id)), t0)
        const first = yield* outbox.claim("email", at(1_000), 2, leaseOf("first", 60_000))
        expect(ids(first)).toEqual(["n1", "n2"])
        expect(first[0]!.lease).toEqual(leaseOf("first", 60_000))
        expect(ids(yield* outbox.claim("email", at(2_000), 10, leaseOf("second", 60_000)))).toEqual(["n3"])
        expect(yield* outbox.claim("email", at(3_000), 10, leaseOf("third", 60_000))).toEqual([])
        yield* outbox.markDelivered("email", "n1")
        yield* outbox.markFailed("email", "n2", { error: "receiver answered 503", nextAttemptAt: at(4_000), dead: false })
        expect((yield* outbox.get("email", "n1"))?.lease).toBeUndefined()
        expect(yield* outbox.claim("email", at(3_999), 10, leaseOf("early", 60_000)), "a failed entry waits for its next attempt").toEqual([])
        expect(ids(yield* outbox.claim("email", at(5_000), 10, leaseOf("third", 60_000)))).toEqual(["n2"])
        expect(ids(yield* outbox.claim("webhook", at(5_000), 10, leaseOf("webhook-1", 60_000))), "email's leases hold no webhook entry").toEqual(["n1", "n2", "n3"])
        expect(yield* outbox.claim("email", at(5_000), 10, leaseOf("fourth", 60_000))).toEqual([])
      })
    ))

  it("hands an expired lease (its dispatcher was killed) to another, and a released entry at once", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        yield* outbox.enqueue(["n1", "n2"].map((id) => notification(a, id)), t0)
        yield* outbox.claim("email", at(0), 10, leaseOf("killed", 30_000))
        expect(yield* outbox.claim("email", at(29_999), 10, leaseOf("other", 90_000))).toEqual([])
        const taken = yield* outbox.claim("email", at(30_000), 1, leaseOf("other", 90_000))
        expect(ids(taken)).toEqual(["n1"])
        expect(taken[0]).toMatchObject({ state: "pending", attempts: 0, lease: leaseOf("other", 90_000) })
        yield* outbox.release("email", "n1")
        expect(ids(yield* outbox.claim("email", at(31_000), 10, leaseOf("third", 90_000)))).toEqual(["n1", "n2"])
      })
    ))

  it("claims each of 2,000 entries exactly once per channel when 2 email and 2 webhook dispatchers run at the same time", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        const count = 2_000
        yield* outbox.enqueue(Array.from({ length: count }, (_, i) => notification(a, `race-${i}`)), t0)
        const dispatcher = ([owner, channel]: readonly [string, NotificationChannel]) =>
          Effect.gen(function* () {
            const delivered: Array<string> = []
            while (true) {
              const claimed = yield* outbox.claim(channel, at(1_000), 25, leaseOf(owner, 3_600_000))
              if (claimed.length === 0) return delivered
              yield* Effect.yieldNow()
              for (const entry of claimed) {
                delivered.push(entry.notification.id)
                yield* outbox.markDelivered(channel, entry.notification.id)
              }
            }
          })
        const dispatchers = [["e1", "email"], ["w1", "webhook"], ["e2", "email"], ["w2", "webhook"]] as const
        const runs = yield* Effect.all(dispatchers.map(dispatcher), { concurrency: 4 })
        for (const channel of ["email", "webhook"]) {
          const all = runs.filter((_, i) => dispatchers[i]![1] === channel).flat()
          expect(all, channel).toHaveLength(count)
          expect(new Set(all).size, channel).toBe(count)
        }
        expect(runs.filter((run) => run.length > 0).length, "the dispatchers did not share the work").toBe(4)
      })
    ))
}
