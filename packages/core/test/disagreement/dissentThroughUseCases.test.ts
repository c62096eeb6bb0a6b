import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { addDays } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Disagreements } from "../../src/disagreement/Disagreements.js"
import type { DissentDetails } from "../../src/disagreement/DisagreementCommands.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { Referrals } from "../../src/referral/Referrals.js"
import type { Actor } from "../../src/shared/actor.js"
import { ActionId, type DecisionId, DisagreementId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { actorAt, staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

const sup = staffOf("support-panels")
const party = (actor: Actor) => ({ personId: actor.personId, name: actor.name })
const dissent = (decisionId: DecisionId, grounds: string, member = sup.member): DissentDetails => ({
  decisionId,
  member: party(member),
  dissentsFrom: { _tag: "Decision" },
  grounds
})

/** Support Panels' week (Alex Brook's and Sky Holloway's requests approved at the sitting), with the member present. */
const heardWithMember = Effect.gen(function* () {
  const week = yield* playWeek(preset("support-panels"))
  yield* (yield* Sittings).recordAttendance(sup.administrator, week.sitting.id, {
    personId: sup.member.personId, name: sup.member.name, seat: "Member", membership: "standing", status: "present"
  })
  return week
})

describe("a dissent through the use cases: what the chair is sent, and what the lists show", () => {
  it.effect("grounds naming the child reach the chair's notice with the child's name taken out (the request tells whose name)", () =>
    Effect.gen(function* () {
      // Given the panel approved Alex Brook's request with the member present
      const week = yield* heardWithMember
      const decision = week.decisions[0]!
      // When the member dissents on grounds that name Alex
      const recorded = yield* (yield* Disagreements).recordDissent(
        sup.member,
        dissent(decision.id, "Alex Brook should stay near her school; Alex asked to")
      )
      // Then the chair's notice, as it waits in the outbox, gives the grounds without the child's name
      const pending = yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)
      const notices = pending.filter((entry) => entry.notification.kind === "disagreement.dissent_recorded")
      expect(notices.map((entry) => entry.notification.id)).toEqual([`${recorded.id}:dissent-recorded:panel_chair`])
      const body = notices[0]!.notification.body.join("\n")
      expect(body).toContain("Grounds: the child should stay near her school; the child asked to")
      expect(body).not.toContain("Alex")
    }).pipe(Effect.provide(inMemoryCore(preset("support-panels"))))
  )

  it.effect("the list shows a sitting's, a request's and a status's disagreements, and nothing else; a missing one is named", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      // Given dissents from the first and the last decision of the sitting, the second then withdrawn
      const week = yield* heardWithMember
      const [first, , last] = week.decisions
      const kept = yield* disagreements.recordDissent(sup.member, dissent(first!.id, "Residential care is not the least intrusive option"))
      const dropped = yield* disagreements.recordDissent(sup.member, dissent(last!.id, "The late request needed more evidence"))
      yield* disagreements.withdraw(sup.member, dropped.id, "Talked it through with the chair")
      const ids = (filter: Parameters<typeof disagreements.list>[1]) =>
        disagreements.list(sup.administrator, filter).pipe(Effect.map((found) => found.map((d) => d.id).sort()))

      // When the administrator lists them by sitting, by request and by status, then each list holds just those
      expect(yield* ids({ sittingId: week.sitting.id })).toEqual([kept.id, dropped.id].sort())
      expect(yield* ids({ referralId: first!.subject.referralId })).toEqual([kept.id])
      expect(yield* ids({ referralId: last!.subject.referralId })).toEqual([dropped.id])
      expect(yield* ids({ status: "withdrawn" })).toEqual([dropped.id])
      expect(yield* ids({ status: "dissent_recorded" })).toEqual([kept.id])
      expect(yield* ids({ status: "withdrawn", referralId: first!.subject.referralId })).toEqual([])
      // And what is listed is the disagreement as recorded, not a bare row
      const [read] = yield* disagreements.list(sup.auditor, { status: "withdrawn" })
      expect(read).toMatchObject({ id: dropped.id, decisionId: last!.id, status: "withdrawn", grounds: "The late request needed more evidence" })
      // And the ids integrators read in notifications say what the record is
      expect([kept.id, dropped.id]).toEqual([expect.stringMatching(/^dis_/), expect.stringMatching(/^dis_/)])
      // And acting on a disagreement that does not exist names what was not found
      const missing = yield* Effect.flip(disagreements.withdraw(sup.member, DisagreementId.make("dis_99"), "Not needed"))
      expect(missing).toMatchObject({ _tag: "NotFound", message: "No disagreement with id dis_99 was found." })
    }).pipe(Effect.provide(inMemoryCore(preset("support-panels"))))
  )
  it.effect("CPR-7: a dissent from one of the decision's recommended actions records that action in the decision's words", () =>
    Effect.gen(function* () {
      const disagreements = yield* Disagreements
      // Given the panel approved Alex Brook's request with its recommended actions
      const week = yield* heardWithMember
      const decision = week.decisions[0]!
      const [fgc] = decision.content.actions
      // When the member dissents from the Family Group Conference referral
      const recorded = yield* disagreements.recordDissent(sup.member, {
        ...dissent(decision.id, "A conference now would stall the placement"),
        dissentsFrom: { _tag: "RecommendedAction", actionId: fgc!.actionId }
      })
      // Then the dissent names that action as the decision words it
      expect(recorded.dissentsFrom).toEqual({
        _tag: "RecommendedAction",
        actionId: fgc!.actionId,
        action: "Refer the family to the Family Group Conference service"
      })
      // And an action the decision does not recommend is refused, saying how many it does
      const refused = yield* Effect.flip(
        disagreements.recordDissent(sup.member, {
          ...dissent(decision.id, "Wrong action"),
          dissentsFrom: { _tag: "RecommendedAction", actionId: ActionId.make("act_none") }
        })
      )
      expect(refused.message).toContain(`choose one of its ${decision.content.actions.length} recommended actions`)
    }).pipe(Effect.provide(inMemoryCore(preset("support-panels"))))
  )
  it.effect("SUP-8: an urgent agreement outside panel is refused a formal dissent, saying it was agreed outside panel", () =>
    Effect.gen(function* () {
      // Given the Head of Service agreed care proceedings for Morgan Vale outside panel (SUP-7)
      const policy = preset("support-panels")
      const week = yield* heardWithMember
      const urgent = yield* (yield* Referrals).createDraft(
        sup.socialWorker,
        exampleForm(week.sitting.panelId, "care_proceedings", { id: "child-u", name: "Morgan Vale" })
      )
      const agreed = yield* (yield* Decisions).recordOutsidePanel(sup.headOfService, urgent.id, {
        content: exampleDecision(policy, "care_proceedings", "approve", { actionsDue: addDays(week.sitting.date, 21), key: urgent.id }),
        whyOutsidePanel: "The child could not wait for the next sitting",
        timescales: "Agreed for two weeks, then reviewed"
      })
      // When a panel member tries to dissent from it
      const refused = yield* Effect.flip((yield* Disagreements).recordDissent(sup.member, dissent(agreed.id, "Proceedings are premature")))
      // Then they are told a formal dissent is from a decision made at a sitting, and nothing is recorded
      expect(refused).toMatchObject({ _tag: "NotAPanelDecision", ruleId: "SUP-8" })
      expect(refused.message).toContain(`Decision ${agreed.id} was agreed outside panel`)
      expect(yield* (yield* Disagreements).list(sup.auditor)).toEqual([])
    }).pipe(Effect.provide(inMemoryCore(preset("support-panels"))))
  )

  it.effect("KNO-2: a member present voices the dissent of the member away she represents; the chair's notice says who voiced it", () =>
    Effect.gen(function* () {
      const kno = staffOf("knowsley")
      const jo = actorAt("knowsley")("Jo Pellow", "panel_member")
      // Given Sam Jessop sent apologies and named Jo Pellow, present, to represent them at Knowsley's sitting
      const week = yield* playWeek(preset("knowsley"))
      const sittings = yield* Sittings
      const entry = (actor: Actor, seat: string) => ({ personId: actor.personId, name: actor.name, seat, membership: "standing" as const })
      yield* sittings.recordAttendance(kno.administrator, week.sitting.id, { ...entry(kno.member, "Youth Offending"), status: "apologies" })
      yield* sittings.recordAttendance(kno.administrator, week.sitting.id, { ...entry(jo, "Education"), status: "present", represents: [kno.member.personId] })
      // When Jo records Sam's dissent, on Sam's behalf
      const recorded = yield* (yield* Disagreements).recordDissent(jo, {
        ...dissent(week.decisions[0]!.id, "The family network was not asked first", jo),
        onBehalfOf: kno.member.personId
      })
      // Then the dissent is Sam's, voiced by Jo, citing Knowsley's KNO-2
      expect(recorded).toMatchObject({ member: { name: "Sam Jessop" }, attendance: "represented", onBehalf: { voicedBy: { name: "Jo Pellow" }, voicedBySeat: "Education", ruleId: "KNO-2" } })
      const pending = yield* (yield* Outbox).due("email", "2100-01-01T00:00:00.000Z", 1_000)
      const notice = pending.find((one) => one.notification.kind === "disagreement.dissent_recorded")!
      expect(notice.notification.body[0]).toMatch(/^Sam Jessop \(voiced by Jo Pellow, Education, representing them, KNO-2\) formally dissents from panel decision/)
    }).pipe(Effect.provide(inMemoryCore(preset("knowsley"))))
  )
})
