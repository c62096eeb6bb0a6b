import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { approvalStandingAt, Placement } from "../../src/regulation24/Placement.js"
import { placementAggregate } from "../../src/regulation24/placementAggregate.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { AuthorityId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { placed } from "./fixtures.js"

// Extensions made before regulation 25's steps were recorded one by one (STAT-R25-3) carry, instead of the steps,
// what the nominated officer said was done. The placement's record keeps that as it was written.

const conditions = { stillMostAppropriateConsidered: true, fosteringPanelViewsSought: true, iroInformed: true, nominatedOfficerApproved: true }

/** Placed on 26 March 2027; extended by 8 weeks on 1 July 2027 by an event of the older shape. */
const extendedTheOldWay = (): PlacementEvent[] => {
  const history = placed()
  const { by } = history[0]!
  return [
    ...history,
    { _tag: "ApprovalExtended", weeks: 8, from: london("2027-07-16", "10:00"), expiresAt: london("2027-09-10", "10:00"), conditions, by, at: london("2027-07-01", "09:00") }
  ]
}

describe("an extension recorded before the steps were (STAT-R25-1, STAT-R25-3)", () => {
  it("STAT-R25-1, STAT-R25-3: the record keeps what the older extension said was done, with no steps of its own, and shows the approval as extended", () => {
    const placement = fold(placementDecider, extendedTheOldWay())!
    expect(placement.approval?.extension).toEqual({ weeks: 8, conditions, by: extendedTheOldWay()[0]!.by, at: london("2027-07-01", "09:00") })
    expect(placement.approval?.expiresAt).toEqual(london("2027-09-10", "10:00"))
    expect(approvalStandingAt(placement, london("2027-08-01", "09:00"))).toBe("extended")
  })

  it("STAT-R25-3: read back from the placements read model, the conditions are still there", () => {
    const placement = fold(placementDecider, extendedTheOldWay())!
    const [row] = placementAggregate.readModels(placement, { streamType: "placement", authorityId: AuthorityId.make("lincolnshire"), id: placement.id })
    expect(Schema.decodeUnknownSync(Placement)(row?.doc).approval?.extension?.conditions).toEqual(conditions)
  })
})
