import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import fc from "fast-check"
import { EventStore, type StoredEvent, type StreamRef } from "../../src/ports/EventStore.js"
import { type Aggregate, eventCodec, load } from "../../src/shared/commandRunner.js"
import { eventsAfter, foldedState, foldedStatesLimit, keepFoldedState } from "../../src/shared/foldedStates.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { makeInMemoryStore } from "../../src/testing/InMemoryStore.js"

/** A list of numbers, in the order they were added: any event missed, repeated or out of order shows. */
const Added = Schema.TaggedStruct("Added", { n: Schema.Number })
type Added = typeof Added.Type
const decoded: Array<number> = []
const counted = eventCodec(Added)
const numbers: Aggregate<never, Added, ReadonlyArray<number>, never, unknown> = {
  streamType: "numbers",
  decider: { initialState: [], evolve: (state, event) => [...state, event.n], decide: () => Effect.succeed([]) },
  events: { encode: counted.encode, decode: (data) => Effect.tap(counted.decode(data), (event) => Effect.sync(() => decoded.push(event.n))) },
  readModels: () => []
}

const authorityId = AuthorityId.make("fictional-borough")
const streamOf = (id: number): StreamRef => ({ authorityId, streamType: numbers.streamType, id: `numbers-${id}` })
type Store = EventStore["Type"]

const written = (store: Store, stream: StreamRef) =>
  Effect.map(store.readStream(stream), (events) => ({ state: events.map((event) => (event.data as Added).n), version: events.length }))

const add = (store: Store, stream: StreamRef, n: number) =>
  Effect.flatMap(written(store, stream), ({ version }) =>
    store.append({ stream, expectedVersion: version, events: [{ type: "Added", data: { _tag: "Added", n } }], readModels: [], notifications: [] })
  )

const loadFrom = (store: Store, stream: StreamRef) => load(numbers, stream).pipe(Effect.provideService(EventStore, store))

/**
 * This process's store over the same events as `base` (another process's store is `base` itself). While `uncommitted`
 * is set, a stream's reads also return one more event, as a read inside a transaction that is then rolled back does;
 * it has the position the next real event will get and, as in the SQL store, a hash of its content.
 */
const withUncommitted = (base: Store) => {
  const uncommitted: { current: { stream: StreamRef; n: number } | undefined } = { current: undefined }
  const store: Store = EventStore.of({
    ...base,
    readStream: (stream, options) =>
      Effect.gen(function* () {
        const events = yield* base.readStream(stream)
        const extra = uncommitted.current
        const all: Array<StoredEvent> = [...events]
        if (extra !== undefined && extra.stream.id === stream.id) {
          const position = (yield* base.readAll({ after: 0, limit: 1_000_000 })).length + 1
          all.push({ stream, version: events.length + 1, position, recordedAt: "2027-01-04T09:00:00.000Z", hash: `never committed: ${extra.n}`, type: "Added", data: { _tag: "Added", n: extra.n } })
        }
        return all.filter((event) => event.version > (options?.after ?? 0))
      })
  })
  return { store, uncommitted }
}

const step = fc.oneof(
  fc.record({ kind: fc.constant("write" as const), by: fc.constantFrom("this process", "another process", "another store"), stream: fc.nat(2), n: fc.integer() }),
  fc.record({ kind: fc.constant("load" as const), from: fc.constantFrom("this process", "another store"), stream: fc.nat(2) }),
  fc.record({ kind: fc.constant("load rolled back" as const), stream: fc.nat(2), n: fc.integer() })
)

