import { describe, expect, it } from "@effect/vitest"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { Placement } from "../../src/regulation24/Placement.js"
import { liveIn, placementRow } from "../../src/reports/placementRows.js"
import type { Period } from "../../src/reports/Period.js"
import { PlacementId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { juneInputs } from "./fixtures.js"
import { juneWith, notRegulation24, plusWeeks } from "./rowFixtures.js"

const period = (from: string, to: string): Period => ({ from: from as LocalDate, to: to as LocalDate })
const june = period("2027-06-01", "2027-06-30")
/** Recorded by the service manager who authorised plc_1, at noon on a day. */
const recorded = (day: string) => ({ by: juneInputs().placements[0]!.authorisation!.by, at: london(day, "12:00") })

/** plc_1 (child-7, placed Thu 10 Jun) ended on a day for a reason. */
const ended = (plc1: Placement, day: string): Placement => ({ ...plc1, status: "ended", ended: { reason: "child_returned_home", ...recorded(day) } })

describe("a placement's row, as a panel manager reads it", () => {
  it("plc_1: placed 10 Jun, viability late, authorised 11 Jun, approval to 30 Sep, four clocks overdue, the consent clock next", () => {
    const inputs = juneInputs()
    expect(placementRow(inputs.placements[0]!, inputs.deadlines)).toEqual({
      placementId: "plc_1",
      childId: "child-7",
      status: "placed",
      urgent: false,
      basicTestOn: "2027-06-10",
      placedOn: "2027-06-10",
      viabilityOn: "2027-06-11",
      viabilityLate: true,
      authorisedOn: "2027-06-11",
      kinshipReferralOn: undefined,
      kinshipReferralLate: undefined,
      lookedAfterConsentOn: undefined,
      approvalEndsOn: "2027-09-30",
      extensionWeeks: undefined,
      pendingReview: false,
      endedOn: undefined,
      endReason: undefined,
      clocksOverdue: 4,
      clocksMetLate: 1,
      nextClockRule: "DEF-R24-CONSENT-NEXT-WD",
      nextClockDue: "2027-06-11T16:00:00.000Z"
    })
  })

  it("the next clock is the earliest still running, whatever order the clocks arrive in", () => {
    const inputs = juneInputs()
    const row = placementRow(inputs.placements[0]!, [...inputs.deadlines].reverse())
    expect([row.nextClockRule, row.nextClockDue]).toEqual(["DEF-R24-CONSENT-NEXT-WD", "2027-06-11T16:00:00.000Z"])
  })

  it("a placement found not to be Regulation 24 has no steps, no approval and none of plc_1's clocks", () => {
    const inputs = juneWith((records) => ({ placements: [...records.placements, notRegulation24(records.placements[0]!, "2027-06-14")] }))
    expect(placementRow(inputs.placements[1]!, inputs.deadlines)).toMatchObject({
      placementId: "plc_2",
      status: "not_regulation24",
      basicTestOn: "2027-06-14",
      placedOn: undefined,
      viabilityOn: undefined,
      viabilityLate: undefined,
      authorisedOn: undefined,
      approvalEndsOn: undefined,
      extensionWeeks: undefined,
      pendingReview: false,
      clocksOverdue: 0,
      clocksMetLate: 0,
      nextClockRule: undefined,
      nextClockDue: undefined
    })
  })

  it("an ended placement shows no approval end, the day and reason it ended", () => {
    const plc1 = juneInputs().placements[0]!
    expect(placementRow(ended(plc1, "2027-07-01"), [])).toMatchObject({ status: "ended", approvalEndsOn: undefined, endedOn: "2027-07-01", endReason: "child_returned_home" })
  })

  it("an extension of 8 weeks (STAT-R25-1) moves the approval's end and shows its weeks", () => {
    const plc1 = juneInputs().placements[0]!
    const approval = plc1.approval!
    const extended: Placement = { ...plc1, approval: { ...approval, expiresAt: plusWeeks(approval.expiresAt, 8), extension: { weeks: 8, ...recorded("2027-09-20") } } }
    expect(placementRow(extended, [])).toMatchObject({ approvalEndsOn: "2027-11-25", extensionWeeks: 8, pendingReview: false })
  })

  it("an approval extended pending an independent review (STAT-R25-2) shows no end date and is marked pending review", () => {
    const plc1 = juneInputs().placements[0]!
    const pending: Placement = { ...plc1, approval: { ...plc1.approval!, pendingReview: recorded("2027-09-20") } }
    expect(placementRow(pending, [])).toMatchObject({ approvalEndsOn: undefined, pendingReview: true })
  })
})

describe("whether a placement was live in a period", () => {
  it("plc_1 (placed 10 Jun, not ended) is live in June and July, not in May", () => {
    const plc1 = juneInputs().placements[0]!
    expect([liveIn(period("2027-05-01", "2027-05-31"), plc1), liveIn(june, plc1), liveIn(period("2027-07-01", "2027-07-31"), plc1)]).toEqual([false, true, true])
  })

  it("counts from the day the child was placed, not the basic test, and includes a placement made on the period's last day", () => {
    const plc1 = juneInputs().placements[0]!
    const placedLater: Placement = { ...plc1, placement: { ...plc1.placement!, placedAt: london("2027-07-02", "10:00") } }
    expect(liveIn(june, placedLater)).toBe(false)
    expect(liveIn(period("2027-06-01", "2027-06-10"), plc1)).toBe(true)
    expect(liveIn(period("2027-06-01", "2027-06-09"), plc1)).toBe(false)
  })

  it("an ended placement is live up to the day it ended, not after", () => {
    const plc1 = juneInputs().placements[0]!
    const endedJuly1 = ended(plc1, "2027-07-01")
    expect(liveIn(period("2027-07-01", "2027-07-31"), endedJuly1)).toBe(true)
    expect(liveIn(period("2027-07-02", "2027-07-31"), endedJuly1)).toBe(false)
  })

  it("a placement found not to be Regulation 24 is live only in a period holding its basic test", () => {
    const plc1 = juneInputs().placements[0]!
    const found = notRegulation24(plc1, "2027-05-20")
    expect(liveIn(period("2027-05-01", "2027-05-31"), found)).toBe(true)
    expect(liveIn(june, found)).toBe(false)
    expect(liveIn(june, { ...found, id: PlacementId.make("plc_3") })).toBe(false)
  })
})
