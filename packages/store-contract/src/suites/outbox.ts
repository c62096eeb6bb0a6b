import { EventStore, Outbox } from "@carepanel/core"
import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeStoreLayer } from "../StoreContractOptions.js"
import { authority, commit, notification, streamOf } from "../support/fixtures.js"
import { runWith } from "../support/runStore.js"

const a = authority("contract-a")
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString()

export const outboxSuite = (makeLayer: MakeStoreLayer) => {
  it("queues a commit's notifications as pending, due from the commit, oldest first", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const outbox = yield* Outbox
        const stream = streamOf(a, "s1")
        yield* store.append(commit(stream, 0, { notifications: [notification(a, "n2"), notification(a, "n1")] }))
        yield* store.append(commit(stream, 1, { notifications: [notification(a, "n3")] }))
        const recordedAt = (yield* store.readStream(stream))[0]!.recordedAt
        expect(yield* outbox.get("n1")).toEqual({
          notification: notification(a, "n1"),
          state: "pending",
          attempts: 0,
          nextAttemptAt: recordedAt
        })
        const due = yield* outbox.due(later(recordedAt, 60_000), 10)
        expect(due.map((e) => e.notification.id)).toEqual(["n2", "n1", "n3"])
        expect((yield* outbox.due(later(recordedAt, 60_000), 2)).map((e) => e.notification.id)).toEqual(["n2", "n1"])
        expect(yield* outbox.due(later(recordedAt, -60_000), 10)).toEqual([])
        expect(yield* outbox.get("unknown")).toBeUndefined()
      })
    ))

  it("retries failed entries when due, stops at delivered or dead, and counts attempts", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const outbox = yield* Outbox
        const stream = streamOf(a, "s1")
        const sent = [notification(a, "ok"), notification(a, "retry"), notification(a, "dead")]
        yield* store.append(commit(stream, 0, { notifications: sent }))
        const t0 = (yield* outbox.get("ok"))!.nextAttemptAt
        const retryAt = later(t0, 5 * 60_000)
        yield* outbox.markDelivered("ok")
        yield* outbox.markFailed("retry", { error: "SMTP 451", nextAttemptAt: retryAt, dead: false })
        yield* outbox.markFailed("dead", { error: "no such mailbox", nextAttemptAt: retryAt, dead: true })
        expect(yield* outbox.get("ok")).toMatchObject({ state: "delivered", attempts: 1 })
        expect(yield* outbox.get("retry")).toEqual({
          notification: sent[1],
          state: "pending",
          attempts: 1,
          nextAttemptAt: retryAt,
          lastError: "SMTP 451"
        })
        expect(yield* outbox.get("dead")).toMatchObject({ state: "dead", attempts: 1, lastError: "no such mailbox" })
        expect(yield* outbox.due(later(t0, 60_000), 10)).toEqual([])
        expect((yield* outbox.due(retryAt, 10)).map((e) => e.notification.id)).toEqual(["retry"])
        yield* outbox.markDelivered("retry")
        expect(yield* outbox.get("retry")).toMatchObject({ state: "delivered", attempts: 2 })
        yield* outbox.markDelivered("unknown")
      })
    ))

  it("keeps the first entry when a notification id is queued again", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const outbox = yield* Outbox
        const stream = streamOf(a, "s1")
        yield* store.append(commit(stream, 0, { notifications: [notification(a, "same")] }))
        yield* outbox.markDelivered("same")
        const again = { ...notification(a, "same"), headline: "second" }
        yield* store.append(commit(stream, 1, { notifications: [again] }))
        expect(yield* outbox.get("same")).toMatchObject({ state: "delivered", notification: notification(a, "same") })
        expect((yield* store.readStream(stream)).length).toBe(2)
      })
    ))

  it("queues reminders outside any commit, once per id, due from the time given", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        const at = "2027-06-01T09:00:00.000Z"
        yield* outbox.enqueue([notification(a, "r1"), notification(a, "r2")], at)
        yield* outbox.enqueue([{ ...notification(a, "r1"), headline: "sent again" }], later(at, 60_000))
        expect(yield* outbox.get("r1")).toEqual({ notification: notification(a, "r1"), state: "pending", attempts: 0, nextAttemptAt: at })
        expect((yield* outbox.due(at, 10)).map((e) => e.notification.id)).toEqual(["r1", "r2"])
        yield* outbox.enqueue([], at)
      })
    ))
}
