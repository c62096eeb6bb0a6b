import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { disagreementDecider } from "../../src/disagreement/DisagreementDecider.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { ChildId } from "../../src/shared/ids.js"
import { cmd as childCmd, northSomerset, recordOf } from "../childRecord/fixtures.js"
import { panelOf } from "../disagreement/fixtures.js"
import { visit } from "../visits/fixtures.js"
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

describe("given a child's statutory record beside the child's placement", () => {
  // Looked after under an interim care order from the day of the placement; the first review held on 20 April.
  const record = recordOf(
    northSomerset.play([
      childCmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-03-26", "10:00") }, london("2027-03-26", "10:00")),
      childCmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-04-20", "10:00"), iroName: "Imogen Reyes" }, london("2027-04-20", "10:00"))
    ])
  )
  const otherChild = { ...record, childId: ChildId.make("child-2") }
  const visited = ["2027-03-27", "2027-04-02", "2027-04-09", "2027-04-16", "2027-04-23"].reduce(
    (history, day) => playOn(history, visit(london(day, "11:00"))),
    placed()
  )
  const later = at(london("2027-05-10", "12:00"))
  const clocks = (childRecords: ReadonlyArray<typeof record>) =>
    deadlinesOf({ referrals: [], sittings: [], placements: [placementOf(visited)], childRecords }, contextOf("lincolnshire"), later)
  const visits = (childRecords: ReadonlyArray<typeof record>) =>
    clocks(childRecords).filter((deadline) => deadline.ruleId === "STAT-R28").map((deadline) => [deadline.id, deadline.due])

  it("when the deadlines are listed then the record's own clocks (STAT-R33 reviews) are among them", () => {
    expect(clocks([record]).filter((deadline) => deadline.ruleId === "STAT-R33").length).toBeGreaterThan(0)
  })

  it("when the child's review is on the record then the visits to that child follow it; another child's review changes nothing", () => {
    expect(visits([record])).not.toEqual(visits([]))
    expect(visits([otherChild])).toEqual(visits([]))
    expect(visits([otherChild, record])).toEqual(visits([record]))
  })

  it("when the child's death is on the record then the placement asks nothing more (STAT-R33): no visit, plan or approval clock; another child's death changes nothing", () => {
    const died = recordOf(
      northSomerset.play(
        [childCmd({ _tag: "RecordChildDeath", diedOn: "2027-04-28" }, london("2027-04-29", "09:00"))],
        northSomerset.play([childCmd({ _tag: "RecordLegalStatus", code: "C1", from: london("2027-03-26", "10:00") }, london("2027-03-26", "10:00"))])
      )
    )
    // Before: the visits, the placement plan and the temporary approval's clocks ran on for the child who died.
    expect(clocks([died]).filter((deadline) => deadline.about.kind === "placement")).toEqual([])
    expect(clocks([{ ...died, childId: ChildId.make("child-2") }]).filter((deadline) => deadline.ruleId === "STAT-R28").length).toBeGreaterThan(0)
  })
})

describe("given requests, a member's disagreement and a connected-person placement", () => {
  it("when the deadlines are listed then each names the children whose case it is, and a sitting's names none", () => {
    const request = lincolnshireReferral(undefined)
    const placement = placementOf(placed())
    const deadlines = deadlinesOf(
      { referrals: [request], sittings: lincolnshireSittings(), decisions: [], disagreements: [disagreement], placements: [placement], childRecords: [] },
      contextOf("lincolnshire"),
      now
    )
    const childrenOf = (kind: string) => deadlines.filter((deadline) => deadline.about.kind === kind).map((deadline) => deadline.about.childIds)
    const eachNames = (kind: string, children: ReadonlyArray<string>) => {
      expect(childrenOf(kind).length).toBeGreaterThan(0)
      for (const named of childrenOf(kind)) expect(named).toEqual(children)
    }
    const requestsChildren = request.form.children.map((child) => child.childId)
    eachNames("referral", requestsChildren)
    expect(disagreement.referralId).toBe(request.id)
    eachNames("disagreement", requestsChildren)
    eachNames("placement", [placement.childId])
    for (const children of childrenOf("sitting")) expect(children).toBeUndefined()
  })
})
