import {
  type ActedBy,
  decisionStreamType,
  EventStore,
  type Referral,
  ReferralId,
  Referrals,
  referralStreamType,
  type StoredEvent
} from "@carepanel/core"
import { Effect } from "effect"
import { decodeInput } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { decisionsPage } from "../decision/decisionQueries.js"
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
    stream: t.string({ description: "referral or decision", resolve: ({ event }) => event.stream.streamType }),
    streamId: t.string({ resolve: ({ event }) => event.stream.id }),
    recordedAt: t.string({ description: "When the store committed it (ISO instant).", resolve: ({ event }) => event.recordedAt }),
    by: t.field({ type: ActedByRef, nullable: true, resolve: ({ event }) => byOf(event) }),
    at: t.string({ nullable: true, description: "When it happened, as the command said.", resolve: ({ event }) => (event.data as { at?: string } | null)?.at ?? null }),
    hash: t.string({ description: "Tamper evidence: chained to the previous event of the stream (empty if the store keeps none).", resolve: ({ event }) => event.hash }),
    data: t.field({
      type: "JSON",
      nullable: true,
      description: "The event as recorded. It may hold a child's identity: withheld from integrators without the identity scope, and logged.",
      authScopes: { childIdentity: true },
      unauthorizedResolver: () => null,
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
  description: "Everything that happened to a request: its own events and every event of the decisions about it, in order.",
  fields: (t) => ({
    referral: t.field({ type: ReferralRef, resolve: (history) => history.referral }),
    events: t.field({ type: [HistoryEventRef], resolve: (history) => history.entries })
  })
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
          const id = yield* decodeInput(ReferralId, args.referralId, ["referralId"])
          const referral = yield* using(Referrals, (referrals) => referrals.get(actor, id))
          const store = yield* EventStore
          const own = yield* store.readStream({ authorityId: actor.authorityId, streamType: referralStreamType, id })
          const decisions = yield* decisionsPage({ referralId: id }, { first: 100 })(actor)
          const theirs = yield* Effect.forEach(decisions.edges, (edge) =>
            store.readStream({ authorityId: actor.authorityId, streamType: decisionStreamType, id: edge.node.id })
          )
          const childIds = referral.form.children.map((child) => child.childId as string)
          const events = [...own, ...theirs.flat()].sort((a, b) => a.position - b.position)
          return { referral, entries: events.map((event) => ({ event, childIds })) }
        })
      )
  })
)
