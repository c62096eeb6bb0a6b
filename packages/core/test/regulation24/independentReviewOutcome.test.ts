import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { approvalStandingAt } from "../../src/regulation24/Placement.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { placementCollection } from "../../src/regulation24/placementAggregate.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { fold } from "../../src/shared/decider.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { contextOf, london } from "../fixtures.js"
import { carers, childId, cmd, lincolnshire, placed, placementsCore, playOn, readyToExtend, setTime, staff, yesToRefuse } from "./fixtures.js"

// The full assessment refused, the carers asked for an independent review, and the approval runs on until its outcome.
const pendingReview = () => playOn(readyToExtend(), cmd("assistantDirector", { _tag: "ExtendPendingReview", facts: { fullAssessmentRefused: true, independentReviewSought: true } }, london("2027-07-12", "09:00")))
const outcome = (carersApproved: boolean, when = london("2027-09-20", "14:00"), knownAt?: ReturnType<typeof london>) =>
  cmd("socialWorker", { _tag: "RecordIndependentReviewOutcome", carersApproved, ...(knownAt === undefined ? {} : { knownAt }) }, when)
const clockAt = (history: ReadonlyArray<PlacementEvent>, id: string, now: ReturnType<typeof london>) =>
  deadlinesOf({ referrals: [], sittings: [], placements: [fold(placementDecider, history)!] }, contextOf("lincolnshire"), { now, dueSoonHours: 48 }).find(
    (deadline) => deadline.id === `plc_1:${id}`
  )
const endMoved = (when: ReturnType<typeof london>) => cmd("socialWorker", { _tag: "EndPlacement", reason: "approval_expired_child_moved" }, when)

