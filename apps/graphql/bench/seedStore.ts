import {
  type AuthorityPolicy,
  ChildId,
  type Commit,
  DocumentId,
  EventStore,
  type ReferralEvent,
  referralAggregate,
  ReferralId,
  referralStreamType,
  londonDateOf,
  SittingId,
  type SittingEvent,
  sittingAggregate,
  sittingStreamType
} from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { DateTime, Effect } from "effect"

/**
 * Appends `count` complete draft requests as commits, straight to the store: the events a social worker's
 * createDraft and recordDocument would write, with their read-model rows. Fast, and the same shape of data.
 */
export const draftId = (i: number) => `ref_bench_${String(i).padStart(7, "0")}`

export const seedDrafts = (policy: AuthorityPolicy, from: number, to: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const staff = staffOf(policy.authority.id)
    const by = { personId: staff.socialWorker.personId, name: staff.socialWorker.name, role: "social_worker" as const }
    const requestType = policy.referral.inScope.requestTypes[0]!
    const required = policy.referral.requiredDocuments.filter((doc) => doc.forRequestTypes === undefined || doc.forRequestTypes.includes(requestType))
    const at = yield* DateTime.now
    for (let i = from; i < to; i++) {
      const referralId = ReferralId.make(draftId(i))
      const form = exampleForm(policy.panels[0].id, requestType, { id: `bench-child-${i}`, name: `Bench Child ${i}` })
      const events: ReferralEvent[] = [
        { _tag: "DraftCreated", referralId, authorityId: policy.authority.id as never, form, by, at },
        ...required.map((doc, d): ReferralEvent => ({
          _tag: "DocumentRecorded",
          document: { documentId: DocumentId.make(`${referralId}-doc-${d}`), kind: doc.kind, title: doc.kind },
          by,
          at
        }))
      ]
      const stream = { authorityId: policy.authority.id as never, streamType: referralStreamType, id: referralId }
      const state = events.reduce(referralAggregate.decider.evolve, referralAggregate.decider.initialState)
      const encoded = yield* Effect.forEach(events, (event) => referralAggregate.events.encode(event).pipe(Effect.orDie))
      const commit: Commit = {
        stream,
        expectedVersion: 0,
        events: encoded.map((data) => ({ type: data._tag, data })),
        readModels: referralAggregate.readModels(state, stream),
        notifications: []
      }
      yield* store.append(commit)
    }
  })

/** A sitting a week on with `referralIds` on its agenda, appended as its scheduling and agenda events. */
export const seedSitting = (policy: AuthorityPolicy, referralIds: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const staff = staffOf(policy.authority.id)
    const by = { personId: staff.administrator.personId, name: staff.administrator.name, role: "panel_administrator" as const }
    const at = yield* DateTime.now
    const startsAt = DateTime.add(at, { days: 7 })
    const sittingId = SittingId.make("sit_bench")
    const events: SittingEvent[] = [
      {
        _tag: "SittingScheduled",
        sittingId,
        authorityId: policy.authority.id as never,
        panelId: policy.panels[0].id,
        date: londonDateOf(startsAt),
        startsAt,
        endsAt: DateTime.add(startsAt, { hours: 3 }),
        by,
        at
      },
      {
        _tag: "AgendaBuilt",
        items: referralIds.map((referralId, i) => ({
          referralId: ReferralId.make(referralId),
          childIds: [ChildId.make(`bench-child-${i}`)],
          kind: "request" as const,
          summary: "Request: a legal planning meeting",
          startsAt: DateTime.add(startsAt, { minutes: 20 * i }),
          endsAt: DateTime.add(startsAt, { minutes: 20 * (i + 1) })
        })),
        by,
        at
      }
    ]
    const stream = { authorityId: policy.authority.id as never, streamType: sittingStreamType, id: sittingId }
    const state = events.reduce(sittingAggregate.decider.evolve, sittingAggregate.decider.initialState)
    const encoded = yield* Effect.forEach(events, (event) => sittingAggregate.events.encode(event).pipe(Effect.orDie))
    yield* store.append({
      stream,
      expectedVersion: 0,
      events: encoded.map((data) => ({ type: data._tag, data })),
      readModels: sittingAggregate.readModels(state, stream),
      notifications: []
    })
    return sittingId
  })

/**
 * Adds requests `from` to `to` to the SQLite store under `dataDir` (and, on the first call, the sitting of the first
 * `agendaMembers`). Seeding syncs at NORMAL to be quick; the API under test opens the same file at FULL.
 */
export const seedSqliteStore = (dataDir: string, policy: AuthorityPolicy, from: number, to: number, agendaMembers: number) =>
  Effect.runPromise(
    Effect.gen(function* () {
      yield* seedDrafts(policy, from, to)
      if (from === 0) yield* seedSitting(policy, Array.from({ length: agendaMembers }, (_, i) => draftId(i)))
    }).pipe(Effect.provide(SqliteStoreLayer({ dataDir, synchronous: "NORMAL" })))
  )
