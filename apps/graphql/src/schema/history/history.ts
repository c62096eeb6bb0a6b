import {
  type ActedBy,
  type Actor,
  authorise,
  decisionCollection,
  decisionReaders,
  decisionStreamType,
  disagreementCollection,
  disagreementReaders,
  disagreementStreamType,
  EventStore,
  type Permission,
  placementCollection,
  placementReaders,
  placementStreamType,
  ReadModels,
  type Referral,
  ReferralId,
  Referrals,
  referralStreamType,
  type StoredEvent
} from "@carepanel/core"
import { Effect } from "effect"
import { decodeArgs } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { ReferralRef } from "../referral/referralType.js"
import { read, using } from "../run.js"
import { ActedByRef } from "../shared/objects.js"

interface HistoryEntry {
  readonly event: StoredEvent
  /** The children of the request: reading an event's data is reading their record. */
  readonly childIds: ReadonlyArray<string>
}

const byOf = (event: StoredEvent): ActedBy | null => {
  const by = (event.data as { readonly by?: ActedBy } | null)?.by
  return by !== undefined && typeof by === "object" ? by : null
}

const HistoryEventRef = builder.objectRef<HistoryEntry>("HistoryEvent").implement({
  description: "One event of a record's stream: what happened, who did it and when. The log is never changed.",
  fields: (t) => ({
    version: t.int({ resolve: ({ event }) => event.version }),
    type: t.string({ resolve: ({ event }) => event.type }),
    stream: t.string({ description: "referral, decision, disagreement or placement", resolve: ({ event }) => event.stream.streamType }),
    streamId: t.string({ resolve: ({ event }) => event.stream.id }),
    recordedAt: t.string({ description: "When the store committed it (ISO instant).", resolve: ({ event }) => event.recordedAt }),
    by: t.field({ type: ActedByRef, nullable: true, resolve: ({ event }) => byOf(event) }),
    at: t.string({ nullable: true, description: "When it happened, as the command said.", resolve: ({ event }) => (event.data as { at?: string } | null)?.at ?? null }),
    hash: t.string({ description: "Tamper evidence: chained to the previous event of the stream (empty if the store keeps none).", resolve: ({ event }) => event.hash }),
    data: t.field({
      type: "JSON",
      nullable: true,
      description: "The event as recorded. It may hold a child's identity, so every read is logged.",
      resolve: ({ event, childIds }, _args, context) => {
        for (const childId of childIds) context.access.track(childId, "history.data")
        return event.data
      }
    })
  })
})

interface CaseHistory {
  readonly referral: Referral
  readonly entries: ReadonlyArray<HistoryEntry>
}

const CaseHistoryRef = builder.objectRef<CaseHistory>("CaseHistory").implement({
  description:
    "Everything that happened to a request, in order: its own events, and those of the decisions about it, the disagreements " +
    "with them and the Regulation 24 placements of its children, each where the caller's roles may read them. Sittings are " +
    "not included: their events are about every child on the agenda.",
  fields: (t) => ({
    referral: t.field({ type: ReferralRef, resolve: (history) => history.referral }),
    events: t.field({ type: [HistoryEventRef], resolve: (history) => history.entries })
  })
})

/** The events of every record of a collection matching any of `wheres`, or none if the actor may not read them. */
const streamsAbout = (actor: Actor, readers: Permission, collection: string, streamType: string, wheres: ReadonlyArray<Readonly<Record<string, string>>>) =>
  Effect.gen(function* () {
    const allowed = yield* authorise(actor, readers).pipe(Effect.option)
    if (allowed._tag === "None") return []
    const [readModels, store] = yield* Effect.all([ReadModels, EventStore])
    const rows = yield* Effect.forEach(wheres, (where) => readModels.query({ collection, authorityId: actor.authorityId, where }))
    const ids = [...new Set(rows.flat().map((row) => row.id))]
    const streams = yield* Effect.forEach(ids, (id) => store.readStream({ authorityId: actor.authorityId, streamType, id }))
    return streams.flat()
  })

builder.queryField("caseHistory", (t) =>
  t.field({
    type: CaseHistoryRef,
    description: "A request's full history from the event log. Another authority's request answers exactly as a missing one.",
    args: { referralId: t.arg.id({ required: true }) },
    errors: {},
    resolve: (_root, args, context) =>
      read(context, (actor) =>
        Effect.gen(function* () {
          const id = yield* decodeArgs(ReferralId, args.referralId, ["referralId"])
          const referral = yield* using(Referrals, (referrals) => referrals.get(actor, id))
          const childIds = referral.form.children.map((child) => child.childId as string)
          const related = yield* Effect.all([
            streamsAbout(actor, decisionReaders, decisionCollection, decisionStreamType, [{ referralId: id }]),
            streamsAbout(actor, disagreementReaders, disagreementCollection, disagreementStreamType, [{ referralId: id }]),
            streamsAbout(actor, placementReaders, placementCollection, placementStreamType, childIds.map((childId) => ({ childId })))
          ])
          const own = yield* (yield* EventStore).readStream({ authorityId: actor.authorityId, streamType: referralStreamType, id })
          const events = [...own, ...related.flat()].sort((a, b) => a.position - b.position)
          return { referral, entries: events.map((event) => ({ event, childIds })) }
        })
      )
  })
)
