import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect, TestClock } from "effect"
import { Agendas } from "../../src/agenda/Agendas.js"
import { addDays } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { EventStore } from "../../src/ports/EventStore.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

const policy = preset("support-panels")
const staff = staffOf("support-panels")
const eventCount = EventStore.pipe(
  Effect.flatMap((store) => store.readAll({ after: 0, limit: 1_000_000 })),
  Effect.map((events) => events.length)
)

/** The week played, and the two sittings after it. */
const afterWeek = Effect.gen(function* () {
  const [decisions, referrals, sittings, agendas] = yield* Effect.all([Decisions, Referrals, Sittings, Agendas])
  const week = yield* playWeek(policy)
  const later = (yield* sittings.list(staff.administrator, { panelId: week.sitting.panelId })).filter((sitting) => DateTime.greaterThan(sitting.startsAt, week.sitting.startsAt))
  const content = (key: string, outcome: "approve" | "decline" | "defer" = "approve") =>
    exampleDecision(policy, policy.referral.inScope.requestTypes[0]!, outcome, { actionsDue: addDays(later[0]!.date, 14), key })
  return { decisions, referrals, sittings, agendas, week, next: later[0]!, afterNext: later[1]!, content }
})

const run = <A, E, R>(effect: Effect.Effect<A, E, R>) => effect.pipe(Effect.provide(inMemoryCore(policy)))

