import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { ChildId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { london } from "../fixtures.js"

// NSO-10: an emergency decision outside panel is agreed with the Head of Service AND the Assistant Director. When the
// Assistant Director would not agree, nothing recorded it: the proposal waited for an agreement for ever, and once the
// request was withdrawn nothing heard it again, so its never-agreed actions stayed overdue on the social worker's and
// team manager's lists. Now whoever could give the awaited agreement refuses it with a reason (RefuseOutsidePanel):
// the proposal lapses as one overtaken by the panel does (its actions keep no clock, it can no longer be agreed), the
// request is as it was before it, and the caseholders are told.

const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

/** Care proceedings, proposed outside panel by the Head of Service (who agrees as she records it) on Tue 1 Jun. */
const proposed = (child = { id: "child-w", name: "Rowan Tilbury" }) =>
  Effect.gen(function* () {
  yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
  const request = yield* requestWithPapers(nso, "care_proceedings", child)
  const proposal = yield* (yield* Decisions).recordOutsidePanel(staff.headOfService, request.id, {
    content: exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-04" as LocalDate, key: child.id }),
    whyOutsidePanel: "The child could not wait for the next sitting",
    timescales: "Agreed for two weeks, then reviewed"
  })
  return { request, proposal }
})

const refusalOf = <A, E extends { readonly _tag: string; readonly message: string }, R>(attempt: Effect.Effect<A, E, R>) =>
  Effect.map(Effect.either(attempt), (result) => (result._tag === "Left" ? `${result.left._tag}: ${result.left.message}` : "done"))

describe("an agreement outside panel the Assistant Director will not give", () => {
  it.effect("NSO-10: refused with a reason, the proposal lapses: nothing of it is overdue a month on, it cannot be agreed after, the caseholders are told, and the request goes to panel", () =>
    Effect.gen(function* () {
      const [referrals, decisions, deadlines, sittings] = yield* Effect.all([Referrals, Decisions, Deadlines, Sittings])
      const { request, proposal } = yield* proposed()
      expect(proposal.status).toBe("awaiting_agreement")

      yield* TestClock.setTime(london("2027-06-02", "09:00").epochMillis)
      const refused = yield* decisions.refuseOutsidePanel(staff.assistantDirector, proposal.id, "Kinship care with the aunt has not been explored")
      expect(refused.outsidePanel?.refused).toMatchObject({ role: "assistant_director", reason: "Kinship care with the aunt has not been explored", by: { name: "Ruth Fairholme" } })
      // Told apart from a proposal still waiting: it reads "not agreed", wherever it is read.
      expect([refused.status, (yield* decisions.get(staff.socialWorker, proposal.id)).status]).toEqual(["not_agreed", "not_agreed"])

      // The caseholders are told, and the Head of Service who proposed it, with nothing to act by: its actions are not owed.
      const told = (yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)).map((entry) => entry.notification).filter((n) => n.kind === "decision.agreement_refused")
      expect(told.map((n) => [n.recipients, n.headline, n.actBy])).toEqual(
        [
          [{ _tag: "Person", personId: "priya-ashdown", name: "Priya Ashdown" }],
          [{ _tag: "Person", personId: "tom-brackley", name: "Tom Brackley" }],
          [{ _tag: "Person", personId: staff.headOfService.personId, name: "Grace Dunmore" }]
        ].map((recipients) => [
          recipients,
          `The urgent decision outside panel for child child-w (care proceedings under section 31) was not agreed: the Assistant Director refused it (NSO-10)`,
          undefined
        ])
      )
      expect(told[0]!.body.slice(0, 2)).toEqual([
        "Refused by Ruth Fairholme (Assistant Director) at 09:00 Wed 2 Jun 2027: Kinship care with the aunt has not been explored",
        "The proposal has lapsed (NSO-10): nothing was agreed outside panel, and none of its actions is owed."
      ])

      // Changing her mind later is not agreeing the lapsed proposal: the refusal is named.
      yield* TestClock.setTime(london("2027-06-03", "09:00").epochMillis)
      expect(yield* refusalOf(decisions.agreeOutsidePanel(staff.assistantDirector, proposal.id))).toBe(
        "NotApplicable: Ruth Fairholme (Assistant Director) refused this agreement outside panel at 09:00 Wed 2 Jun 2027 (NSO-10): it has lapsed and can no longer be agreed. If circumstances have changed since, record a new agreement outside panel, or bring the request to a sitting."
      )

      // A month on, nothing the panel or an approver agreed is owed.
      yield* TestClock.setTime(london("2027-07-05", "09:00").epochMillis)
      const running = (yield* deadlines.forAuthority(staff.administrator)).filter((deadline) => deadline.about.kind === "action" || deadline.about.id === proposal.id)
      expect(running.map((deadline) => `${deadline.title}: ${deadline.state}`)).toEqual([])

      // The request never heard of the proposal: it goes onto a sitting and the panel decides it.
      expect((yield* referrals.get(staff.administrator, request.id)).hearings).toEqual([])
      const sitting = yield* sittings.schedule(staff.administrator, nso.panels[0].id, "2027-07-07" as LocalDate)
      yield* referrals.acceptOntoSitting(staff.administrator, request.id, sitting.id)
      yield* sittings.buildAgenda(staff.administrator, sitting.id, [{ referralId: request.id, childIds: [ChildId.make("child-w")], kind: "request", summary: "Care proceedings" }])
      yield* TestClock.setTime(sitting.startsAt.epochMillis)
      yield* sittings.confirmQuorum(staff.assistantDirector, sitting.id, true, "Chair and three members present")
      const atPanel = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, exampleDecision(nso, "care_proceedings", "decline", { actionsDue: "2027-07-20" as LocalDate, key: "panel" }))
      expect((yield* referrals.get(staff.administrator, request.id)).hearings.map((hearing) => hearing.decisionId)).toEqual([atPanel.id])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-10: only the awaited agreement's holder refuses it, with a reason, once; an agreement already given by all is amended instead", () =>
    Effect.gen(function* () {
      const decisions = yield* Decisions
      const { proposal } = yield* proposed()
      const { proposal: agreed } = yield* proposed({ id: "child-x", name: "Sol Varney" })
      yield* TestClock.setTime(london("2027-06-02", "09:00").epochMillis)
      // The Head of Service agreed as she recorded it: the agreement awaited is the Assistant Director's.
      expect(yield* refusalOf(decisions.refuseOutsidePanel(staff.headOfService, proposal.id, "On reflection, no"))).toBe(
        "NotTheRightPerson: This agreement is waiting for the Assistant Director (NSO-10)."
      )
      expect(yield* refusalOf(decisions.refuseOutsidePanel(staff.assistantDirector, proposal.id, "   "))).toMatch(/^InvalidInput: /)
      expect((yield* decisions.get(staff.administrator, proposal.id)).outsidePanel?.refused).toBeUndefined()
      yield* decisions.refuseOutsidePanel(staff.assistantDirector, proposal.id, "Kinship care with the aunt has not been explored")
      expect(yield* refusalOf(decisions.refuseOutsidePanel(staff.assistantDirector, proposal.id, "Still no"))).toBe(
        "NotApplicable: Ruth Fairholme (Assistant Director) refused this agreement outside panel at 09:00 Wed 2 Jun 2027 (NSO-10): it has lapsed and can no longer be agreed. If circumstances have changed since, record a new agreement outside panel, or bring the request to a sitting."
      )

      yield* TestClock.setTime(london("2027-06-02", "10:00").epochMillis)
      yield* decisions.agreeOutsidePanel(staff.assistantDirector, agreed.id)
      expect(yield* refusalOf(decisions.refuseOutsidePanel(staff.assistantDirector, agreed.id, "Second thoughts"))).toBe(
        "DecisionIsFinal: Everyone needed has already agreed: the agreement is final. Record an amendment saying what changed and why."
      )
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("NSO-10: a proposal not agreed is neither edited nor agreed later; once circumstances change, a new proposal on the same request is agreed as any other", () =>
    Effect.gen(function* () {
      const decisions = yield* Decisions
      const { request, proposal } = yield* proposed()
      yield* TestClock.setTime(london("2027-06-02", "09:00").epochMillis)
      yield* decisions.refuseOutsidePanel(staff.assistantDirector, proposal.id, "Kinship care with the aunt has not been explored")
      const lapsed =
        "NotApplicable: Ruth Fairholme (Assistant Director) refused this agreement outside panel at 09:00 Wed 2 Jun 2027 (NSO-10): it has lapsed and can no longer be agreed. If circumstances have changed since, record a new agreement outside panel, or bring the request to a sitting."
      const content = exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-11" as LocalDate, key: "again" })
      expect(yield* refusalOf(decisions.edit(staff.assistantDirector, proposal.id, content))).toBe(lapsed)
      expect((yield* decisions.get(staff.administrator, proposal.id)).status).toBe("not_agreed")

      // The aunt is assessed and cannot care for the child: a new proposal, agreed by both, is the request's outcome.
      yield* TestClock.setTime(london("2027-06-04", "09:00").epochMillis)
      const again = yield* decisions.recordOutsidePanel(staff.headOfService, request.id, {
        content,
        whyOutsidePanel: "The aunt was assessed and cannot care for the child",
        timescales: "Agreed for two weeks, then reviewed"
      })
      expect(again.status).toBe("awaiting_agreement")
      expect((yield* decisions.agreeOutsidePanel(staff.assistantDirector, again.id)).status).toBe("final")
      // Told of the new hearing, the refused proposal still reads as refused, not as one overtaken by it.
      expect((yield* decisions.get(staff.administrator, proposal.id)).status).toBe("not_agreed")
      expect((yield* (yield* Referrals).get(staff.administrator, request.id)).hearings.map((hearing) => hearing.decisionId)).toEqual([again.id])
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )
})
