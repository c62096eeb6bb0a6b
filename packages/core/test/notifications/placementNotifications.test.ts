import { describe, expect, it } from "@effect/vitest"
import { placementNotifications } from "../../src/notifications/placementNotifications.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { contextOf, london } from "../fixtures.js"
import { basicTest, carers, cmd, extensionSteps, placedAt } from "../regulation24/fixtures.js"
import { placementWith, robinsCase, who, story } from "./fixtures.js"

const placeIt = (notify: (command: PlacementCommand) => ReturnType<typeof placementNotifications>) => {
  notify(basicTest())
  return notify(cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }))
}

describe("placement notifications", () => {
  it("LIN-14: a basic test that says Regulation 24 asks the Assistant Director to consent to looked-after status", () => {
    const notify = placementWith(robinsCase)
    const sent = notify(basicTest())
    expect(who(sent)).toEqual([
      {
        id: "plc_1:looked-after-consent:assistant_director",
        kind: "placement.looked_after_consent_needed",
        to: "role:assistant_director",
        ruleId: "DEF-R24-CONSENT-NEXT-WD"
      }
    ])
    // The consent is a clock, not a one-off notice: it says by when (17:00 the next working day, after Easter Monday).
    expect(sent[0]!.actBy).toMatchObject({ ruleId: "DEF-R24-CONSENT-NEXT-WD" })
    expect(sent[0]!.actBy!.explanation).toContain("17:00 Tue 30 Mar 2027")
    const allNo = placementWith(robinsCase)
    expect(allNo(basicTest({ wouldRefuseToSupportReturnHome: false, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }))).toEqual([])
  })

  it("LIN-15, LIN-17, STAT-S46, DEF-R25-NOMINATED-OFFICER: police protection goes at once to the social worker, team manager, service manager, head of service and nominated officer, with the 72-hour limit", () => {
    const notify = placementWith(robinsCase)
    notify(basicTest())
    // Police protection from Friday morning; the clocks go forward on Sunday 28 March, so 72 hours end at 10:00 on Monday.
    const since = london("2027-03-26", "09:00")
    const sent = notify(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since }, london("2027-03-26", "09:30")))
    // Lincolnshire runs the default nominated officer (DEF-R25-NOMINATED-OFFICER): head of service and Assistant Director posts.
    expect(who(sent)).toEqual([
      { id: "plc_1:police-protection:social_worker", kind: "placement.police_protection", to: "person:priya-ashdown", ruleId: "STAT-S46" },
      { id: "plc_1:police-protection:team_manager", kind: "placement.police_protection", to: "person:tom-brackley", ruleId: "STAT-S46" },
      { id: "plc_1:police-protection:service_manager", kind: "placement.police_protection", to: "role:service_manager", ruleId: "STAT-S46" },
      { id: "plc_1:police-protection:head_of_service", kind: "placement.police_protection", to: "role:head_of_service", ruleId: "STAT-S46" },
      { id: "plc_1:police-protection:assistant_director", kind: "placement.police_protection", to: "role:assistant_director", ruleId: "STAT-S46" }
    ])
    expect(sent[0]).toMatchObject({ headline: "Act now: child child-1 is under police protection (LIN-15, STAT-S46)", actBy: { due: "2027-03-29T09:00:00.000Z" } })
    expect(sent[0]?.body[0]).toBe("Police protection began at 09:00 Fri 26 Mar 2027 and lasts at most 72 hours, until 10:00 Mon 29 Mar 2027 (STAT-S46).")
    expect(sent[0]?.body[1]).toContain("Placing the child with carers does not end police protection.")
  })

  it("LIN-15, STAT-S46: no police protection sends nothing; police protection recorded after the placement still goes out, since placing does not end it", () => {
    const none = placementWith(robinsCase)
    none(basicTest())
    expect(none(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: false }))).toEqual([])
    const placedFirst = placementWith(robinsCase)
    placeIt(placedFirst)
    const late = cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-26", "08:00") }, london("2027-03-26", "11:00"))
    expect(who(placedFirst(late)).map((n) => n.kind)).toEqual(Array(5).fill("placement.police_protection"))
  })

  it("LIN-17, LIN-18: a placement made goes to the service manager to authorise before the 48-hour kinship referral", () => {
    const made = placeIt(placementWith(robinsCase))
    const [authorise] = made
    expect(authorise).toMatchObject({
      id: "plc_1:authorise:service_manager",
      kind: "placement.authorisation_needed",
      recipients: [{ _tag: "RoleHolder", role: "service_manager" }],
      headline: "Regulation 24 placement of child child-1 to authorise (LIN-17)",
      actBy: { ruleId: "LIN-18", due: "2027-03-28T10:00:00.000Z" }
    })
    // Carers by relationship only.
    expect(authorise?.body[0]).toBe(
      "Placed at 10:00 Fri 26 Mar 2027 with connected-person carers: maternal aunt (parental responsibility), aunt's husband."
    )
  })

  it("LIN-16, LIN-18, STAT-R24, STAT-R9, STAT-R28: the social worker and team manager get every clock the placement started, first the viability assessment", () => {
    const made = placeIt(placementWith(robinsCase))
    expect(who(made.slice(1))).toEqual([
      { id: "plc_1:placed:social_worker", kind: "placement.clocks_started", to: "person:priya-ashdown", ruleId: "LIN-16" },
      { id: "plc_1:placed:team_manager", kind: "placement.clocks_started", to: "person:tom-brackley", ruleId: "LIN-16" }
    ])
    const body = made[1]?.body.join("\n") ?? ""
    expect(made[1]?.actBy?.due).toBe("2027-03-27T10:00:00.000Z")
    for (const ruleId of ["LIN-16", "LIN-18", "STAT-R24", "STAT-R9", "STAT-R28"]) expect(body).toContain(`- ${ruleId}:`)
    expect(body).toContain("Placement plan prepared (regulation 9)")
    expect(body).toContain("1st statutory visit to the child in the placement (regulation 28)")
  })

  it("LIN-16: without the case, the social worker who recorded the placement and the team manager role are told", () => {
    const made = placeIt(placementWith(null))
    expect(who(made.slice(1)).map((n) => n.to)).toEqual(["person:priya-ashdown", "role:team_manager"])
  })

  it("LIN-17, LIN-18: the viability assessment in, the service manager authorises; authorised, the caseholders refer to the kinship team", () => {
    const notify = placementWith(robinsCase)
    placeIt(notify)
    const viability = notify(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-26", "18:00")))
    expect(who(viability)).toEqual([
      { id: "plc_1:viability-recorded:service_manager", kind: "placement.authorisation_needed", to: "role:service_manager", ruleId: "LIN-18" }
    ])
    const authorised = notify(cmd("serviceManager", { _tag: "AuthorisePlacement" }, london("2027-03-27", "09:00")))
    expect(who(authorised).map((n) => [n.id, n.ruleId])).toEqual([
      ["plc_1:authorised:social_worker", "LIN-18"],
      ["plc_1:authorised:team_manager", "LIN-18"]
    ])
  })

  it("STAT-R25-1: an extension tells the caseholders the new end, with the warning ahead of it", () => {
    const notify = placementWith(robinsCase)
    placeIt(notify)
    for (const step of extensionSteps(london("2027-06-01", "09:00"))) notify(step)
    const extended = notify(cmd("headOfService", { _tag: "ExtendApproval", weeks: 8 }, london("2027-06-01", "10:00")))
    expect(who(extended).map((n) => [n.id, n.ruleId])).toEqual([
      ["plc_1:extended:social_worker", "DEF-R24-EXPIRY-WARNING"],
      ["plc_1:extended:team_manager", "DEF-R24-EXPIRY-WARNING"]
    ])
    expect(extended[0]?.headline).toBe("Temporary approval for child child-1 extended by 8 weeks (STAT-R25-1)")
  })

  it("DEF-R24-PROCEDURE: at an authority whose terms of reference say nothing of connected-person placements, the notices cite Carepanel's default, not Lincolnshire's LIN-17 / LIN-18", () => {
    const context = { ...contextOf("knowsley"), case: robinsCase }
    const step = story(placementDecider, contextOf("knowsley"))
    const notify = (command: PlacementCommand) => {
      const { events, state } = step(command)
      return placementNotifications(events, state, context)
    }
    const placed = placeIt(notify)
    const authorise = placed.find((notification) => notification.kind === "placement.authorisation_needed")!
    expect(authorise.headline).toBe("Regulation 24 placement of child child-1 to authorise (DEF-R24-PROCEDURE, Carepanel default)")
    expect(authorise.body.at(-1)).toBe(
      "Authorise the placement on the viability assessment (DEF-R24-PROCEDURE, Carepanel default, not in the terms of reference; set by the authority's policy); " +
        "it then goes to the kinship team (DEF-R24-PROCEDURE, Carepanel default, not in the terms of reference; set by the authority's policy)."
    )
    const lincolnshire = placeIt(placementWith(robinsCase)).find((notification) => notification.kind === "placement.authorisation_needed")!
    expect(lincolnshire.body.at(-1)).toBe("Authorise the placement on the viability assessment (LIN-17); it then goes to the kinship team (LIN-18).")
  })
})
