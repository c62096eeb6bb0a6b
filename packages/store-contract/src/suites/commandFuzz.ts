import {
  Agendas,
  addDays,
  type Commit,
  type DecisionId,
  Decisions,
  decisionAggregate,
  Disagreements,
  disagreementAggregate,
  EventStore,
  load,
  type NotificationChannel,
  Outbox,
  preset,
  ReadModels,
  referralAggregate,
  Sittings,
  sittingAggregate
} from "@carepanel/core"
import { exampleDecision, inMemoryCore, playWeek, staffOf } from "@carepanel/core/testing"
import { Context, DateTime, Effect, Either, Layer, TestClock, TestContext } from "effect"
import fc from "fast-check"
import { expect, it } from "vitest"
import type { StoreIntegrity, StorePorts } from "../StoreContractOptions.js"

const policy = preset("support-panels")
const staff = staffOf("support-panels")
const holderOf = (role: string) => Object.values(staff).find((actor) => (actor.roles as ReadonlyArray<string>).includes(role))!

/** One step of one person's work; `yields` lets the other fibres run first. */
type Step =
  | { readonly _tag: "Record"; readonly by: "administrator" | "chair"; readonly outcome: "approve" | "decline" | "defer"; readonly yields: number }
  | { readonly _tag: "SignOff"; readonly yields: number }
  | { readonly _tag: "Dissent"; readonly yields: number }

const yields = fc.integer({ min: 0, max: 6 })
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    _tag: fc.constant("Record" as const),
    by: fc.constantFrom("administrator" as const, "chair" as const),
    outcome: fc.constantFrom("approve" as const, "decline" as const, "defer" as const),
    yields
  }),
  fc.record({ _tag: fc.constant("SignOff" as const), yields }),
  fc.record({ _tag: fc.constant("Dissent" as const), yields })
)
const fibres = fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 })

/** The store, noting the notifications of every commit it acknowledged. */
const notingCommits = <I>(store: Layer.Layer<StorePorts | I, unknown>, acknowledged: Array<string>) =>
  Layer.scopedContext(
    Effect.gen(function* () {
      const context = yield* Layer.build(store)
      const eventStore = Context.get(context as Context.Context<StorePorts>, EventStore)
      const note = (commits: ReadonlyArray<Commit>) => Effect.sync(() => acknowledged.push(...commits.flatMap((commit) => commit.notifications.map((n) => n.id))))
      return Context.add(
        context,
        EventStore,
        EventStore.of({
          ...eventStore,
          append: (commit) => Effect.tap(eventStore.append(commit), () => note([commit])),
          appendAll: (commits) => Effect.tap(eventStore.appendAll(commits), () => note(commits))
        })
      )
    })
  )

const aggregates = [decisionAggregate, referralAggregate, sittingAggregate, disagreementAggregate] as const

/** Every read-model row the store holds for a record equals the one its events give when replayed. */
const readModelsMatchReplay = Effect.gen(function* () {
  const store = yield* EventStore
  const readModels = yield* ReadModels
  const events = yield* store.readAll({ after: 0, limit: 1_000_000 })
  const streams = new Map(events.map((event) => [`${event.stream.streamType}/${event.stream.id}`, event.stream] as const))
  let compared = 0
  for (const stream of streams.values()) {
    const aggregate = aggregates.find((candidate) => candidate.streamType === stream.streamType)
    if (aggregate === undefined) continue
    const { state } = yield* load(aggregate as never, stream)
    const replayed = (aggregate.readModels as (state: unknown, of: typeof stream) => ReadonlyArray<{ readonly collection: string; readonly id: string }>)(state, stream)
    for (const row of replayed) {
      const stored = yield* readModels.get(row.collection, stream.authorityId, row.id)
      expect(stored, `${row.collection}/${row.id}`).toEqual(row)
      compared++
    }
  }
  return compared
})

/**
 * Random interleavings of the core's commands (record at panel, sign off, dissent) from 2-4 fibres on one request
 * at one sitting, each run on a fresh store after a played week. Then: at most one decision per request per sitting
 * (exactly one if anyone tried), no step failed with `PersistenceError`, read models equal replay, every
 * notification of an acknowledged commit is in the outbox exactly once, and the adapter's own integrity check holds.
 */
