import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { panelOf } from "../disagreement/fixtures.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, placed, playOn } from "../regulation24/fixtures.js"
import { at, lincolnshireReferral, lincolnshireSittings } from "./fixtures.js"

// One authority's deadlines list gathers the clocks of every kind of record it holds (Lincolnshire, June 2027).

const panel = panelOf("lincolnshire")
const disagreement = fold(disagreementDecider, panel.play([panel.recordDissent(), panel.noteAreas()]))!
const placementOf = (history: ReadonlyArray<PlacementEvent>) => fold(placementDecider, history)!
const ended = () => playOn(placed(), cmd("socialWorker", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-04-01", "09:00")))
const now = at(london("2027-04-01", "12:00"))

const idsOf = (inputs: Parameters<typeof deadlinesOf>[0]) => deadlinesOf(inputs, contextOf("lincolnshire"), now).map((deadline) => deadline.id)

describe("given an authority that has recorded only requests and sittings so far", () => {
  it("when its deadlines are listed then the requests' submission clocks are there, with nothing else asked of it", () => {
    expect(idsOf({ referrals: [lincolnshireReferral(undefined)], sittings: lincolnshireSittings() })).toEqual(["ref_1:submission:sit_9jun"])
  })
})

describe("given a member's disagreement and a connected-person placement beside the requests", () => {
  it("when the deadlines are listed then the disagreement's outcome clock and the placement's clocks are among them", () => {
    const ids = idsOf({
      referrals: [lincolnshireReferral(undefined)],
      sittings: lincolnshireSittings(),
      decisions: [],
      disagreements: [disagreement],
      placements: [placementOf(placed())],
      childRecords: []
    })
    expect(ids).toContain("ref_1:submission:sit_9jun")
    expect(ids).toContain("dis_1:outcome")
    expect(ids.filter((id) => id.startsWith("plc_1:"))).toEqual(
      expect.arrayContaining(deadlinesOf({ referrals: [], sittings: [], placements: [placementOf(placed())] }, contextOf("lincolnshire"), now).map((d) => d.id))
    )
    expect(ids.some((id) => id.startsWith("plc_1:visit"))).toBe(true)
  })

  it("when the placement has ended then no visit to the child in it is asked for any more", () => {
    const whilePlaced = idsOf({ referrals: [], sittings: [], placements: [placementOf(placed())] })
    const afterEnd = idsOf({ referrals: [], sittings: [], placements: [placementOf(ended())] })
    expect(whilePlaced.some((id) => id.startsWith("plc_1:visit"))).toBe(true)
    expect(afterEnd.filter((id) => id.startsWith("plc_1:visit"))).toEqual([])
  })
})
