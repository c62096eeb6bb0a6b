import { Context, Effect, Layer, Ref, Stream, SubscriptionRef } from "effect"
import { changeFeed, positionFeed } from "../ports/changeFeed.js"
import {
  type AppendResult,
  type Commit,
  ConcurrencyConflict,
  EventStore,
  type ReadAllOptions,
  type StoredEvent,
  streamIdOf
} from "../ports/EventStore.js"
import type { Notification } from "../ports/Notification.js"
import { type NotificationChannel, notificationChannels, Outbox, type OutboxEntry } from "../ports/Outbox.js"
import { type ReadModelQuery, type ReadModelRow, ReadModels } from "../ports/ReadModels.js"
import { RequestKeys } from "../ports/RequestKeys.js"
import { WebhookDeliveries } from "../ports/WebhookDeliveries.js"
import { makeInMemoryRequestKeys } from "./InMemoryRequestKeys.js"
import { noWebhookDeliveries } from "./noWebhookDeliveries.js"

interface StoreState {
  readonly events: ReadonlyArray<StoredEvent>
  readonly versions: ReadonlyMap<string, number>
  readonly rows: ReadonlyMap<string, ReadModelRow>
  /** One entry per notification and channel, by `outboxKey`, in the order they were queued. */
  readonly outbox: ReadonlyMap<string, OutboxEntry>
  /** When each notification was queued, by its id. */
  readonly queuedAt: ReadonlyMap<string, string>
}

const empty: StoreState = { events: [], versions: new Map(), rows: new Map(), outbox: new Map(), queuedAt: new Map() }
const outboxKey = (channel: NotificationChannel, id: string) => `${channel}\u0000${id}`

/** Queues each notification not queued before, once per channel; an id already queued keeps its entries. */
const queued = (state: StoreState, notifications: ReadonlyArray<Notification>, now: string): Pick<StoreState, "outbox" | "queuedAt"> => {
  const outbox = new Map(state.outbox)
  const queuedAt = new Map(state.queuedAt)
  for (const notification of notifications) {
    if (!queuedAt.has(notification.id)) queuedAt.set(notification.id, now)
    for (const channel of notificationChannels) {
      const key = outboxKey(channel, notification.id)
      if (!outbox.has(key)) outbox.set(key, { notification, channel, state: "pending", attempts: 0, nextAttemptAt: now })
    }
  }
  return { outbox, queuedAt }
}

const rowKey = (collection: string, authorityId: string, id: string) => `${collection}\u0000${authorityId}\u0000${id}`

const applyCommit = (state: StoreState, commit: Commit, now: string): [AppendResult, StoreState] => {
  const streamId = streamIdOf(commit.stream)
  const base = state.versions.get(streamId) ?? 0
  const stored = commit.events.map(
    (event, i): StoredEvent => ({
      ...event,
      stream: commit.stream,
      version: base + i + 1,
      position: state.events.length + i + 1,
      recordedAt: now,
      hash: ""
    })
  )
  const rows = new Map(state.rows)
  for (const row of commit.readModels) rows.set(rowKey(row.collection, row.authorityId, row.id), row)
  const outbox = queued(state, commit.notifications, now)
  const versions = new Map(state.versions).set(streamId, base + stored.length)
  return [
    { version: base + stored.length, positions: stored.map((event) => event.position) },
    { events: [...state.events, ...stored], versions, rows, ...outbox }
  ]
}

const matches = (row: ReadModelRow, query: ReadModelQuery): boolean =>
  row.collection === query.collection &&
  row.authorityId === query.authorityId &&
  (query.afterId === undefined || row.id > query.afterId) &&
  Object.entries(query.where ?? {}).every(([field, wanted]) => {
    const value = row.index[field]
    return Array.isArray(value) ? value.includes(String(wanted)) : value === wanted
  })

/** Each notification once, in the order it was queued (a Map keeps its keys' first insertion order). */
const inQueueOrder = (outbox: ReadonlyMap<string, OutboxEntry>): ReadonlyArray<Notification> =>
  [...outbox.values()].filter((entry) => entry.channel === notificationChannels[0]).map((entry) => entry.notification)

