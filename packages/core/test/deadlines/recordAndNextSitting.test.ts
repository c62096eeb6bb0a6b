import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { formatInstant } from "../../src/calendar/format.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { PanelId } from "../../src/shared/ids.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { as, contextOf, london } from "../fixtures.js"
import { agendaOf, at, type Staff, sittingOf } from "./fixtures.js"

// CPR-11: the draft record to the chair within 48 hours of the sitting, the final record back within 48 hours,
// each child's record uploaded within 24 hours; all before the next week's sitting at the latest.

const carePlanning = "care-planning-and-resources"
const draftSent = (staff: Staff, at: DateTime.Utc): SittingCommand => ({ _tag: "SendDraftRecordToChair", by: as(staff.administrator), at })

/** The sitting on Wed 9 Jun 2027 (09:30-13:00) about two children, its draft sent at `sentAt`, then `more`. */
const ninthOfJune = (sentAt: DateTime.Utc, more: (staff: Staff) => SittingCommand[] = () => []) =>
  sittingOf("care-planning", carePlanning, "s1", "2027-06-09", (staff) => [agendaOf(staff, "c1", "c2"), draftSent(staff, sentAt), ...more(staff)])

describe("CPR-11: the record's clocks, what each is about and what it asks for", () => {
  it("the draft to the chair, the final record back and each child's upload, all about the sitting, titled with its date", () => {
    const sitting = ninthOfJune(london("2027-06-10", "10:00"), (staff) => [{ _tag: "ReturnFinalRecord", by: as(staff.chair), at: london("2027-06-11", "10:00") }])
    const clocks = deadlinesOf({ referrals: [], sittings: [sitting] }, contextOf("care-planning"), at(london("2027-06-11", "12:00")))
    expect(clocks.map(({ id, about, title, ruleId }) => ({ id, about, title, ruleId }))).toEqual([
      { id: "s1:papers", about: { kind: "sitting", id: "s1" }, title: "Agenda and papers to members for the sitting on Wed 9 Jun 2027", ruleId: "CPR-9" },
      { id: "s1:record-draft", about: { kind: "sitting", id: "s1" }, title: "Draft record of the sitting on Wed 9 Jun 2027 to the chair", ruleId: "CPR-11" },
      { id: "s1:record-final", about: { kind: "sitting", id: "s1" }, title: "Final record of the sitting on Wed 9 Jun 2027 back from the chair", ruleId: "CPR-11" },
      { id: "s1:upload:c1", about: { kind: "sitting", id: "s1" }, title: "Record of the sitting on Wed 9 Jun 2027 uploaded to child c1's file", ruleId: "CPR-11" },
      { id: "s1:upload:c2", about: { kind: "sitting", id: "s1" }, title: "Record of the sitting on Wed 9 Jun 2027 uploaded to child c2's file", ruleId: "CPR-11" }
    ])
  })
})

type Other = "none" | "live" | "cancelled" | "other panel"
/** Wednesdays around the sitting on 9 Jun 2027: one before it, four after. */
const wednesdays = ["2027-06-02", "2027-06-16", "2027-06-23", "2027-06-30", "2027-07-07"] as const

/** Another sitting on `date`: live, cancelled, or live but of another panel. */
const sittingOn = (date: string, kind: Exclude<Other, "none">): Sitting => {
  const sitting = sittingOf("care-planning", carePlanning, `s_${date}`, date, (staff) =>
    kind === "cancelled" ? [{ _tag: "CancelSitting", reason: "no business", by: as(staff.chair), at: london("2027-06-01", "09:00") }] : []
  )
  return kind === "other panel" ? { ...sitting, panelId: PanelId.make("complex-needs-panel") } : sitting
}

describe("CPR-11: before the next sitting of the same panel", () => {
  it("sittings listed latest first: the final record is due by the first of them after this one, not the first listed", () => {
    const first = ninthOfJune(london("2027-06-21", "12:00"))
    const sittings = [sittingOn("2027-07-07", "live"), sittingOn("2027-06-30", "live"), first, sittingOn("2027-06-23", "live")]
    const final = deadlinesOf({ referrals: [], sittings }, contextOf("care-planning"), at(london("2027-06-21", "13:00"))).find((d) => d.id === "s1:record-final")!
    expect(final.explanation).toBe(
      "due 09:30 Wed 23 Jun 2027 - CPR-11: the next sitting at 09:30 Wed 23 Jun 2027, which comes before 48 hours after the draft reaching the chair at 12:00 Mon 21 Jun 2027"
    )
  })

  it("another panel's sitting in between does not cut the chair's 48 hours short", () => {
    const sittings = [ninthOfJune(london("2027-06-14", "12:00")), sittingOn("2027-06-16", "other panel")]
    const final = deadlinesOf({ referrals: [], sittings }, contextOf("care-planning"), at(london("2027-06-14", "13:00"))).find((d) => d.id === "s1:record-final")!
    expect(final.explanation).toBe("due 12:00 Wed 16 Jun 2027 - CPR-11: 48 hours after the draft reaching the chair at 12:00 Mon 14 Jun 2027")
  })

  test.prop([
    fc.tuple(...wednesdays.map(() => fc.constantFrom<Other>("none", "live", "cancelled", "other panel"))),
    fc.integer({ min: 1, max: 27 * 24 }),
    fc.array(fc.nat(), { minLength: wednesdays.length + 1, maxLength: wednesdays.length + 1 })
  ])(
    "over any calendar of sittings, cancelled ones and other panels' among them, in any order: due by the first live sitting of the panel after this one, else 48 hours after the draft",
    (kinds, hoursAfterEnd, order) => {
      const sentAt = DateTime.add(london("2027-06-09", "13:00"), { hours: hoursAfterEnd })
      const others = wednesdays.flatMap((date, i) => (kinds[i] === "none" ? [] : [{ date, sitting: sittingOn(date, kinds[i] as Exclude<Other, "none">) }]))
      const listed = [ninthOfJune(sentAt), ...others.map((other) => other.sitting)]
      const shuffled = listed.map((sitting, i) => ({ sitting, key: order[i]! })).sort((a, b) => a.key - b.key).map((entry) => entry.sitting)
      const next = wednesdays.flatMap((date, i) => (date > "2027-06-09" && kinds[i] === "live" ? others.filter((other) => other.date === date) : []))[0]
      const uncapped = DateTime.add(sentAt, { hours: 48 })
      const capped = next !== undefined && DateTime.lessThan(next.sitting.startsAt, uncapped)
      const final = deadlinesOf({ referrals: [], sittings: shuffled }, contextOf("care-planning"), at(sentAt)).find((d) => d.id === "s1:record-final")!
      expect(final.due).toEqual(capped ? next.sitting.startsAt : uncapped)
      expect(final.explanation).toContain(capped ? `CPR-11: the next sitting at ${formatInstant(next.sitting.startsAt)}, which comes before 48 hours after` : "CPR-11: 48 hours after")
    }
  )
})