export const commandFuzzSuite = <I>(makeLayer: () => Layer.Layer<StorePorts | I, unknown>, runs: number, integrity?: StoreIntegrity<I>) => {
  it(`several people's commands at once: one decision per request per sitting, read models equal replay, each committed notification queued once${integrity ? `, ${integrity.name}` : ""} (${runs} generated runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fibres, async (work) => {
        const acknowledged: Array<string> = []
        const program = Effect.gen(function* () {
          const [decisions, sittings, agendas, disagreements] = yield* Effect.all([Decisions, Sittings, Agendas, Disagreements])
          const week = yield* playWeek(policy)
          const [next] = (yield* sittings.list(staff.administrator, { panelId: week.sitting.panelId })).filter((sitting) =>
            DateTime.greaterThan(sitting.startsAt, week.sitting.startsAt)
          )
          yield* agendas.build(staff.administrator, next!.id)
          yield* TestClock.setTime(next!.endsAt.epochMillis)
          yield* sittings.recordAttendance(staff.administrator, next!.id, {
            personId: staff.member.personId, name: staff.member.name, seat: "Member", membership: "standing", status: "present"
          })
          yield* sittings.confirmQuorum(staff.chair, next!.id, true, "Chair and members present")
          const referralId = week.deferred.id
          const store = yield* EventStore
          const decisionAtNext = Effect.map(store.readAll({ after: 0, limit: 1_000_000 }), (events) =>
            events.filter((event) => event.type === "DecisionRecorded" && (event.data as { sittingId: string }).sittingId === next!.id)
          )
          const before = acknowledged.length

          const run = (s: Step) =>
            Effect.gen(function* () {
              for (let i = 0; i < s.yields; i++) yield* Effect.yieldNow()
              if (s._tag === "Record") {
                const content = exampleDecision(policy, policy.referral.inScope.requestTypes[0]!, s.outcome, { actionsDue: addDays(next!.date, 14), key: `${s.by}-${s.outcome}` })
                return yield* decisions.recordAtPanel(staff[s.by], referralId, next!.id, content)
              }
              const [recorded] = yield* decisionAtNext
              if (recorded === undefined) return undefined
              const decisionId = recorded.stream.id as DecisionId
              if (s._tag === "SignOff") {
                const decision = yield* decisions.get(staff.administrator, decisionId)
                const pending = decision.pendingSignOffs[0]
                return pending === undefined ? decision : yield* decisions.signOff(holderOf(pending.roles[0]!), decisionId)
              }
              return yield* disagreements.recordDissent(staff.member, {
                decisionId, referralId, sittingId: next!.id,
                member: { personId: staff.member.personId, name: staff.member.name }, dissentsFrom: { _tag: "Decision" },
                grounds: "The family network has not been explored"
              })
            })
          const outcomes = yield* Effect.all(
            work.map((steps) => Effect.forEach(steps, (s) => Effect.either(run(s)))),
            { concurrency: "unbounded" }
          )
          // Refusals are the domain's (AlreadyHeard, DecisionIsFinal, ...) or a conflict after its retries: never the store failing.
          for (const outcome of outcomes.flat()) {
            if (Either.isLeft(outcome)) expect((outcome.left as { _tag: string })._tag).not.toBe("PersistenceError")
          }

          expect((yield* decisionAtNext).length).toBeLessThanOrEqual(1)
          if (work.flat().some((s) => s._tag === "Record")) expect((yield* decisionAtNext).length).toBe(1)
          const compared = yield* readModelsMatchReplay
          expect(compared).toBeGreaterThan(0)
          const queuedOn = (channel: NotificationChannel) =>
            Effect.map(Effect.flatMap(Outbox, (outbox) => outbox.due(channel, "9999-12-31T00:00:00.000Z", 1_000_000)), (due) => due.map((entry) => entry.notification.id))
          const queued = yield* queuedOn("email")
          expect(new Set(queued).size).toBe(queued.length)
          expect(yield* queuedOn("webhook")).toEqual(queued)
          const committedNow = acknowledged.slice(before)
          expect(new Set(committedNow).size).toBe(committedNow.length)
          for (const id of committedNow) expect(queued).toContain(id)
          // The store layer below provides I beside the ports; inMemoryCore's signature only names the ports.
          if (integrity !== undefined) yield* (integrity.check as Effect.Effect<void, unknown, never>)
        })
        const store = Layer.orDie(notingCommits(makeLayer(), acknowledged) as Layer.Layer<StorePorts, unknown>)
        await Effect.runPromise(program.pipe(Effect.provide(inMemoryCore(policy, store)), Effect.provide(TestContext.TestContext)))
      }),
      { numRuns: runs }
    )
  }, 300_000)
}
