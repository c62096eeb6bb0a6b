import {
  type Aggregate,
  decisionAggregate,
  disagreementAggregate,
  EventStore,
  placementAggregate,
  referralAggregate,
  type StoredEvent,
  sittingAggregate
} from "@carepanel/core"
import type { AuthorityId } from "@carepanel/core"
import { Effect, type ParseResult } from "effect"
import { replayAuthority } from "./replayEvents.js"

type Fold = (state: unknown, data: unknown) => Effect.Effect<unknown, ParseResult.ParseError>

/** An aggregate's decode-then-evolve step, its types erased so that one map holds every aggregate. */
const foldOf =
  <E extends { readonly _tag: string }, S>(aggregate: Aggregate<never, E, S, unknown, never>): Fold =>
  (state, data) =>
    Effect.map(aggregate.events.decode(data), (event) => aggregate.decider.evolve((state ?? aggregate.decider.initialState) as S, event))

const folds: Readonly<Record<string, Fold>> = Object.fromEntries(
  [referralAggregate, sittingAggregate, decisionAggregate, disagreementAggregate, placementAggregate].map((aggregate) => [
    aggregate.streamType,
    foldOf(aggregate as unknown as Aggregate<never, { readonly _tag: string }, unknown, unknown, never>)
  ])
)

/** Reads an authority's log through `readAll` in pages of 1000, handing each page to `onPage`. */
const readPages = (authorityId: AuthorityId, onPage: (page: ReadonlyArray<StoredEvent>) => Effect.Effect<void, ParseResult.ParseError>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const start = performance.now()
    let after = 0
    let count = 0
    while (true) {
      const page = yield* store.readAll({ after, limit: 1000, authorityId })
      if (page.length === 0) break
      yield* onPage(page)
      count += page.length
      after = page[page.length - 1]!.position
    }
    return { events: count, perSecond: count / ((performance.now() - start) / 1000) }
  })

/** Only the read: `readAll` paging and the store's JSON parsing. */
export const readSpeed = readPages(replayAuthority, () => Effect.void)

/**
 * What a rebuild does: read every event, decode it with its aggregate's schema and evolve the stream's state, keeping
 * one state per stream. Fails on an event it cannot decode, as a rebuild would.
 */
export const rebuildSpeedOf = (authorityId: AuthorityId) =>
  Effect.gen(function* () {
  const states = new Map<string, unknown>()
  const result = yield* readPages(authorityId, (page) =>
    Effect.forEach(
      page,
      (event) => {
        const fold = folds[event.stream.streamType]
        if (fold === undefined) return Effect.dieMessage(`no aggregate for stream type ${event.stream.streamType}`)
        const key = `${event.stream.streamType}/${event.stream.id}`
        return Effect.map(fold(states.get(key), event.data), (state) => void states.set(key, state))
      },
      { discard: true }
    )
  )
  return { ...result, streams: states.size }
  })

export const rebuildSpeed = rebuildSpeedOf(replayAuthority)