/** Event store, read models and outbox held in memory: one transaction per commit, like the SQL store. */
export const makeInMemoryStore = Effect.gen(function* () {
  const ref = yield* SubscriptionRef.make(empty)
  const now = Effect.clockWith((clock) => clock.currentTimeMillis).pipe(Effect.map((ms) => new Date(ms).toISOString()))

  /** Applies the commits in order to one snapshot; the first stale one refuses them all and the state stays as it was. */
  const appendAll = (commits: ReadonlyArray<Commit>) =>
    Effect.gen(function* () {
      const at = yield* now
      return yield* Ref.modify(ref, (state): [Effect.Effect<ReadonlyArray<AppendResult>, ConcurrencyConflict>, StoreState] => {
        const results: Array<AppendResult> = []
        let next = state
        for (const commit of commits) {
          const actual = next.versions.get(streamIdOf(commit.stream)) ?? 0
          if (actual !== commit.expectedVersion) {
            return [Effect.fail(ConcurrencyConflict.of(streamIdOf(commit.stream), commit.expectedVersion, actual)), state]
          }
          const [result, applied] = applyCommit(next, commit, at)
          results.push(result)
          next = applied
        }
        return [Effect.succeed(results), next]
      }).pipe(Effect.flatten)
    })

  /** Wakes the change feed on the append that takes the store past `position` (or at once if one already has). */
  const newerThan = (position: number) =>
    ref.changes.pipe(Stream.filter((state) => state.events.length > position), Stream.runHead, Effect.asVoid)

  const newestPosition = Effect.map(Ref.get(ref), (state) => state.events.length)

  const readAll = ({ after, limit, authorityId }: ReadAllOptions) =>
    Ref.get(ref).pipe(
      Effect.map((state) =>
        state.events
          .filter((event) => event.position > after && (authorityId === undefined || event.stream.authorityId === authorityId))
          .slice(0, limit)
      )
    )

  const eventStore = EventStore.of({
    append: (commit) => Effect.map(appendAll([commit]), (results) => results[0]!),
    appendAll,
    readStream: (stream, options) =>
      Ref.get(ref).pipe(
        Effect.map((state) => {
          const id = streamIdOf(stream)
          const after = options?.after ?? 0
          return state.events.filter((event) => event.version > after && streamIdOf(event.stream) === id)
        })
      ),
    readAll,
    changes: changeFeed(readAll, newerThan),
    newestPosition,
    positions: positionFeed(newestPosition, newerThan)
  })

  const readModels = ReadModels.of({
    get: (collection, authorityId, id) =>
      Ref.get(ref).pipe(Effect.map((state) => state.rows.get(rowKey(collection, authorityId, id)))),
    query: (query) =>
      Ref.get(ref).pipe(
        Effect.map((state) =>
          [...state.rows.values()]
            .filter((row) => matches(row, query))
            .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
            .slice(0, query.limit ?? Number.POSITIVE_INFINITY)
        )
      )
  })

  const update = (channel: NotificationChannel, id: string, change: (entry: OutboxEntry) => OutboxEntry) =>
    Ref.update(ref, (state) => {
      const key = outboxKey(channel, id)
      const entry = state.outbox.get(key)
      return entry ? { ...state, outbox: new Map(state.outbox).set(key, change(entry)) } : state
    })

  const isClaimable = (entry: OutboxEntry, channel: NotificationChannel, at: string) =>
    entry.channel === channel &&
    entry.state === "pending" && entry.nextAttemptAt <= at && (entry.lease === undefined || entry.lease.until <= at)
  const released = ({ lease: _lease, ...entry }: OutboxEntry): OutboxEntry => entry

  const outbox = Outbox.of({
    claim: (channel, at, limit, lease) =>
      Ref.modify(ref, (state): [ReadonlyArray<OutboxEntry>, StoreState] => {
        const claimed = [...state.outbox.values()].filter((entry) => isClaimable(entry, channel, at)).slice(0, limit).map((entry) => ({ ...entry, lease }))
        const next = new Map(state.outbox)
        for (const entry of claimed) next.set(outboxKey(channel, entry.notification.id), entry)
        return [claimed, { ...state, outbox: next }]
      }),
    due: (channel, at, limit) =>
      Ref.get(ref).pipe(
        Effect.map((state) =>
          [...state.outbox.values()]
            .filter((entry) => entry.channel === channel && entry.state === "pending" && entry.nextAttemptAt <= at)
            .slice(0, limit)
        )
      ),
    release: (channel, id) => update(channel, id, released),
    markDelivered: (channel, id) => update(channel, id, (entry) => ({ ...released(entry), state: "delivered", attempts: entry.attempts + 1 })),
    markFailed: (channel, id, failure) =>
      update(channel, id, (entry) => ({
        ...released(entry),
        state: failure.dead ? "dead" : "pending",
        attempts: entry.attempts + 1,
        nextAttemptAt: failure.nextAttemptAt,
        lastError: failure.error
      })),
    get: (channel, id) => Ref.get(ref).pipe(Effect.map((state) => state.outbox.get(outboxKey(channel, id)))),
    enqueue: (notifications, at) => Ref.update(ref, (state) => ({ ...state, ...queued(state, notifications, at) })),
    queuedAmong: (ids) => Ref.get(ref).pipe(Effect.map((state) => new Set(ids.filter((id) => state.queuedAt.has(id))))),
    lastPosition: Ref.get(ref).pipe(Effect.map((state) => inQueueOrder(state.outbox).length)),
    positionSince: (instant) =>
      Ref.get(ref).pipe(
        Effect.map((state) => {
          const inOrder = inQueueOrder(state.outbox)
          const first = inOrder.findIndex((notification) => state.queuedAt.get(notification.id)! >= instant)
          return first === -1 ? inOrder.length : first
        })
      ),
    queuedAfter: (authorityId, position, limit) =>
      Ref.get(ref).pipe(
        Effect.map((state) =>
          inQueueOrder(state.outbox)
            .map((notification, i) => ({ position: i + 1, notification, queuedAt: state.queuedAt.get(notification.id)! }))
            .filter((queued) => queued.position > position && queued.notification.authorityId === authorityId)
            .slice(0, limit)
        )
      )
  })

  return { eventStore, readModels, outbox }
})

