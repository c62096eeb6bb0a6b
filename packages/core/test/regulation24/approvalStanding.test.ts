import { describe, expect, it } from "@effect/vitest"
import { approvalActiveAt, approvalStandingAt } from "../../src/regulation24/Placement.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { london } from "../fixtures.js"
import { allNo, basicTest, cmd, identified, lincolnshire, placed, playOn, readyToExtend } from "./fixtures.js"

// What a person reading the placement is told about the carers' temporary approval (STAT-R24, STAT-R25-1, STAT-R25-2,
// STAT-R25-4): the standing the placement page shows, at each point of the placement's life.

const standing = (history: ReadonlyArray<PlacementEvent>, at: ReturnType<typeof london>) => approvalStandingAt(fold(placementDecider, history)!, at)
const active = (history: ReadonlyArray<PlacementEvent>, at: ReturnType<typeof london>) => approvalActiveAt(fold(placementDecider, history)!, at)

/** Extended by 8 weeks on 1 July 2027: the approval now ends at 10:00 on Friday 10 September 2027. */
const extended = () => playOn(readyToExtend(), cmd("headOfService", { _tag: "ExtendApproval", weeks: 8 }, london("2027-07-01", "09:00")))
/** Extended on 12 July 2027 until an independent review's outcome is known. */
const pendingReview = () =>
  playOn(readyToExtend(), cmd("assistantDirector", { _tag: "ExtendPendingReview", facts: { fullAssessmentRefused: true, independentReviewSought: true } }, london("2027-07-12", "09:00")))

describe("the carers' approval as the placement shows it", () => {
  it("STAT-R24: before the child is placed, and when the basic test said no, there is no approval to show", () => {
    expect(standing(identified(), london("2027-03-27", "09:00"))).toBe("not_placed")
    expect(standing(lincolnshire.play([basicTest(allNo)]), london("2027-03-27", "09:00"))).toBe("not_placed")
    expect(active(identified(), london("2027-03-27", "09:00"))).toBe(false)
  })

  it("STAT-R24: the carers are not approved at an instant before the child was placed with them", () => {
    expect(active(placed(), london("2027-03-26", "09:59"))).toBe(false)
    expect(active(placed(), london("2027-03-26", "10:00"))).toBe(true)
  })

  it("STAT-R25-1: once extended, the placement shows as extended until the new expiry, then as expired", () => {
    expect(standing(extended(), london("2027-07-20", "09:00"))).toBe("extended")
    expect(standing(extended(), london("2027-09-10", "09:59"))).toBe("extended")
    expect(standing(extended(), london("2027-09-10", "10:00"))).toBe("expired")
  })

  it("STAT-R25-2: extended until the review's outcome, it shows as pending the review, however long after the 16 weeks", () => {
    expect(standing(pendingReview(), london("2027-07-12", "09:00"))).toBe("pending_review")
    expect(standing(pendingReview(), london("2027-12-01", "09:00"))).toBe("pending_review")
  })

  it("once the placement has ended, the carers are no longer approved for it, even within the 16 weeks", () => {
    const ended = playOn(placed(), cmd("socialWorker", { _tag: "EndPlacement", reason: "child_returned_home" }, london("2027-04-02", "09:00")))
    expect(standing(ended, london("2027-04-03", "09:00"))).toBe("ended")
    expect(active(ended, london("2027-04-03", "09:00"))).toBe(false)
  })
})
