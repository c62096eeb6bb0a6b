import {
  type AppendResult,
  type Commit,
  ConcurrencyConflict,
  EventStore,
  Outbox,
  type ReadModelQuery,
  type ReadModelRow,
  ReadModels,
  type StoredEvent,
  streamIdOf
} from "@carepanel/core"
import { Clock, Context, Effect, Layer, Stream } from "effect"

/** A commit as the use case made it, with the instant it was made (the store's `recorded_at`). */
export interface RecordedCommit {
  readonly commit: Commit
  readonly recordedAt: string
}

const matches = (row: ReadModelRow, query: ReadModelQuery): boolean =>
  (query.afterId === undefined || row.id > query.afterId) &&
  Object.entries(query.where ?? {}).every(([field, wanted]) => {
    const value = row.index[field]
    return Array.isArray(value) ? value.includes(String(wanted)) : value === wanted
  })

/**
 * One authority's store held in memory while the seed plays its years through the core's use cases: streams and
 * read models kept in mutable maps (an append costs its own size, not the store's), and every commit kept, in order,
 * until `drain` hands it to the writer. The read models' final rows are what the database gets.
 */
export const makeRecordingStore = () => {
  const streams = new Map<string, Array<StoredEvent>>()
  const collections = new Map<string, Map<string, ReadModelRow>>()
  let pending: Array<RecordedCommit> = []
  let position = 0

  const apply = (commit: Commit, recordedAt: string): AppendResult => {
    const streamId = streamIdOf(commit.stream)
    const events = streams.get(streamId) ?? []
    const stored = commit.events.map((event, i): StoredEvent => ({ ...event, stream: commit.stream, version: events.length + i + 1, position: ++position, recordedAt, hash: "" }))
    events.push(...stored)
    streams.set(streamId, events)
    for (const row of commit.readModels) {
      const rows = collections.get(row.collection) ?? new Map<string, ReadModelRow>()
      rows.set(row.id, row)
      collections.set(row.collection, rows)
    }
    pending.push({ commit, recordedAt })
    return { version: events.length, positions: stored.map((event) => event.position) }
  }

  const appendAll = (commits: ReadonlyArray<Commit>) =>
    Effect.flatMap(Clock.currentTimeMillis, (millis) => {
      const versions = new Map<string, number>()
      for (const commit of commits) {
        const streamId = streamIdOf(commit.stream)
        const actual = versions.get(streamId) ?? streams.get(streamId)?.length ?? 0
        if (actual !== commit.expectedVersion) return Effect.fail(ConcurrencyConflict.of(streamId, commit.expectedVersion, actual))
        versions.set(streamId, actual + commit.events.length)
      }
      const recordedAt = new Date(millis).toISOString()
      return Effect.succeed(commits.map((commit) => apply(commit, recordedAt)))
    })

  const allEvents = () => [...streams.values()].flat().sort((a, b) => a.position - b.position)

  const eventStore = EventStore.of({
    append: (commit) => Effect.map(appendAll([commit]), (results) => results[0]!),
    appendAll,
    readStream: (stream) => Effect.sync(() => [...(streams.get(streamIdOf(stream)) ?? [])]),
    readAll: ({ after, limit }) => Effect.sync(() => allEvents().filter((event) => event.position > after).slice(0, limit)),
    changes: () => Stream.empty,
    newestPosition: Effect.succeed(0),
    positions: () => Stream.empty
  })

  const readModels = ReadModels.of({
    get: (collection, _authorityId, id) => Effect.sync(() => collections.get(collection)?.get(id)),
    query: (query) =>
      Effect.sync(() =>
        [...(collections.get(query.collection)?.values() ?? [])]
          .filter((row) => matches(row, query))
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
          .slice(0, query.limit ?? Number.POSITIVE_INFINITY)
      )
  })

  // The seed records history: its notifications are in the commits; nothing is dispatched while it plays.
  const outbox = Outbox.of({
    claim: () => Effect.succeed([]),
    due: () => Effect.succeed([]),
    release: () => Effect.void,
    markDelivered: () => Effect.void,
    markFailed: () => Effect.void,
    get: () => Effect.succeed(undefined),
    enqueue: () => Effect.void,
    queuedAmong: () => Effect.succeed(new Set()),
    lastPosition: Effect.succeed(0),
    positionSince: () => Effect.succeed(0),
    queuedAfter: () => Effect.succeed([])
  })

  return {
    layer: Layer.succeedContext(
      Context.make(EventStore, eventStore).pipe(Context.add(ReadModels, readModels), Context.add(Outbox, outbox))
    ),
    /** The commits made since the last drain, in order. */
    drain: (): ReadonlyArray<RecordedCommit> => {
      const taken = pending
      pending = []
      return taken
    },
    /** Every read-model row as it stands. */
    readModelRows: (): ReadonlyArray<ReadModelRow> => [...collections.values()].flatMap((rows) => [...rows.values()]),
    eventCount: () => position
  }
}
