import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { DecisionId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { as, contextOf, london } from "../fixtures.js"
import { decidedAt, factsOf, heard, proposedAt, request, sittingOn } from "../agenda/fixtures.js"

const sup = "support-panels" as const
const staff = staffOf(sup)

describe("a deferral that set a return date, then the request withdrawn", () => {
  // A deferral comes back at the next sitting by itself (CPR-8), and a deferred request is ready, so it may be
  // withdrawn: a return date on a deferral starts no clock that would then stay running with no way to meet it.
  it("CPR-8: once the deferred request is withdrawn, no return clock of its deferral is left running", () => {
    const sittings = ["2027-06-08", "2027-06-22", "2027-07-06", "2027-07-20"].map((date) => sittingOn(sup, date))
    const deferral = { outcome: "defer" as const, agreed: {}, actions: [], returnToPanel: { withinWeeks: 4, ruleId: "DEF-RECORD-TIMESCALES" as const } }
    const decision = decidedAt(sup, sittings[0]!, "ref_d", deferral)
    const withdrawn = request(sup, "ref_d", {
      steps: [
        { who: "administrator", command: { _tag: "AcceptOntoSitting", sitting: factsOf(sittings[0]!) } },
        heard(sittings[0]!, "defer", decision.id),
        { who: "socialWorker", at: london("2027-06-10", "09:00"), command: { _tag: "Withdraw", reason: "The family moved out of the area" } }
      ]
    })
    expect(withdrawn.status).toBe("withdrawn")
    // Nothing brings it back: no sitting is offered it, and no decision can be recorded on it (nor, outside LIN-7, a waiver)
    expect(proposedAt(sup, "ref_d", { referrals: [withdrawn], decisions: [decision], sittings })).toEqual([])
    const hearing = Effect.runSync(
      Effect.flip(
        referralDecider.decide(
          { _tag: "RecordHearing", decisionId: DecisionId.make("dec_later"), sittingId: sittings[2]!.id, outcome: "approve", by: as(staff.administrator), at: sittings[2]!.endsAt },
          withdrawn,
          contextOf(sup)
        )
      )
    )
    expect(hearing.message).toBe("You cannot record a decision on this request: this request has been withdrawn.")
    const running = deadlinesOf({ referrals: [withdrawn], sittings, decisions: [decision] }, contextOf(sup), { now: london("2027-07-12", "09:00"), dueSoonHours: 48 })
      .filter((deadline) => deadline.state !== "met")
      .map((deadline) => `${deadline.id} ${deadline.state}`)
    expect(running).toEqual([])
  })
})
