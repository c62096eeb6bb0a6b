import {
  type Aggregate,
  calendarFeedAggregate,
  childRecordAggregate,
  decisionAggregate,
  disagreementAggregate,
  placementAggregate,
  referralAggregate,
  sittingAggregate
} from "@carepanel/core"

/** An aggregate with its types erased, so that one map holds every kind of stream. */
export type AnyAggregate = Aggregate<unknown, { readonly _tag: string }, unknown, unknown, unknown>

/** Every kind of stream the core writes, by stream type: what folds its events and which read-model rows it keeps. */
export const aggregatesByStreamType: ReadonlyMap<string, AnyAggregate> = new Map(
  [referralAggregate, sittingAggregate, decisionAggregate, disagreementAggregate, placementAggregate, childRecordAggregate, calendarFeedAggregate].map(
    (aggregate) => [aggregate.streamType, aggregate as unknown as AnyAggregate] as const
  )
)
