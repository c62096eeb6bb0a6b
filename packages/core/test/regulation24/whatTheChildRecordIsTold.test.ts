import { describe, expect, it } from "@effect/vitest"
import { lookedAfterFromPlacement } from "../../src/regulation24/lookedAfterFromPlacement.js"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { london } from "../fixtures.js"
import { carers, cmd, identified, lincolnshire, mother, placed, placementId, playOn } from "./fixtures.js"

// What one step on a placement tells the child's record in the same commit (STAT-S46, STAT-S20-CONSENT, STAT-R24):
// a change of looked-after or legal status, said once when it happens, and nothing on the steps that follow.

/** What recording `command` on `history` tells the child's record. */
const told = (history: ReadonlyArray<PlacementEvent>, command: PlacementCommand) =>
  lookedAfterFromPlacement(fold(placementDecider, history), lincolnshire.given(history).when(command).state()!)

const since = london("2027-03-25", "22:00")
const police = (when = london("2027-03-26", "08:00")) => cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since }, when)
const s20 = cmd("socialWorker", {
  _tag: "RecordS20Accommodation",
  record: { consents: [mother], childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her aunt" } }
})
const viability = cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-26", "18:00"))
const end = cmd("socialWorker", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-04-02", "09:00"))
const outcome = (kind: "emergency_protection_order" | "interim_care_order") =>
  cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: kind, endedAt: london("2027-03-26", "12:00") }, london("2027-03-26", "12:00"))
const base = { _tag: "RecordLookedAfterFromPlacement", childId: "child-1", placementId }
const ends = { _tag: "RecordLookedAfterEndedFromPlacement", childId: "child-1", placementId }

describe("what a placement's step tells the child's record", () => {
  it("STAT-S46: police protection that began before the placement, recorded once the child is placed: accommodated under police protection, L1, from the placement", () => {
    expect(told(placed(), police(london("2027-03-26", "12:00")))).toEqual({ ...base, route: "police_protection_accommodation", code: "L1", from: london("2027-03-26", "10:00") })
  })

  it("STAT-S46: a placed child's emergency protection order is a change of legal status, L2 from the order", () => {
    const placedUnderPolice = playOn(playOn(identified(), police()), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: london("2027-03-26", "10:00"), carers }, london("2027-03-26", "10:00")))
    expect(told(placedUnderPolice, outcome("emergency_protection_order"))).toEqual({ ...base, route: "legal_status", code: "L2", from: london("2027-03-26", "12:00") })
  })

  it("STAT-S46: once an interim care order has been told, the steps after it tell nothing more", () => {
    const ordered = playOn(playOn(placed(), police(london("2027-03-26", "11:00"))), outcome("interim_care_order"))
    expect(told(ordered, viability)).toBeUndefined()
    expect(told(ordered, end)).toBeUndefined()
  })

  it("STAT-S20-CONSENT: once s20 accommodation has been told, the steps after it tell nothing more", () => {
    expect(told(placed(), s20)).toMatchObject({ route: "s20_accommodation", code: "V2" })
    expect(told(playOn(placed(), s20), viability)).toBeUndefined()
  })

  it("STAT-S46: police protection ended with the child returned home tells the record its accommodation ended then; the placement's end after it tells nothing", () => {
    const placedUnderPolice = playOn(placed(), police(london("2027-03-26", "11:00")))
    const home = cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: "returned_home", endedAt: london("2027-03-26", "11:30") }, london("2027-03-26", "12:00"))
    expect(told(placedUnderPolice, home)).toEqual({
      ...ends,
      basis: "police_protection",
      endedAt: london("2027-03-26", "11:30"),
      reason: "police protection ended: the child was returned home (STAT-S46)"
    })
    expect(told(playOn(placedUnderPolice, home), end)).toBeUndefined()
  })

  it("STAT-S20-CONSENT: the placement ended with the child returned home tells the record s20 accommodation ended then, by the parent's removal once consent was withdrawn", () => {
    const home = cmd("serviceManager", { _tag: "EndPlacement", reason: "child_returned_home" }, london("2027-04-02", "09:00"))
    const withdrawn = playOn(playOn(placed(), s20), cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow" }, london("2027-03-30", "09:00")))
    expect(told(withdrawn, home)).toEqual({
      ...ends,
      basis: "s20_accommodation",
      endedAt: london("2027-04-02", "09:00"),
      reason: "the parent removed the child (s20(8)): Dana Harrow withdrew consent at 09:00 Tue 30 Mar 2027, and the child returned home"
    })
    expect(told(playOn(placed(), s20), home)).toMatchObject({ reason: "s20 accommodation ended: the child returned home" })
    // Never placed with the carers: the child was not accommodated here.
    expect(told(identified(), home)).toBeUndefined()
  })

  it("STAT-S20-CONSENT: after consent is withdrawn, the placement ending does not tell the record the child is accommodated under s20 again", () => {
    const withdrawn = playOn(playOn(placed(), s20), cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow" }, london("2027-03-30", "09:00")))
    expect(told(withdrawn, end)).toBeUndefined()
  })
})