describe("an independent review's outcome (STAT-R25-2, STAT-R25-4)", () => {
  it("STAT-R25-2: while the review runs the approval has no end and no clock asks for a move", () => {
    const history = pendingReview()
    expect(approvalStandingAt(fold(placementDecider, history)!, london("2027-12-01", "09:00"))).toBe("pending_review")
    expect(clockAt(history, "alternative-arrangement", london("2027-12-01", "09:00"))).toBeUndefined()
  })

  it("STAT-R25-2, STAT-R25-4: an outcome that leaves the carers unapproved ends the approval when it became known, and the alternative-arrangement clock is overdue from then", () => {
    const history = playOn(pendingReview(), outcome(false, london("2027-09-21", "10:00"), london("2027-09-20", "14:00")))
    expect(history.at(-1)).toMatchObject({ _tag: "IndependentReviewOutcomeRecorded", carersApproved: false, knownAt: london("2027-09-20", "14:00") })
    const placement = fold(placementDecider, history)!
    expect(placement.status).toBe("placed")
    expect(approvalStandingAt(placement, london("2027-09-21", "10:00"))).toBe("expired")
    expect(clockAt(history, "alternative-arrangement", london("2027-09-21", "10:00"))).toMatchObject({
      ruleId: "STAT-R25-4",
      state: "overdue",
      explanation:
        "due 14:00 Mon 20 Sep 2027 - STAT-R25-4: when the independent review's outcome, known at 14:00 Mon 20 Sep 2027, left the carers unapproved: the temporary approval ended then"
    })
  })

  it("STAT-R25-4: once the review has left the carers unapproved the child's move ends the placement as the approval expired, and the clock stops", () => {
    expect(lincolnshire.given(pendingReview()).when(endMoved(london("2027-09-22", "09:00"))).refusal()._tag).toBe("EndReasonNotApplicable")
    const refused = playOn(pendingReview(), outcome(false))
    const ended = playOn(refused, endMoved(london("2027-09-22", "09:00")))
    expect(ended.at(-1)).toMatchObject({ _tag: "PlacementEnded", reason: "approval_expired_child_moved" })
    expect(clockAt(ended, "alternative-arrangement", london("2027-09-23", "09:00"))).toBeUndefined()
  })

  it("STAT-R25-2: carers approved after the review, recorded later, end the Regulation 24 placement when the approval was known", () => {
    const known = london("2027-09-17", "16:00")
    const history = playOn(pendingReview(), outcome(true, london("2027-09-20", "14:00"), known))
    expect(history.at(-1)).toMatchObject({ _tag: "PlacementEnded", reason: "approved_as_foster_carer", endedAt: known })
    expect(approvalStandingAt(fold(placementDecider, history)!, london("2027-09-18", "09:00"))).toBe("ended")
  })

  it("STAT-R25-2: carers approved after the review end the Regulation 24 placement as approved foster carers", () => {
    const history = playOn(pendingReview(), outcome(true))
    expect(history.slice(-2)).toMatchObject([
      { _tag: "IndependentReviewOutcomeRecorded", carersApproved: true },
      { _tag: "PlacementEnded", reason: "approved_as_foster_carer" }
    ])
    const placement = fold(placementDecider, history)!
    expect(approvalStandingAt(placement, london("2027-09-21", "09:00"))).toBe("ended")
    expect(clockAt(history, "alternative-arrangement", london("2027-09-21", "09:00"))).toBeUndefined()
  })

  it("STAT-R25-2: refuses an outcome where no review was pending, a second outcome, and an outcome known before the extension or still to come", () => {
    expect(lincolnshire.given(placed()).when(outcome(false)).refusal()).toMatchObject({
      _tag: "NoReviewPending",
      ruleId: "STAT-R25-2",
      message: "The temporary approval was not extended until an independent review's outcome (STAT-R25-2), so there is no review outcome to record."
    })
    expect(lincolnshire.given(playOn(pendingReview(), outcome(false))).when(outcome(true, london("2027-09-22", "09:00"))).refusal()).toMatchObject({
      _tag: "NoReviewPending",
      message: "The independent review's outcome was already recorded at 14:00 Mon 20 Sep 2027."
    })
    expect(lincolnshire.given(pendingReview()).when(outcome(false, london("2027-09-20", "14:00"), london("2027-07-01", "09:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The approval was extended pending the review at 09:00 Mon 12 Jul 2027; its outcome cannot have been known before, at 09:00 Thu 1 Jul 2027."
    })
    expect(lincolnshire.given(pendingReview()).when(outcome(false, london("2027-09-20", "14:00"), london("2027-09-21", "09:00"))).refusal()._tag).toBe("NotYetHappened")
  })

  it("STAT-R25-4: after the review left the carers unapproved nothing extends the approval again, and the refusal names when it ended", () => {
    const refused = playOn(pendingReview(), outcome(false))
    for (const extension of [
      cmd("assistantDirector", { _tag: "ExtendPendingReview", facts: { fullAssessmentRefused: true, independentReviewSought: true } }, london("2027-09-22", "09:00")),
      cmd("headOfService", { _tag: "ExtendApproval", weeks: 4 }, london("2027-09-22", "09:00"))
    ]) {
      expect(lincolnshire.given(refused).when(extension).refusal()).toMatchObject({
        _tag: "ApprovalExpired",
        ruleId: "STAT-R25-4",
        message: "The temporary approval expired at 14:00 Mon 20 Sep 2027 and cannot be extended now. The placement must end once other accommodation is arranged (STAT-R25-4)."
      })
    }
  })

  it.effect("STAT-R25-2: through the use cases, a social worker records the outcome and the placement read model shows the approval ending that day", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      yield* setTime(london("2027-03-26", "10:00"))
      const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
      yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
      yield* setTime(london("2027-07-12", "09:00"))
      yield* placements.recordPlacementReconsidered(staff.socialWorker, id, true, "Settled with her aunt; the review may yet approve her")
      yield* placements.recordFosteringPanelViewsSought(staff.socialWorker, id)
      yield* placements.recordIroInformed(staff.socialWorker, id, "Nadia Quarrie")
      yield* placements.extendPendingReview(staff.assistantDirector, id, { fullAssessmentRefused: true, independentReviewSought: true })
      expect(yield* Effect.flip(placements.recordIndependentReviewOutcome(staff.member, id, false))).toMatchObject({ _tag: "NotPermitted" })

      yield* setTime(london("2027-09-20", "16:00"))
      const after = yield* placements.recordIndependentReviewOutcome(staff.socialWorker, id, false, london("2027-09-20", "14:00"))
      expect(after.approval?.pendingReview?.outcome).toMatchObject({ carersApproved: false, knownAt: london("2027-09-20", "14:00"), by: { role: "social_worker" } })
      const row = yield* Effect.flatMap(ReadModels, (models) => models.get(placementCollection, AuthorityId.make("lincolnshire"), id))
      expect(row?.index).toMatchObject({ status: "placed", expiresOn: "2027-09-20", pendingReview: true })
    }).pipe(Effect.provide(placementsCore(preset("lincolnshire"))))
  )
})
