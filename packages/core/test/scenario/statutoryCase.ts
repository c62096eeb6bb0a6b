import { DateTime, Effect, TestClock } from "effect"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import type { AuthorityPolicy } from "../../src/policy/AuthorityPolicy.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { ChildId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { connectedPlacement } from "../../src/testing/connectedPlacement.js"

/**
 * Police protection (STAT-S46) for a fictional child placed with her grandmother an hour later, ended the next morning
 * by s20 accommodation with her mother's consent (STAT-S20-CONSENT): the placement and the child's record after it.
 */
export const playPoliceProtectionThenS20 = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const [placements, childRecords] = yield* Effect.all([Placements, ChildRecords])
    const childId = ChildId.make("child-pp")
    const basic = yield* placements.recordBasicTest(staff.socialWorker, childId, {
      wouldRefuseToSupportReturnHome: false,
      wouldAskPoliceToUsePoliceProtection: true,
      wouldSeekLegalAdviceToStartCareProceedings: false
    })
    yield* placements.recordPolicePowers(staff.socialWorker, basic.id, true)
    yield* TestClock.adjust("1 hour")
    const placedAt = yield* DateTime.now
    yield* placements.recordPlacementMade(staff.socialWorker, basic.id, placedAt, [{ name: "Maud Ellery", relationship: "grandmother", hasParentalResponsibility: false }])
    yield* TestClock.adjust("16 hours")
    const consentedAt = yield* DateTime.now
    yield* placements.recordS20Accommodation(staff.socialWorker, basic.id, {
      consents: [{ name: "Freya Ellery", relationship: "mother", consentGivenAt: consentedAt, consentGivenTo: "the social worker", toldOfRightToObjectAndRemove: true }],
      childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her nan until her mum is well" }
    })
    const placement = yield* placements.recordPoliceProtectionOutcome(staff.socialWorker, basic.id, "accommodated_s20", consentedAt)
    const record = yield* childRecords.get(staff.socialWorker, childId)
    return { placedAt, consentedAt, placement, record }
  })

/**
 * A Regulation 24 placement made now (STAT-R24): the child is looked after from it; their first looked-after review
 * (STAT-R33) is held 15 days later, chaired by the IRO. The child's review clocks before and after it.
 */
export const playRegulation24FirstReview = (policy: AuthorityPolicy) =>
  Effect.gen(function* () {
    const staff = staffOf(policy.authority.id)
    const [childRecords, deadlines] = yield* Effect.all([ChildRecords, Deadlines])
    const childId = "child-rv"
    const placement = yield* connectedPlacement(staff, childId)
    const reviewClocks = deadlines
      .forAuthority(staff.administrator, { includeMet: true })
      .pipe(Effect.map((all) => all.filter((deadline) => deadline.about.id === childId && deadline.ruleId === "STAT-R33")))
    const beforeReview = yield* reviewClocks
    // STAT-R28 visits to this placement (weekly until this first review) are played here once visits are recorded (visits10).
    yield* TestClock.adjust("15 days")
    const reviewedAt = yield* DateTime.now
    const record = yield* childRecords.recordLookedAfterReview(staff.socialWorker, ChildId.make(childId), reviewedAt, "Nadia Quarrie")
    const afterReview = yield* reviewClocks
    return { placement, beforeReview, reviewedAt, record, afterReview }
  })
