import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { s20AgreedOutside, decidedAt, propose, proposedAt, sittingOn } from "../agenda/fixtures.js"

const lin = "lincolnshire" as const

describe("an agreement outside panel that is still waiting for an agreement", () => {
  // A decision outside panel is a hearing of its request only once everyone needed has agreed it (`isAHearing`): until
  // then it meets no return or review of an earlier decision and starts none of its own.
  it("LIN-7, LIN-11: a case asked back within 4 weeks is still owed back to panel while the s20 agreement outside panel waits for the Assistant Director", () => {
    const sittings = ["2027-06-02", "2027-06-09", "2027-06-16", "2027-06-23", "2027-06-30", "2027-07-07"].map((date) => sittingOn(lin, date))
    // Declined at the sitting of 2 Jun, asked back within 4 weeks (LIN-7)
    const declined = decidedAt(lin, sittings[0]!, "ref_b", { outcome: "decline", agreed: {}, returnToPanel: { withinWeeks: 4, ruleId: "LIN-7" } })
    expect(proposedAt(lin, "ref_b", { decisions: [declined], sittings }, "review")).toEqual(["sit_2027-06-30"])
    // On 10 Jun the team manager records accommodation agreed outside panel; the Assistant Director has not agreed (LIN-11)
    const pending = s20AgreedOutside(lin, "ref_b", london("2027-06-10", "19:00"), "teamManager")
    expect(pending.status).toBe("awaiting_agreement")
    const decisions = [declined, pending]
    const back = deadlinesOf({ referrals: [], sittings, decisions }, contextOf(lin), { now: london("2027-07-01", "09:00"), dueSoonHours: 48 }).find(
      (deadline) => deadline.id === `${declined.id}:return`
    )!
    // The case has not been back to panel: the return is still owed and the administrator is still offered it on 30 Jun
    const offered = propose(lin, sittings[4]!, { decisions, sittings }).map((entry) => entry.summary)
    expect({ back: back.state, offered }).toEqual({ back: "overdue", offered: ["Review (LIN-7) of accommodation under section 20"] })
    // Once the Assistant Director agrees (11 Jun), that agreement is the request heard again: the return is met then.
    const agreed = s20AgreedOutside(lin, "ref_b", london("2027-06-10", "19:00"), "teamManager", { alsoAgreed: ["assistantDirector"], agreedAt: london("2027-06-11", "10:00") })
    expect(agreed.status).toBe("final")
    const met = deadlinesOf({ referrals: [], sittings, decisions: [declined, agreed] }, contextOf(lin), { now: london("2027-07-01", "09:00"), dueSoonHours: 48 }).find(
      (deadline) => deadline.id === `${declined.id}:return`
    )!
    expect({ state: met.state, metAt: met.metAt }).toEqual({ state: "met", metAt: london("2027-06-11", "10:00") })
  })

  it("LIN-11, LIN-5: accommodation recorded outside panel but not yet agreed by the Assistant Director is offered for no review", () => {
    const sittings = ["2027-06-16", "2027-06-23", "2027-06-30", "2027-07-07", "2027-07-14"].map((date) => sittingOn(lin, date))
    const pending = s20AgreedOutside(lin, "ref_q", london("2027-06-10", "19:00"), "teamManager", { weeks: 4 })
    expect(pending.status).toBe("awaiting_agreement")
    expect(proposedAt(lin, "ref_q", { decisions: [pending], sittings }, "review")).toEqual([])
  })
})