describe("load: a stream's state folded before is read on from its last event", () => {
  it("equals the fold of the whole stream, whoever wrote since and whatever was folded and rolled back", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), (steps) =>
        Effect.runPromise(
          Effect.gen(function* () {
            const shared = (yield* makeInMemoryStore).eventStore
            const { store: here, uncommitted } = withUncommitted(shared)
            // A store of its own with the same stream ids: its states must never be mixed with the other's.
            const elsewhere = (yield* makeInMemoryStore).eventStore
            for (const s of steps) {
              const stream = streamOf(s.stream)
              if (s.kind === "write") yield* add(s.by === "this process" ? here : s.by === "another process" ? shared : elsewhere, stream, s.n)
              else if (s.kind === "load") {
                const store = s.from === "this process" ? here : elsewhere
                expect(yield* loadFrom(store, stream)).toEqual(yield* written(store, stream))
              } else {
                uncommitted.current = { stream, n: s.n }
                const inTransaction = yield* loadFrom(here, stream)
                expect(inTransaction.state.at(-1)).toBe(s.n)
                uncommitted.current = undefined
              }
            }
            for (const id of [0, 1, 2]) {
              expect(yield* loadFrom(here, streamOf(id))).toEqual(yield* written(shared, streamOf(id)))
              expect(yield* loadFrom(elsewhere, streamOf(id))).toEqual(yield* written(elsewhere, streamOf(id)))
            }
          })
        )
      ),
      { numRuns: 200 }
    )
  })

  it.effect("decodes only the events written since the last load", () =>
    Effect.gen(function* () {
      const store = (yield* makeInMemoryStore).eventStore
      const stream = streamOf(0)
      for (const n of [1, 2, 3]) yield* add(store, stream, n)
      decoded.length = 0
      expect(yield* loadFrom(store, stream)).toEqual({ state: [1, 2, 3], version: 3 })
      expect(decoded).toEqual([1, 2, 3])
      decoded.length = 0
      expect(yield* loadFrom(store, stream)).toEqual({ state: [1, 2, 3], version: 3 })
      expect(decoded).toEqual([])
      for (const n of [4, 5]) yield* add(store, stream, n)
      expect(yield* loadFrom(store, stream)).toEqual({ state: [1, 2, 3, 4, 5], version: 5 })
      expect(decoded).toEqual([4, 5])
    })
  )

  it("keeps the most recently loaded streams of a store, up to its limit", () => {
    const store = {}
    const event = (version: number): StoredEvent => ({ stream: streamOf(0), version, position: version, recordedAt: "", hash: "", type: "Added", data: {} })
    for (let i = 0; i <= foldedStatesLimit; i++) keepFoldedState(store, numbers, streamOf(i), event(1), [i])
    expect(foldedState(store, numbers, streamOf(0))).toBeUndefined()
    expect(foldedState(store, numbers, streamOf(1))?.state).toEqual([1])
    keepFoldedState(store, numbers, streamOf(foldedStatesLimit + 1), event(1), [0])
    expect(foldedState(store, numbers, streamOf(1))?.state).toEqual([1])
    expect(foldedState(store, numbers, streamOf(2))).toBeUndefined()
    expect(foldedState({}, numbers, streamOf(1))).toBeUndefined()
  })

  it.effect("another aggregate over the same stream folds it with its own evolve, never from the first one's state", () =>
    Effect.gen(function* () {
      const store = (yield* makeInMemoryStore).eventStore
      const stream = streamOf(0)
      for (const n of [1, 2, 3]) yield* add(store, stream, n)
      expect(yield* loadFrom(store, stream)).toEqual({ state: [1, 2, 3], version: 3 })
      // A total of the same numbers: its state is a number, so a list folded by the numbers aggregate would show.
      const total: Aggregate<never, Added, number, never, unknown> = {
        streamType: numbers.streamType,
        decider: { initialState: 0, evolve: (sum, event) => sum + event.n, decide: () => Effect.succeed([]) },
        events: counted,
        readModels: () => []
      }
      expect(yield* load(total, stream).pipe(Effect.provideService(EventStore, store))).toEqual({ state: 6, version: 3 })
      yield* add(store, stream, 4)
      expect(yield* load(total, stream).pipe(Effect.provideService(EventStore, store))).toEqual({ state: 10, version: 4 })
      expect(yield* loadFrom(store, stream)).toEqual({ state: [1, 2, 3, 4], version: 4 })
    })
  )

  it("a folded state is read on only from its own last event: same version, position and hash", () => {
    const event = (version: number, position: number, hash: string): StoredEvent => ({
      stream: streamOf(0),
      version,
      position,
      recordedAt: "2027-01-04T09:00:00.000Z",
      hash,
      type: "Added",
      data: { _tag: "Added", n: version }
    })
    const folded = { aggregate: numbers, version: 2, position: 7, hash: "h2", state: [1, 2] }
    const newer = [event(2, 7, "h2"), event(3, 9, "h3")]
    expect(eventsAfter(newer, folded)).toEqual([event(3, 9, "h3")])
    expect(eventsAfter([event(2, 7, "h2")], folded)).toEqual([])
    // Rolled back and written again: the event at that version is another one, so the stream is read from the start.
    expect(eventsAfter([event(2, 8, "h2"), event(3, 9, "h3")], folded)).toBeUndefined()
    expect(eventsAfter([event(2, 7, "other"), event(3, 9, "h3")], folded)).toBeUndefined()
    expect(eventsAfter([event(3, 7, "h2")], folded)).toBeUndefined()
    expect(eventsAfter([], folded)).toBeUndefined()
  })
})
