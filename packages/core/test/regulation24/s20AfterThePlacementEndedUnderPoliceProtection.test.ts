import { describe, expect, it } from "@effect/vitest"
import { preset } from "../../src/policy/authorities/index.js"
import { isUnderPoliceProtection } from "../../src/regulation24/Placement.js"
import { placementClocks } from "../../src/regulation24/placementClocks.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { london } from "../fixtures.js"
import { carers, cmd, identified, lincolnshire, mother, playOn } from "./fixtures.js"

// A child taken into police protection at 22:00 on 25 March 2027, placed with her aunt the next morning; the placement
// ends when she moves on, police protection still running (it outlives the placement, STAT-S46). Her mother then agrees
// to her accommodation under s20, which is what ends police protection.

const since = london("2027-03-25", "22:00")
const complete = { consents: [{ ...mother, consentGivenAt: london("2027-03-27", "13:30") }], childWishes: { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay near her school" } }

const endedUnderProtection = (): PlacementEvent[] => {
  const protectedChild = playOn(identified(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since }, london("2027-03-26", "08:00")))
  const placed = playOn(protectedChild, cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: london("2027-03-26", "10:00"), carers }, london("2027-03-26", "10:00")))
  return playOn(placed, cmd("serviceManager", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-03-27", "09:00")))
}

const policeProtectionClock = (history: ReadonlyArray<PlacementEvent>) =>
  placementClocks(fold(placementDecider, history)!, preset("lincolnshire"), london("2027-03-28", "12:00")).find((clock) => clock.id.endsWith(":police-protection"))

describe("given a placement ended while the child is still under police protection", () => {
  it("STAT-S46, STAT-S20-CONSENT: the s20 accommodation agreed afterwards can be recorded, and it ends police protection and meets its 72-hour clock", () => {
    const history = endedUnderProtection()
    expect(policeProtectionClock(history)?.metAt).toBeUndefined()

    const accommodated = playOn(history, cmd("socialWorker", { _tag: "RecordS20Accommodation", record: complete }, london("2027-03-27", "15:00")))
    const ended = playOn(
      accommodated,
      cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: "accommodated_s20", endedAt: london("2027-03-27", "14:00") }, london("2027-03-27", "15:05"))
    )

    expect(ended.at(-1)).toMatchObject({ _tag: "PoliceProtectionEnded", outcome: "accommodated_s20", endedAt: london("2027-03-27", "14:00") })
    const placement = fold(placementDecider, ended)!
    expect(placement.status).toBe("ended")
    expect(isUnderPoliceProtection(placement)).toBe(false)
    // Met, so no longer among the ended placement's clocks (which keep only police protection's while it runs).
    expect(policeProtectionClock(ended)).toBeUndefined()
  })

  it("STAT-S20-CONSENT: once police protection has ended, an ended placement still takes no s20 accommodation", () => {
    const returned = playOn(endedUnderProtection(), cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: "returned_home" }, london("2027-03-27", "12:00")))
    expect(lincolnshire.given(returned).when(cmd("socialWorker", { _tag: "RecordS20Accommodation", record: complete }, london("2027-03-27", "15:00"))).refusal()).toMatchObject({
      _tag: "PlacementNotInStatus",
      message: "You cannot record s20 accommodation: this placement has ended."
    })
  })
})
