import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// What a placement's record tells the child's record (sent by the Placements use case with the placement's own
// change, never refused): when the child became looked after, how, and under which legal status.
type Instant = ReturnType<typeof london>
const fromPlacement = (route: string, from: Instant, code?: string, at: Instant = from) =>
  cmd({ _tag: "RecordLookedAfterFromPlacement", route, from, placementId: "placement-7", ...(code === undefined ? {} : { code }) }, at)
const legalStatus = (code: string, from: Instant, at: Instant = from) => cmd({ _tag: "RecordLegalStatus", code, from }, at)
const ended = (endedAt: Instant, at: Instant = endedAt) => cmd({ _tag: "RecordLookedAfterEnded", endedAt, reason: "returned home to her father" }, at)

describe("looked-after status from a placement's record (Regulation 24, STAT-S46, STAT-R33)", () => {
  it("given no record, a Regulation 24 placement opens the record and makes the child looked after from the placement, naming it, with no legal status", () => {
    const events = northSomerset.given([]).when(fromPlacement("regulation24_placement", london("2027-03-25", "10:00"))).events()
    expect(events).toEqual([
      expect.objectContaining({ _tag: "ChildRecordOpened", childId: "child-1" }),
      expect.objectContaining({ _tag: "BecameLookedAfter", periodId: "la-1", route: "regulation24_placement", from: london("2027-03-25", "10:00"), placementId: "placement-7" })
    ])
    const record = recordOf(events)
    expect(record.legalStatuses).toEqual([])
    expect(record.lookedAfter[0]!.code).toBeUndefined()
  })

  it("STAT-R33: the first review's clock says how the child became looked after: placed with connected persons under regulation 24, not \"a legal status\"", () => {
    const firstReview = (route: string, code?: string) => {
      const events = northSomerset.play([fromPlacement(route, london("2027-03-25", "10:00"), code)])
      const clocks = deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now: london("2027-03-25", "12:00"), dueSoonHours: 48 })
      return clocks.find((clock) => clock.id === "child-1:r33:la-1:1")?.explanation
    }
    const became = "due 10:00 Mon 26 Apr 2027 - STAT-R33: 20 working days after the child became looked after at 10:00 Thu 25 Mar 2027"
    expect(firstReview("regulation24_placement")).toBe(`${became} (placed with connected persons under regulation 24)`)
    expect(firstReview("police_protection_accommodation", "L1")).toBe(`${became} (placed in the authority's accommodation under police protection)`)
    expect(firstReview("legal_status", "C1")).toBe(`${became} (legal status C1: interim care order)`)
  })

  it("STAT-S46: given no record, police protection in the authority's accommodation records L1 and starts looked-after status by that route, from that placement", () => {
    const events = northSomerset.given([]).when(fromPlacement("police_protection_accommodation", london("2027-03-25", "22:15"), "L1")).events()
    expect(events).toEqual([
      expect.objectContaining({ _tag: "ChildRecordOpened" }),
      expect.objectContaining({ _tag: "LegalStatusChanged", code: "L1", from: london("2027-03-25", "22:15") }),
      expect.objectContaining({ _tag: "BecameLookedAfter", periodId: "la-1", route: "police_protection_accommodation", code: "L1", placementId: "placement-7" })
    ])
  })

  it("STAT-R33: a child already looked after keeps the instant their period began: a further placement records nothing", () => {
    const history = northSomerset.play([legalStatus("C1", london("2027-03-25", "10:00"))])
    expect(northSomerset.given(history).when(fromPlacement("regulation24_placement", london("2027-04-01", "10:00"))).events()).toEqual([])
  })

  it("a child already looked after: a later legal status from the placement is recorded as a change only; one from before the current status is left out", () => {
    const history = northSomerset.play([legalStatus("C1", london("2027-03-25", "10:00"))])
    expect(northSomerset.given(history).when(fromPlacement("legal_status", london("2027-03-26", "10:00"), "C2")).events()).toEqual([
      expect.objectContaining({ _tag: "LegalStatusChanged", code: "C2", from: london("2027-03-26", "10:00") })
    ])
    expect(northSomerset.given(history).when(fromPlacement("police_protection_accommodation", london("2027-03-24", "22:00"), "L1", london("2027-03-26", "10:00"))).events()).toEqual([])
  })

  it("a child looked after through a placement with no legal status: a legal status then is a change, and the period stays the placement's", () => {
    const history = northSomerset.play([fromPlacement("regulation24_placement", london("2027-03-25", "10:00"))])
    const events = northSomerset.play([legalStatus("C2", london("2027-05-03", "11:00"))], history)
    const record = recordOf(events)
    expect(record.legalStatuses.map((status) => status.code)).toEqual(["C2"])
    expect(record.lookedAfter).toMatchObject([{ periodId: "la-1", route: "regulation24_placement", placementId: "placement-7", from: london("2027-03-25", "10:00") }])
  })

  it("STAT-R33: given a period that ended, a placement from before its end starts the new period when the last one ended, not earlier; one after starts at its own time", () => {
    const over = northSomerset.play([legalStatus("V2", london("2027-03-25", "10:00")), ended(london("2027-04-02", "16:00"))])
    expect(northSomerset.given(over).when(fromPlacement("regulation24_placement", london("2027-04-02", "15:00"), undefined, london("2027-04-03", "09:00"))).events()).toEqual([
      expect.objectContaining({ _tag: "BecameLookedAfter", periodId: "la-2", route: "regulation24_placement", from: london("2027-04-02", "16:00"), placementId: "placement-7" })
    ])
    expect(northSomerset.given(over).when(fromPlacement("s20_accommodation", london("2027-04-05", "09:30"), "V2")).events()).toEqual([
      expect.objectContaining({ _tag: "LegalStatusChanged", code: "V2", from: london("2027-04-05", "09:30") }),
      expect.objectContaining({ _tag: "BecameLookedAfter", periodId: "la-2", route: "s20_accommodation", code: "V2", from: london("2027-04-05", "09:30"), placementId: "placement-7" })
    ])
  })

  it("a child no longer looked after whose last legal status began after their period ended: a placement's status from before it still starts a new period", () => {
    // C1 opens the period at 10:00, C2 is recorded from 12:00, and the period is then recorded as ended at 11:00.
    const over = northSomerset.play([
      legalStatus("C1", london("2027-03-25", "10:00")),
      legalStatus("C2", london("2027-03-25", "12:00")),
      ended(london("2027-03-25", "11:00"), london("2027-03-25", "13:00"))
    ])
    const events = northSomerset.given(over).when(fromPlacement("police_protection_accommodation", london("2027-03-25", "11:30"), "L1", london("2027-03-25", "14:00"))).events()
    expect(events).toEqual([
      expect.objectContaining({ _tag: "LegalStatusChanged", code: "L1", from: london("2027-03-25", "11:30") }),
      expect.objectContaining({ _tag: "BecameLookedAfter", periodId: "la-2", route: "police_protection_accommodation", placementId: "placement-7" })
    ])
  })
})
