import { type DateTime, Effect } from "effect"
import type { Decision } from "../decision/Decision.js"
import { decisionAggregate } from "../decision/decisionAggregate.js"
import type { Disagreement } from "../disagreement/Disagreement.js"
import { disagreementAggregate } from "../disagreement/disagreementAggregate.js"
import { EventStore, type StoredEvent, type StreamRef } from "../ports/EventStore.js"
import type { Referral } from "../referral/Referral.js"
import { referralAggregate } from "../referral/referralAggregate.js"
import type { Placement } from "../regulation24/Placement.js"
import { placementAggregate } from "../regulation24/placementAggregate.js"
import { type EventCodec, foldStored } from "../shared/commandRunner.js"
import { PersistenceError } from "../shared/errors.js"
import type { AuthorityId } from "../shared/ids.js"
import type { Sitting } from "../sitting/Sitting.js"
import { sittingAggregate } from "../sitting/sittingAggregate.js"
import { withClocks } from "./authorityRecords.js"

const page = 1_000

/** Every event of the authority recorded before `position`, in order. */
const eventsBefore = (authorityId: AuthorityId, position: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const events: StoredEvent[] = []
    for (let after = 0; ; ) {
      const batch = yield* store.readAll({ after, limit: page, authorityId })
      events.push(...batch.filter((event) => event.position < position))
      const last = batch.at(-1)
      if (last === undefined || last.position >= position || batch.length < page) return events
      after = last.position
    }
  })

/** Said without the decoder's detail: a document's reader is told which record, not what the store holds. */
const unreadable = (stream: StreamRef, event: StoredEvent) =>
  new PersistenceError({ operation: "decode event", message: `Event ${event.version} of ${stream.id} cannot be read.` })

/** Each record of one aggregate, folded from its events (decoded with the aggregate's own codec). */
const folded = <E extends { readonly _tag: string }, S>(
  aggregate: { readonly streamType: string; readonly decider: { readonly initialState: S; readonly evolve: (state: S, event: E) => S }; readonly events: EventCodec<E> },
  events: ReadonlyArray<StoredEvent>
) =>
  Effect.gen(function* () {
    const byRecord = new Map<string, StoredEvent[]>()
    for (const event of events) {
      if (event.stream.streamType !== aggregate.streamType) continue
      const ofRecord = byRecord.get(event.stream.id)
      if (ofRecord === undefined) byRecord.set(event.stream.id, [event])
      else ofRecord.push(event)
    }
    const states: S[] = []
    for (const stored of byRecord.values()) states.push(yield* foldStored(aggregate, stored[0]!.stream, stored, aggregate.decider.initialState, unreadable))
    return states.filter((state): state is NonNullable<S> => state !== undefined)
  })

/**
 * An authority's records as they stood just before the event at `position`, with their clocks as of `at`: what a
 * document made then was made from, so it can be made again exactly (a decision sheet sent to a child's file).
 * Folds every event of the authority up to there: a rare read, paid once per fetch.
 */
export const authorityRecordsBefore = (authorityId: AuthorityId, position: number, at: DateTime.Utc) =>
  Effect.gen(function* () {
    const events = yield* eventsBefore(authorityId, position)
    const [referrals, sittings, decisions, disagreements, placements] = yield* Effect.all([
      folded(referralAggregate, events),
      folded(sittingAggregate, events),
      folded(decisionAggregate, events),
      folded(disagreementAggregate, events),
      folded(placementAggregate, events)
    ])
    return yield* withClocks(
      authorityId,
      {
        referrals: referrals as ReadonlyArray<Referral>,
        sittings: sittings as ReadonlyArray<Sitting>,
        decisions: decisions as ReadonlyArray<Decision>,
        disagreements: disagreements as ReadonlyArray<Disagreement>,
        placements: placements as ReadonlyArray<Placement>
      },
      at
    )
  })
