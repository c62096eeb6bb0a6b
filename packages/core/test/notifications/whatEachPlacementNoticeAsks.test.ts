import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { basicTest, carers, cmd, placedAt } from "../regulation24/fixtures.js"
import { placementWith, robinsCase, } from "./fixtures.js"

const place = cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })

describe("what each placement notice asks of its reader, in its headline", () => {
  it("LIN-14: a basic test that says Regulation 24 asks the Assistant Director to consent to looked-after status", () => {
    const notify = placementWith(robinsCase)
    expect(notify(basicTest()).map((n) => [n.kind, n.headline, n.body])).toEqual([
      [
        "placement.looked_after_consent_needed",
        "Regulation 24: consent to looked-after status for child child-1 (LIN-14)",
        ["The basic test for child child-1 says Regulation 24: the child becomes looked after with the Assistant Director's consent (LIN-14)."]
      ]
    ])
  })

  it("LIN-15, STAT-S46: police protection says what must happen within its 72 hours, and that placing the child does not end it", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    const sent = notify(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-26", "08:00") }, london("2027-03-26", "09:00")))
    expect(sent[0]?.body[1]).toBe(
      "By then the child is returned home, accommodated under s20 with the recorded consent of a person with parental responsibility, or an emergency protection order or interim care order is obtained (STAT-S46). Placing the child with carers does not end police protection. Act immediately (LIN-15)."
    )
  })

  it("LIN-16, LIN-18: the caseholders are told the placement's clocks started, and once authorised to refer to the kinship team", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    expect(notify(place).map((n) => [n.kind, n.headline])).toContainEqual([
      "placement.clocks_started",
      "Regulation 24 placement of child child-1: clocks started"
    ])
    notify(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-26", "18:00")))
    const authorised = notify(cmd("serviceManager", { _tag: "AuthorisePlacement" }, london("2027-03-27", "09:00")))
    expect(authorised.map((n) => [n.kind, n.headline])[0]).toEqual([
      "placement.authorised",
      "Regulation 24 placement of child child-1 is authorised: refer to the kinship team (LIN-18)"
    ])
  })

  it("LIN-16: without the case, the social worker who recorded the placement is told as its social worker", () => {
    const notify = placementWith(null)
    notify(basicTest())
    const started = notify(place).filter((n) => n.kind === "placement.clocks_started")
    expect(started.map((n) => n.id)).toEqual(["plc_1:placed:social_worker", "plc_1:placed:team_manager"])
  })
})
