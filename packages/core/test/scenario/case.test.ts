import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { formatDate } from "../../src/calendar/format.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { playCase } from "./playCase.js"
import { playPoliceProtectionThenS20, playRegulation24FirstReview } from "./statutoryCase.js"

describe("a case per preset: draft to decision to actions met, with a deferral, a disagreement, agreements outside panel (LIN-12), a Regulation 24 placement, police protection, s20 with consent and a first looked-after review", () => {
  it.effect.each(presetSlugs)("%s", (slug) =>
    Effect.gen(function* () {
      const policy = preset(slug)
      const result = yield* playCase(policy)
      // CPR-7 and the policy's route: dissent noted, escalated to the Assistant Director, outcome recorded in time.
      expect(result.resolved).toMatchObject({ status: "outcome_recorded", outcome: { outcome: "upheld" } })
      expect(result.resolved.escalations.at(-1)!.step).toBe("assistant_director")
      // CPR-8: the deferred request was heard again at the next sitting, from an agenda built from what was due.
      const deferredId = result.first.decisions[1]!.subject.referralId
      expect(result.agenda.agenda.filter((item) => item.referralId === deferredId).map((item) => [item.kind, item.summary.split(":")[0]])).toEqual([
        ["request", `Request deferred from the sitting on ${formatDate(result.first.sitting.date)}`]
      ])
      expect(result.secondDecision).toMatchObject({ status: "final", content: { outcome: "approve" } })
      // SUP-7, NSO-10, LIN-11, KNO-5: agreed outside panel by the roles the policy names; presented later only where it asks.
      expect(result.outside.status).toBe("final")
      const retrospective = result.thirdAgenda.filter((entry) => entry.kind === "retrospective")
      expect(retrospective.length).toBe(policy.outsidePanel.retrospectivePresentation ? 1 : 0)
      // Nothing overdue but the abandoned draft from the first week; the first decision's actions are all met.
      const overdue = result.openBeforePlacement.filter((deadline) => deadline.state === "overdue")
      expect(overdue.map((deadline) => deadline.about.id)).toEqual([result.first.draft.id])
      const firstActions = result.first.decisions[0]!.content.actions.map((action) => action.actionId as string)
      expect(result.openBeforePlacement.filter((deadline) => firstActions.includes(deadline.about.id))).toEqual([])
      // LIN-12: the four 48-hour tasks, each met in time, where the policy has them.
      expect(result.s20Tasks.map((deadline) => [deadline.ruleId, deadline.state, deadline.metLate])).toEqual(
        policy.outsidePanel.s20Tasks === undefined ? [] : Array.from({ length: 4 }, () => ["LIN-12", "met", false])
      )
      // STAT-R24: just after its warning falls due, the expiry is still pending; an hour before it, it is due soon.
      const { placement } = result
      const approvalClocks = (deadlines: typeof placement.warned) =>
        deadlines.filter((deadline) => ["STAT-R24", "DEF-R24-EXPIRY-WARNING"].includes(deadline.ruleId)).map((deadline) => [deadline.title.includes(" ends in ") ? "warning" : "expiry", deadline.state]).sort()
      expect(approvalClocks(placement.warned)).toEqual([["expiry", "pending"], ["warning", "overdue"]])
      expect(approvalClocks(placement.nearExpiry)).toEqual([["expiry", "due_soon"], ["warning", "overdue"]])
      // STAT-R25-1: extended once just before expiry, to 24 weeks; a second extension is refused.
      expect(placement.extended.approval?.extension?.weeks).toBe(8)
      expect(placement.again).toMatchObject({ _tag: "AlreadyExtended", ruleId: "STAT-R25-1" })
      expect(placement.pastSixteenWeeks.filter((deadline) => deadline.state === "overdue")).toEqual([])
      expect(placement.pastSixteenWeeks.some((deadline) => deadline.ruleId === "STAT-R25-1")).toBe(true)
      // STAT-R9, STAT-R28: the plan the next day; visits weekly until the first review, then 4-weekly; all in time, the next one open.
      expect(placement.visited.firstReview).toBeDefined()
      expect(placement.visited.visits!.length).toBeGreaterThan(6)
      expect(placement.visitClocks.filter((deadline) => deadline.state !== "met").map((deadline) => [deadline.ruleId, deadline.state])).toEqual([["STAT-R28", "pending"]])
      expect(placement.visitClocks.every((deadline) => deadline.metLate !== true)).toBe(true)
      expect(placement.visitClocks.filter((deadline) => deadline.explanation.includes("4 weeks after the visit")).length).toBeGreaterThan(0)
      expect(placement.ended.status).toBe("ended")
      expect(placement.afterEnding).toEqual([])

      // STAT-S46, STAT-S20-CONSENT: placed under police protection, the child is looked after (L1) from the placement;
      // s20 with the mother's consent ends police protection and changes the legal status to V2 without restarting the count.
      const police = yield* playPoliceProtectionThenS20(policy)
      expect(police.placement).toMatchObject({ policeProtectionEnded: { outcome: "accommodated_s20", endedAt: police.consentedAt } })
      expect(police.record.lookedAfter).toMatchObject([{ route: "police_protection_accommodation", from: police.placedAt }])
      expect(police.record.legalStatuses.map((status) => status.code)).toEqual(["L1", "V2"])

      // STAT-R24, STAT-R33: a Regulation 24 placement makes the child looked after from it; the first review, held in
      // time, meets its clock and the second is due 3 months later.
      const review = yield* playRegulation24FirstReview(policy)
      expect(review.beforeReview.map((deadline) => [deadline.id, deadline.state])).toEqual([["child-rv:r33:la-1:1", "pending"]])
      expect(review.afterReview.map((deadline) => [deadline.id, deadline.state, deadline.metLate ?? false])).toEqual([
        ["child-rv:r33:la-1:1", "met", false],
        ["child-rv:r33:la-1:2", "pending", false]
      ])
      expect(review.record.lookedAfter[0]).toMatchObject({ route: "regulation24_placement", from: review.placement.placement!.placedAt })
    }).pipe(Effect.provide(inMemoryCore(preset(slug))))
  )
})
