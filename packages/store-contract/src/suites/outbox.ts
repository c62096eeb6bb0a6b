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
        expect(yield* outbox.get("email", "n1")).toEqual({
          notification: notification(a, "n1"),
          channel: "email",
          state: "pending",
          attempts: 0,
          nextAttemptAt: recordedAt
        })
        const due = yield* outbox.due("email", later(recordedAt, 60_000), 10)
        expect(due.map((e) => e.notification.id)).toEqual(["n2", "n1", "n3"])
        expect((yield* outbox.due("email", later(recordedAt, 60_000), 2)).map((e) => e.notification.id)).toEqual(["n2", "n1"])
        expect(yield* outbox.due("email", later(recordedAt, -60_000), 10)).toEqual([])
        expect(yield* outbox.get("email", "unknown")).toBeUndefined()
      })
    ))

  it("reads an authority's notifications queued after a position, oldest first, however far their delivery has gone", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const outbox = yield* Outbox
        const b = authority("contract-b")
        const start = yield* outbox.lastPosition
        yield* store.append(commit(streamOf(a, "s1"), 0, { notifications: [notification(a, "n1"), notification(a, "n2")] }))
        yield* store.append(commit(streamOf(b, "s1"), 0, { notifications: [notification(b, "other")] }))
        const t0 = (yield* outbox.get("email", "n1"))!.nextAttemptAt
        yield* outbox.markDelivered("email", "n1")
        yield* outbox.enqueue([notification(a, "reminder"), notification(a, "n1")], t0)
        const queued = yield* outbox.queuedAfter(a, start, 10)
        expect(queued.map((entry) => entry.notification)).toEqual([notification(a, "n1"), notification(a, "n2"), notification(a, "reminder")])
        const positions = queued.map((entry) => entry.position)
        expect(positions.every((position, i) => position > start && (i === 0 || position > positions[i - 1]!))).toBe(true)
        expect((yield* outbox.queuedAfter(a, positions[0]!, 10)).map((entry) => entry.notification.id)).toEqual(["n2", "reminder"])
        expect((yield* outbox.queuedAfter(a, start, 1)).map((entry) => entry.notification.id)).toEqual(["n1"])
        expect(yield* outbox.queuedAfter(a, positions[2]!, 10)).toEqual([])
        expect(yield* outbox.lastPosition).toBe(positions[2])
        expect((yield* outbox.queuedAfter(b, start, 10)).map((entry) => entry.notification.id)).toEqual(["other"])
      })
    ))

  it("says when each notification was queued, and where those queued since an instant begin", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        const before = yield* outbox.lastPosition
        yield* outbox.enqueue([notification(a, "monday")], "2027-05-31T08:00:00.000Z")
        yield* outbox.enqueue([notification(a, "tuesday"), notification(a, "also-tuesday")], "2027-06-01T08:00:00.000Z")
        yield* outbox.enqueue([notification(a, "monday")], "2027-06-02T08:00:00.000Z")
        const read = (instant: string) => Effect.flatMap(outbox.positionSince(instant), (from) => outbox.queuedAfter(a, from, 10))
        expect((yield* outbox.queuedAfter(a, before, 10)).map((entry) => [entry.notification.id, entry.queuedAt])).toEqual([
          ["monday", "2027-05-31T08:00:00.000Z"],
          ["tuesday", "2027-06-01T08:00:00.000Z"],
          ["also-tuesday", "2027-06-01T08:00:00.000Z"]
        ])
        expect((yield* read("2027-05-31T08:00:00.001Z")).map((entry) => entry.notification.id)).toEqual(["tuesday", "also-tuesday"])
        expect((yield* read("2027-05-31T08:00:00.000Z")).map((entry) => entry.notification.id)).toEqual(["monday", "tuesday", "also-tuesday"])
        expect(yield* read("2027-06-01T08:00:00.001Z")).toEqual([])
        expect(yield* outbox.positionSince("2027-06-01T08:00:00.001Z")).toBe(yield* outbox.lastPosition)
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
        const t0 = (yield* outbox.get("email", "ok"))!.nextAttemptAt
        const retryAt = later(t0, 5 * 60_000)
        yield* outbox.markDelivered("email", "ok")
        yield* outbox.markFailed("email", "retry", { error: "SMTP 451", nextAttemptAt: retryAt, dead: false })
        yield* outbox.markFailed("email", "dead", { error: "no such mailbox", nextAttemptAt: retryAt, dead: true })
        expect(yield* outbox.get("email", "ok")).toMatchObject({ state: "delivered", attempts: 1 })
        expect(yield* outbox.get("email", "retry")).toEqual({
          notification: sent[1],
          channel: "email",
          state: "pending",
          attempts: 1,
          nextAttemptAt: retryAt,
          lastError: "SMTP 451"
        })
        expect(yield* outbox.get("email", "dead")).toMatchObject({ state: "dead", attempts: 1, lastError: "no such mailbox" })
        expect(yield* outbox.due("email", later(t0, 60_000), 10)).toEqual([])
        expect((yield* outbox.due("email", retryAt, 10)).map((e) => e.notification.id)).toEqual(["retry"])
        yield* outbox.markDelivered("email", "retry")
        expect(yield* outbox.get("email", "retry")).toMatchObject({ state: "delivered", attempts: 2 })
        yield* outbox.markDelivered("email", "unknown")
      })
    ))

  it("keeps each channel's delivery apart: one channel delivered, failing or dead leaves the other's untouched", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const outbox = yield* Outbox
        yield* store.append(commit(streamOf(a, "s1"), 0, { notifications: [notification(a, "n1"), notification(a, "n2")] }))
        const t0 = (yield* outbox.get("email", "n1"))!.nextAttemptAt
        yield* outbox.markDelivered("email", "n1")
        yield* outbox.markFailed("email", "n2", { error: "no such mailbox", nextAttemptAt: t0, dead: true })
        yield* outbox.markFailed("webhook", "n1", { error: "endpoint answered 503", nextAttemptAt: later(t0, 60_000), dead: false })
        expect(yield* outbox.get("email", "n1")).toMatchObject({ channel: "email", state: "delivered", attempts: 1 })
        expect(yield* outbox.get("email", "n2")).toMatchObject({ channel: "email", state: "dead", lastError: "no such mailbox" })
        expect(yield* outbox.get("webhook", "n1")).toMatchObject({ channel: "webhook", state: "pending", attempts: 1, lastError: "endpoint answered 503" })
        expect(yield* outbox.get("webhook", "n2")).toEqual({ notification: notification(a, "n2"), channel: "webhook", state: "pending", attempts: 0, nextAttemptAt: t0 })
        expect(yield* outbox.due("email", later(t0, 120_000), 10)).toEqual([])
        expect((yield* outbox.due("webhook", t0, 10)).map((e) => e.notification.id)).toEqual(["n2"])
        expect((yield* outbox.due("webhook", later(t0, 60_000), 10)).map((e) => e.notification.id)).toEqual(["n1", "n2"])
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
        yield* outbox.markDelivered("email", "same")
        const again = { ...notification(a, "same"), headline: "second" }
        yield* store.append(commit(stream, 1, { notifications: [again] }))
        expect(yield* outbox.get("email", "same")).toMatchObject({ state: "delivered", notification: notification(a, "same") })
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
        expect(yield* outbox.get("email", "r1")).toEqual({ notification: notification(a, "r1"), channel: "email", state: "pending", attempts: 0, nextAttemptAt: at })
        expect((yield* outbox.due("email", at, 10)).map((e) => e.notification.id)).toEqual(["r1", "r2"])
        expect((yield* outbox.due("webhook", at, 10)).map((e) => e.notification.id)).toEqual(["r1", "r2"])
        yield* outbox.enqueue([], at)
      })
    ))

  it("queues 6,000 notifications in one call, once each on every channel, and says which of 40,000 ids are queued (more than one statement may hold)", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const outbox = yield* Outbox
        const many = Array.from({ length: 6_000 }, (_, i) => notification(a, `many-${i}`))
        yield* outbox.enqueue(many, "2027-06-01T09:00:00.000Z")
        const asked = Array.from({ length: 40_000 }, (_, i) => `many-${i}`)
        const queued = yield* outbox.queuedAmong(asked)
        expect([queued.size, queued.has("many-0"), queued.has("many-5999"), queued.has("many-6000")]).toEqual([6_000, true, true, false])
        const due = yield* outbox.due("email", "2100-01-01T00:00:00.000Z", 10_000)
        expect(due.filter((entry) => entry.notification.id.startsWith("many-")).length).toBe(6_000)
      })
    ))

  it("says which of the ids asked about are queued, whether a commit or a reminder run queued them", () =>
    runWith(
      makeLayer(),
      Effect.gen(function* () {
        const store = yield* EventStore
        const outbox = yield* Outbox
        yield* store.append(commit(streamOf(a, "s1"), 0, { notifications: [notification(a, "n1")] }))
        yield* outbox.enqueue([notification(a, "r1")], "2027-06-01T09:00:00.000Z")
        expect([...(yield* outbox.queuedAmong(["r1", "r2", "n1", "n2"]))].sort()).toEqual(["n1", "r1"])
        expect(yield* outbox.queuedAmong([])).toEqual(new Set())
      })
    ))
}