describe("decisions through the use cases", () => {
  it.effect("CPR-8, DEF-QUORUM-CHAIR-DECIDES: a decision waits for its sitting to start and for the chair to settle numbers, is refused at a cancelled sitting, and nothing is written on refusal", () =>
    run(
      Effect.gen(function* () {
        const { decisions, sittings, agendas, week, next, afterNext, content } = yield* afterWeek
        // The deferred request comes back by itself on the next sitting's agenda (item 8).
        yield* agendas.build(staff.administrator, next.id)
        yield* TestClock.setTime(next.startsAt.epochMillis - 60_000)
        const before = yield* eventCount
        const early = yield* Effect.flip(decisions.recordAtPanel(staff.administrator, week.deferred.id, next.id, content("early")))
        expect(early).toMatchObject({ _tag: "SittingNotHeld", reason: "not_started", message: "The Support Panel sits at 09:30 on Tue 22 Jun 2027: its decisions can be recorded once it has started." })
        expect(yield* eventCount).toBe(before)
        yield* sittings.buildAgenda(staff.administrator, afterNext.id, [{ referralId: week.deferred.id, childIds: week.deferred.form.children.map((child) => child.childId), kind: "request", summary: "Deferred" }])
        yield* sittings.cancel(staff.administrator, afterNext.id, "Chair unwell; no deputy")
        yield* TestClock.setTime(afterNext.endsAt.epochMillis)
        const cancelled = yield* Effect.flip(decisions.recordAtPanel(staff.administrator, week.deferred.id, afterNext.id, content("cancelled")))
        expect(cancelled).toMatchObject({ _tag: "SittingNotHeld", reason: "cancelled" })
        yield* TestClock.setTime(next.startsAt.epochMillis)
        // The chair decides whether enough members are present: nothing is decided before they have said so.
        const beforeUnsettled = yield* eventCount
        const unsettled = yield* Effect.flip(decisions.recordAtPanel(staff.administrator, week.deferred.id, next.id, content("unsettled")))
        expect(unsettled).toMatchObject({ _tag: "SittingNotHeld", reason: "quorum_not_settled" })
        expect(yield* eventCount).toBe(beforeUnsettled)
        yield* sittings.confirmQuorum(staff.chair, next.id, true, "Chair and members present")
        expect((yield* decisions.recordAtPanel(staff.administrator, week.deferred.id, next.id, content("on-time"))).status).toBe("awaiting_sign_off")
      })
    )
  )

  it.effect("CPR-8: an edit before sign-off that changes the outcome reaches the request", () =>
    run(
      Effect.gen(function* () {
        const { decisions, referrals, sittings, agendas, week, next, content } = yield* afterWeek
        yield* agendas.build(staff.administrator, next.id)
        yield* TestClock.setTime(next.endsAt.epochMillis)
        yield* sittings.confirmQuorum(staff.chair, next.id, true, "Chair and members present")
        const recorded = yield* decisions.recordAtPanel(staff.administrator, week.deferred.id, next.id, content("again"))
        expect((yield* referrals.get(staff.administrator, week.deferred.id)).status).toBe("decided")
        yield* decisions.edit(staff.administrator, recorded.id, content("again", "defer"))
        expect(yield* referrals.get(staff.administrator, week.deferred.id)).toMatchObject({ status: "ready", hearings: [{ outcome: "defer" }, { outcome: "defer" }] })
      })
    )
  )

  it.effect("CPR-8: a second, contradicting decision on a request at the same sitting is refused and nothing of it is stored", () =>
    run(
      Effect.gen(function* () {
        const { decisions, week, content } = yield* afterWeek
        const [approved] = week.decisions
        const before = yield* eventCount
        const refusal = yield* Effect.flip(decisions.recordAtPanel(staff.administrator, approved!.subject.referralId, week.sitting.id, content("again", "decline")))
        expect(refusal).toMatchObject({ _tag: "AlreadyHeard", decisionId: approved!.id })
        expect(refusal.message).toContain("amend that decision rather than record another")
        expect(yield* eventCount).toBe(before)
      })
    )
  )

  it.effect("a decision on a withdrawn request is refused before anything is written", () =>
    run(
      Effect.gen(function* () {
        const { decisions, referrals, sittings, agendas, week, next, content } = yield* afterWeek
        yield* agendas.build(staff.administrator, next.id)
        yield* referrals.withdraw(staff.socialWorker, week.deferred.id, "The family moved to another authority")
        yield* TestClock.setTime(next.startsAt.epochMillis)
        yield* sittings.confirmQuorum(staff.chair, next.id, true, "Chair and members present")
        const before = yield* eventCount
        expect((yield* Effect.flip(decisions.recordAtPanel(staff.administrator, week.deferred.id, next.id, content("withdrawn"))))._tag).toBe("ReferralNotInStatus")
        expect(yield* eventCount).toBe(before)
      })
    )
  )

  it.effect("blank text is refused as InvalidInput naming every problem by its path; nothing is written", () =>
    run(
      Effect.gen(function* () {
        const { decisions, week } = yield* afterWeek
        const [approved] = week.decisions
        const before = yield* eventCount
        const action = approved!.content.actions[0]!.actionId
        const refusals = yield* Effect.all([
          Effect.flip(decisions.completeAction(staff.socialWorker, approved!.id, action, "   ")),
          Effect.flip(decisions.markActionOutstanding(staff.teamManager, approved!.id, action, "")),
          Effect.flip(decisions.amend(staff.chair, approved!.id, { content: { ...approved!.content, rationale: " " }, whatChanged: "", why: " " })),
          Effect.flip(decisions.waiveReturn(staff.teamManager, approved!.id, ""))
        ])
        expect(refusals.map((refusal) => refusal._tag)).toEqual(["InvalidInput", "InvalidInput", "InvalidInput", "InvalidInput"])
        expect(refusals[0]).toMatchObject({ problems: [{ path: "evidence", message: "must not be empty" }], message: "Nothing was saved. Please correct: evidence must not be empty." })
        expect(refusals[2]).toMatchObject({ problems: [{ path: "content.rationale" }, { path: "whatChanged" }, { path: "why" }] })
        expect(yield* eventCount).toBe(before)
      })
    )
  )

  it.effect("CPR-8: an approval amended to a deferral reaches the request, which comes back on the next sitting's proposed agenda", () =>
    run(
      Effect.gen(function* () {
        const { decisions, referrals, agendas, week, next } = yield* afterWeek
        const [approved] = week.decisions
        const amended = yield* decisions.amend(staff.chair, approved!.id, {
          content: { ...approved!.content, outcome: "defer", actions: [] },
          whatChanged: "Outcome: deferred, not approved",
          why: "The panel asked for the parenting assessment first; the record was wrong"
        })
        expect(amended.amendments).toMatchObject([{ approvedBy: { name: "Martin Gorsley", role: "panel_chair" }, by: { name: "Martin Gorsley" } }])
        expect(yield* referrals.get(staff.administrator, approved!.subject.referralId)).toMatchObject({ status: "ready", hearings: [{ outcome: "defer" }] })
        const proposed = yield* agendas.propose(staff.administrator, next.id)
        expect(proposed.filter((entry) => entry.summary.startsWith("Request deferred from the sitting on Tue 15 Jun 2027")).map((entry) => entry.referralId).sort()).toEqual(
          [approved!.subject.referralId, week.deferred.id].sort()
        )
        expect((yield* Effect.flip(decisions.amend(staff.administrator, approved!.id, { content: approved!.content, whatChanged: "x", why: "y" })))._tag).toBe("NotPermitted")
      })
    )
  )
})
