import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { ConcurrencyConflict, EventStore, type StreamRef } from "../../src/ports/EventStore.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { type Aggregate, eventCodec, execute } from "../../src/shared/commandRunner.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { makeInMemoryStore } from "../../src/testing/InMemoryStore.js"

/** A list of numbers: a command adds one, so a lost or doubled command shows in the list. */
const Added = Schema.TaggedStruct("Added", { n: Schema.Number })
type Added = typeof Added.Type
const numbers: Aggregate<number, Added, ReadonlyArray<number>, never, unknown> = {
  streamType: "numbers",
  decider: { initialState: [], evolve: (state, event) => [...state, event.n], decide: (n) => Effect.succeed([{ _tag: "Added", n }]) },
  events: eventCodec(Added),
  readModels: () => []
}
const stream: StreamRef = { authorityId: AuthorityId.make("fictional-borough"), streamType: numbers.streamType, id: "numbers-1" }

/**
 * The store as another writer races it: before each of this writer's first `races` appends, the other writer appends
 * 100, 101, ... to the same stream, so this writer's append finds the stream moved on.
 */
const racedStore = (races: number) =>
  Effect.map(makeInMemoryStore, ({ eventStore: base, readModels }) => {
    let left = races
    const store: EventStore["Type"] = {
      ...base,
      append: (commit) =>
        left-- > 0
          ? Effect.flatMap(base.readStream(stream), (events) =>
              Effect.zipRight(
                base.append({ ...commit, expectedVersion: events.length, events: [{ type: "Added", data: { _tag: "Added", n: 99 + events.length + 1 } }] }),
                base.append(commit)
              )
            )
          : base.append(commit)
    }
    return { store, readModels }
  })

const run = ({ store, readModels }: Effect.Effect.Success<ReturnType<typeof racedStore>>) =>
  execute(numbers, stream, 1, undefined).pipe(Effect.provideService(EventStore, store), Effect.provideService(ReadModels, readModels))

const listOf = (store: EventStore["Type"]) => Effect.map(store.readStream(stream), (events) => events.map((event) => (event.data as Added).n))

describe("a command that finds its record changed by another writer", () => {
  it.effect("is decided again on the newer record, up to three times, and lands once", () =>
    Effect.gen(function* () {
      const raced = yield* racedStore(3)
      yield* run(raced)
      expect(yield* listOf(raced.store)).toEqual([100, 101, 102, 1])
    })
  )

  it.effect("gives up with the conflict after the fourth try, having written nothing of its own", () =>
    Effect.gen(function* () {
      const raced = yield* racedStore(4)
      const error = yield* Effect.flip(run(raced))
      expect(error).toBeInstanceOf(ConcurrencyConflict)
      expect(yield* listOf(raced.store)).toEqual([100, 101, 102, 103])
    })
  )
})