/**
 * The in-memory event store with a yield to other fibres before and after every read and append, as a
 * database store's would: concurrent use cases interleave between their reads and their writes.
 */
const yielding = (store: EventStore["Type"]): EventStore["Type"] => {
  const around = <A, E>(effect: Effect.Effect<A, E>) => Effect.yieldNow().pipe(Effect.zipRight(effect), Effect.zipLeft(Effect.yieldNow()))
  return EventStore.of({
    append: (commit) => around(store.append(commit)),
    appendAll: (commits) => around(store.appendAll(commits)),
    readStream: (stream, options) => around(store.readStream(stream, options)),
    readAll: (options) => around(store.readAll(options)),
    changes: store.changes,
    newestPosition: around(store.newestPosition),
    positions: store.positions
  })
}

/** A fresh, empty in-memory store for each use of the layer (its request keys too: see InMemoryRequestKeys.ts). */
export const InMemoryStoreLayer = Layer.effectContext(
  Effect.map(makeInMemoryStore, ({ eventStore, readModels, outbox }) =>
    Context.make(EventStore, eventStore).pipe(Context.add(ReadModels, readModels), Context.add(Outbox, outbox), Context.add(WebhookDeliveries, noWebhookDeliveries), Context.add(RequestKeys, makeInMemoryRequestKeys()))
  )
)

/** A fresh, empty in-memory store whose event store yields around every read and append (for concurrency tests). */
export const YieldingInMemoryStoreLayer = Layer.effectContext(
  Effect.map(makeInMemoryStore, ({ eventStore, readModels, outbox }) =>
    Context.make(EventStore, yielding(eventStore)).pipe(Context.add(ReadModels, readModels), Context.add(Outbox, outbox), Context.add(RequestKeys, makeInMemoryRequestKeys()))
  )
)
