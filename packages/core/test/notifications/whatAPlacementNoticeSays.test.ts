import { describe, expect, it } from "@effect/vitest"
import { placementNotifications } from "../../src/notifications/placementNotifications.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { contextOf, london } from "../fixtures.js"
import { basicTest, carers, cmd, extensionSteps, mother, placedAt } from "../regulation24/fixtures.js"
import { placementWith, robinsCase, who, story } from "./fixtures.js"

const place = cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })
const carersLine = "Placed at 10:00 Fri 26 Mar 2027 with connected-person carers: maternal aunt (parental responsibility), aunt's husband."
const placedFacts = {
  placementId: "plc_1",
  childId: "child-1",
  status: "placed",
  urgent: false,
  placedAt: "2027-03-26T10:00:00.000Z",
  approvalExpiresAt: "2027-07-16T09:00:00.000Z"
}

/** Robin placed with her aunt and accommodated under s20 on her mother's consent: what is notified next. */
const accommodatedUnderS20 = () => {
  const notify = placementWith(robinsCase)
  notify(basicTest())
  notify(place)
  notify(
    cmd("socialWorker", {
      _tag: "RecordS20Accommodation",
      record: { consents: [mother], childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her aunt" } }
    })
  )
  return notify
}

describe("what a placement's notice says", () => {
  it("a notice's facts give the placement's status, whether it is urgent, and once placed when and until when it is approved", () => {
    const notify = placementWith(robinsCase)
    expect(notify(basicTest())[0]?.facts).toEqual({ placementId: "plc_1", childId: "child-1", status: "identified", urgent: false })
    expect(notify(place)[0]?.facts).toEqual(placedFacts)
  })

  it("LIN-15, LIN-16, LIN-17, STAT-S46: police protection tells everyone the viability assessment is due within 24 hours of the placement and the service manager authorises it", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    const sent = notify(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-26", "08:00") }, london("2027-03-26", "09:00")))
    expect(sent[0]?.body[2]).toBe(
      "For a connected-person placement: the viability assessment before or within 24 hours of it (LIN-16), and the locality service manager's authorisation (LIN-17)."
    )
    expect(sent[0]?.facts).toMatchObject({ status: "identified", urgent: true })
  })

  it("DEF-R24-PROCEDURE, STAT-S46: where the authority sets no viability clock, police protection asks for the viability assessment without an hour limit", () => {
    const step = story(placementDecider, contextOf("knowsley"))
    const notify = (command: PlacementCommand) => {
      const { events, state } = step(command)
      return placementNotifications(events, state, { ...contextOf("knowsley"), case: robinsCase })
    }
    notify(basicTest())
    const sent = notify(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-26", "08:00") }, london("2027-03-26", "09:00")))
    expect(sent[0]?.body[2]).toBe(
      "For a connected-person placement: the viability assessment (DEF-R24-PROCEDURE, Carepanel default, not in the terms of reference; set by the authority's policy), " +
        "and the locality service manager's authorisation (DEF-R24-PROCEDURE, Carepanel default, not in the terms of reference; set by the authority's policy)."
    )
  })

  it("LIN-16, LIN-18: a viability assessment written up before the placement is not among the clocks the placement starts", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    notify(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-26", "09:00")))
    const [, started] = notify(place)
    expect(started?.kind).toBe("placement.clocks_started")
    expect(started?.body.join("\n")).not.toContain("Viability assessment written up")
    expect(started?.actBy).toMatchObject({ ruleId: "LIN-18", due: "2027-03-28T10:00:00.000Z" })
  })

  it("LIN-16, LIN-17: a viability assessment recorded late says so to the service manager, with the carers", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    notify(place)
    const viability = notify(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-28", "18:00")))
    expect(viability.map((n) => [n.headline, n.body])).toEqual([
      [
        "Viability assessment for child child-1 is ready: authorise the placement (LIN-17)",
        ["The viability assessment was recorded at 18:00 Sun 28 Mar 2027, late (LIN-16).", carersLine]
      ]
    ])
  })

  it("LIN-17: a viability assessment in on time, before the child is placed, says neither late nor placed", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    const viability = notify(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-26", "11:00")))
    expect(viability.map((n) => [n.id, n.body, n.actBy])).toEqual([
      ["plc_1:viability-recorded:service_manager", ["The viability assessment was recorded at 11:00 Fri 26 Mar 2027."], undefined]
    ])
  })

  it("LIN-17, LIN-18: the caseholders read who authorised the placement and what goes to the kinship team", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    notify(place)
    notify(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-26", "18:00")))
    const authorised = notify(cmd("serviceManager", { _tag: "AuthorisePlacement" }, london("2027-03-27", "09:00")))
    expect(authorised[0]?.body).toEqual([
      "Authorised by Owen Ellery (LIN-17). Send the viability assessment and the carers' signed BACS form to the kinship team (LIN-18)."
    ])
  })

  it("LIN-16: without the case, a step the service manager records goes to the team manager role only, not to the service manager as social worker", () => {
    const notify = placementWith(null)
    notify(basicTest())
    notify(place)
    notify(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-26", "18:00")))
    const authorised = notify(cmd("serviceManager", { _tag: "AuthorisePlacement" }, london("2027-03-27", "09:00")))
    expect(who(authorised).map((n) => n.to)).toEqual(["role:team_manager"])
  })

  it("STAT-S20-CONSENT: consent withdrawn says when, that the s20 basis has ended, and what to do today, with no clock", () => {
    const notify = accommodatedUnderS20()
    const withdrawn = notify(cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow (mother)" }, london("2027-03-29", "18:00")))
    expect(withdrawn.map((n) => n.id)).toEqual([
      "plc_1:s20-consent-withdrawn:social_worker",
      "plc_1:s20-consent-withdrawn:team_manager",
      "plc_1:s20-consent-withdrawn:head_of_service",
      "plc_1:s20-consent-withdrawn:service_manager"
    ])
    expect(withdrawn[0]).toMatchObject({
      kind: "placement.s20_consent_withdrawn",
      body: [
        "Consent to s20 accommodation was withdrawn at 18:00 Mon 29 Mar 2027: the s20 basis has ended (STAT-S20-CONSENT).",
        "Return the child, agree accommodation afresh, or seek legal advice on an order today."
      ],
      facts: { ...placedFacts, urgent: true }
    })
    expect(withdrawn[0]?.actBy).toBeUndefined()
  })

  it("STAT-S20-CONSENT: consent withdrawn on Friday evening and recorded on Monday says when it was withdrawn, and when recorded", () => {
    const notify = accommodatedUnderS20()
    const withdrawn = notify(
      cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow (mother)", withdrawnAt: london("2027-04-02", "18:00") }, london("2027-04-05", "09:00"))
    )
    expect(withdrawn[0]?.body[0]).toBe(
      "Consent to s20 accommodation was withdrawn at 18:00 Fri 2 Apr 2027, recorded 09:00 Mon 5 Apr 2027: the s20 basis has ended (STAT-S20-CONSENT)."
    )
  })

  it("STAT-R25-1, STAT-R25-4: an extension says when the temporary approval now ends and what must happen by then", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    notify(place)
    for (const step of extensionSteps(london("2027-06-01", "09:00"))) notify(step)
    const extended = notify(cmd("headOfService", { _tag: "ExtendApproval", weeks: 8 }, london("2027-06-01", "10:00")))
    expect(extended[0]).toMatchObject({
      kind: "placement.approval_extended",
      body: [
        "The temporary approval now ends at 10:00 Fri 10 Sep 2027 (STAT-R25-1): approve the carers as foster carers or end the placement by then (STAT-R25-4)."
      ],
      facts: { approvalExpiresAt: "2027-09-10T09:00:00.000Z" },
      actBy: { due: "2027-08-27T09:00:00.000Z" }
    })
  })

  it("a placement that was never recorded tells nobody", () => {
    expect(placementNotifications([], undefined, contextOf("lincolnshire"))).toEqual([])
  })
})
