import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { visitedPlacementOf } from "../../src/regulation24/Placement.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { visitClocks } from "../../src/visits/visitClocks.js"
import { dueVisits } from "../../src/visits/visitSchedule.js"
import { london } from "../fixtures.js"
import { childId, cmd, identified, lincolnshire, placed, playOn } from "../regulation24/fixtures.js"
import { plan, visit, visitDeadlines } from "./fixtures.js"

// The placement is at 10:00 on Friday 26 March 2027.

const week = 7 * 24 * 3_600_000
const placedAt = london("2027-03-26", "10:00")
const placementOf = (events: ReadonlyArray<PlacementEvent>) => visitedPlacementOf(fold(placementDecider, events)!)

describe("how the visit and plan clocks read on the deadlines list (STAT-R28, STAT-R9)", () => {
  it("STAT-R28: each due visit is named by its English ordinal, 11th to 13th included, on the placement's clocks", () => {
    // 23 visits, a day after each weekly anchor: every clock but the 24th is met.
    const visits = Array.from({ length: 23 }, (_, i) => visit(DateTime.unsafeMake(placedAt.epochMillis + i * week + 24 * 3_600_000)))
    const history = lincolnshire.play(visits, placed())
    const clocks = visitDeadlines(history, DateTime.unsafeMake(placedAt.epochMillis + 23 * week))
    const titles = Object.fromEntries(
      [1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 21, 22, 23, 24].map((n) => [n, clocks[`plc_1:visit:${n}`]?.title.replace(" statutory visit to the child in the placement (regulation 28)", "")])
    )
    expect(titles).toEqual({
      1: "1st",
      2: "2nd",
      3: "3rd",
      4: "4th",
      10: "10th",
      11: "11th",
      12: "12th",
      13: "13th",
      14: "14th",
      20: "20th",
      21: "21st",
      22: "22nd",
      23: "23rd",
      24: "24th"
    })
    expect(clocks["plc_1:visit:23"]?.state).toBe("met")
    // The 24th is due a day from now: still open.
    expect(clocks["plc_1:visit:24"]).toMatchObject({ state: "due_soon", title: "24th statutory visit to the child in the placement (regulation 28)" })
  })

  it("STAT-R9: the plan's clock is titled for regulation 9 and, like the visits, is about the placement and its child", () => {
    const clocks = visitDeadlines(placed(), london("2027-03-27", "09:00"))
    const about = { kind: "placement", id: "plc_1", childIds: [childId] }
    expect(clocks["plc_1:placement-plan"]).toMatchObject({ title: "Placement plan prepared (regulation 9)", about })
    expect(clocks["plc_1:visit:1"]?.about).toEqual(about)
  })
})

describe("no visit or plan clock runs for a placement the child is not in (STAT-R28, STAT-R9)", () => {
  it("STAT-R28, STAT-R9: a placement not yet made has no clocks, even with a plan prepared ahead of it", () => {
    const ahead = lincolnshire.play([plan(london("2027-03-25", "15:00"))], identified())
    expect(visitClocks(placementOf(identified()), englandAndWales)).toEqual([])
    expect(visitClocks(placementOf(ahead), englandAndWales)).toEqual([])
    expect(dueVisits(placementOf(ahead), englandAndWales)).toEqual([])
  })

  it("STAT-R28, STAT-R9: once the placement ends, its clocks stop, visited or not, planned or not", () => {
    const end = cmd("socialWorker", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-04-05", "12:00"))
    const running = lincolnshire.play([visit(london("2027-04-01", "10:00"))], placed())
    expect(visitClocks(placementOf(running), englandAndWales).map((clock) => clock.id)).toEqual(["plc_1:placement-plan", "plc_1:visit:1", "plc_1:visit:2"])
    expect(visitClocks(placementOf(playOn(running, end)), englandAndWales)).toEqual([])
    expect(visitClocks(placementOf(playOn(placed(), end)), englandAndWales)).toEqual([])
  })

  it("STAT-R28: a visit dated before the placement is not one of its visits: the first visit is still due a week after the placement", () => {
    // A visit the record holds from before the placement (say, while the carers were assessed) meets no visit clock.
    const recorded = placementOf(lincolnshire.play([visit(london("2027-03-30", "11:00"))], placed())).visits[0]!
    const placement = { ...placementOf(placed()), visits: [{ ...recorded, visitedAt: london("2027-03-25", "11:00") }] }
    expect(dueVisits(placement, englandAndWales)).toEqual([
      expect.objectContaining({ number: 1, anchor: placedAt, metAt: undefined, anchorText: "the placement at 10:00 Fri 26 Mar 2027 (the first visit)" })
    ])
  })
})
