import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { s20AgreedOutside, proposedAt, sittingOn } from "../agenda/fixtures.js"

const nso = "north-somerset" as const

describe("the retrospective presentation of an agreement outside panel still waiting for the Assistant Director", () => {
  // The agenda offers the presentation once the decision is final, so its clock runs from the last agreement.
  it("NSO-10: no retrospective clock while it waits; once agreed, it is due at, and offered to, the first sitting after the agreement", () => {
    const sittings = ["2027-06-09", "2027-06-16"].map((date) => sittingOn(nso, date))
    const waiting = s20AgreedOutside(nso, "ref_n", london("2027-06-07", "19:00"), "headOfService")
    expect(waiting.status).toBe("awaiting_agreement")
    // The administrator is offered it at no sitting...
    expect(proposedAt(nso, "ref_n", { decisions: [waiting], sittings }, "retrospective")).toEqual([])
    // ...and on Thu 10 Jun no clock is running for it.
    const clocks = deadlinesOf({ referrals: [], sittings, decisions: [waiting] }, contextOf(nso), { now: london("2027-06-10", "09:00"), dueSoonHours: 48 })
    const retrospective = clocks.find((deadline) => deadline.id === `${waiting.id}:retrospective`)
    expect(retrospective === undefined ? "no clock" : `${retrospective.state}: ${retrospective.explanation}`).toBe("no clock")
    // The Assistant Director agrees at noon on Thu 10 Jun: presented at the sitting of Wed 16 Jun, the first after.
    const agreed = s20AgreedOutside(nso, "ref_n", london("2027-06-07", "19:00"), "headOfService", { alsoAgreed: ["assistantDirector"], agreedAt: london("2027-06-10", "12:00") })
    expect(agreed.status).toBe("final")
    expect(proposedAt(nso, "ref_n", { decisions: [agreed], sittings }, "retrospective")).toEqual(["sit_2027-06-16"])
    const due = deadlinesOf({ referrals: [], sittings, decisions: [agreed] }, contextOf(nso), { now: london("2027-06-10", "13:00"), dueSoonHours: 48 }).find(
      (deadline) => deadline.id === `${agreed.id}:retrospective`
    )!
    expect(due.explanation).toBe("due 13:30 Wed 16 Jun 2027 - NSO-10: the first sitting after the agreement outside panel at 12:00 Thu 10 Jun 2027")
  })
})
