import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { addDays, type LocalDate, weekdayOf } from "../../src/calendar/LocalDate.js"
import { atLondon, londonDateOf, londonTimeOf, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { resolveClock } from "../../src/calendar/resolveClock.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { dateArb } from "../calendar/arbitraries.js"
import { contextOf, london } from "../fixtures.js"
import { agendaOf, sittingOf } from "./fixtures.js"

const nso = preset("north-somerset")
const papersDue = (sittingDate: LocalDate) => resolveClock(nso.sitting.papersToMembers!.clock, { instant: atLondon(sittingDate, "13:30" as TimeOfDay) }, englandAndWales).due
const requestsDue = (sittingDate: LocalDate) => resolveClock(nso.referral.submissionDeadline.clock, { instant: atLondon(sittingDate, "13:30" as TimeOfDay) }, englandAndWales).due

describe("NSO-3: papers to members by midday Monday, and on a bank holiday Monday", () => {
  it("NSO-3: after the Spring bank holiday (Mon 31 May 2027) the papers are due at noon on Tuesday, saying why and that it is Carepanel's default", () => {
    const sitting = sittingOf("north-somerset", "care-and-resource", "s1", "2027-06-02", (staff) => [agendaOf(staff, "child-1")])
    const papers = deadlinesOf({ referrals: [], sittings: [sitting] }, contextOf("north-somerset"), { now: london("2027-05-28", "09:00"), dueSoonHours: 48 }).find(
      (deadline) => deadline.id === "s1:papers"
    )!
    expect(papers.explanation).toBe(
      "due 12:00 Tue 1 Jun 2027 - NSO-3: noon on the Monday before the sitting on Wed 2 Jun 2027 (moved to Tue 1 Jun 2027 because Mon 31 May 2027 is Spring bank holiday; " +
        "DEF-NEXT-WORKING-DAY-BEFORE, Carepanel default, not in the terms of reference; set by the authority's policy)"
    )
    expect(requestsDue("2027-06-02" as LocalDate)).toEqual(london("2027-05-28", "12:00"))
  })

  it("NSO-3: when no working day is left before the sitting (Christmas 2027), the papers go back to the last working day before", () => {
    expect(papersDue("2027-12-29" as LocalDate)).toEqual(london("2027-12-24", "12:00"))
  })

  it("DEF-NEXT-WORKING-DAY-BEFORE: an authority's policy may keep the old rule, going back to the Friday", () => {
    const clock = { ...nso.sitting.papersToMembers!.clock, ifClosed: "previousWorkingDay" as const }
    expect(resolveClock(clock, { instant: atLondon("2027-06-02" as LocalDate, "13:30" as TimeOfDay) }, englandAndWales).due).toEqual(london("2027-05-28", "12:00"))
  })

  it("DEF-NEXT-WORKING-DAY-BEFORE is cited only where Carepanel's default moved the day: under the authority's own rule (back to the Friday) the explanation cites NSO-3 alone", () => {
    const papers = nso.sitting.papersToMembers!
    const policy = { ...nso, sitting: { ...nso.sitting, papersToMembers: { ...papers, clock: { ...papers.clock, ifClosed: "previousWorkingDay" as const } } } }
    const sitting = sittingOf("north-somerset", "care-and-resource", "s1", "2027-06-02", (staff) => [agendaOf(staff, "child-1")])
    const moved = deadlinesOf({ referrals: [], sittings: [sitting] }, { policy, calendar: englandAndWales }, { now: london("2027-05-28", "09:00"), dueSoonHours: 48 }).find(
      (deadline) => deadline.id === "s1:papers"
    )!
    expect(moved.explanation).toBe(
      "due 12:00 Fri 28 May 2027 - NSO-3: noon on the Monday before the sitting on Wed 2 Jun 2027 (moved to Fri 28 May 2027 because Mon 31 May 2027 is Spring bank holiday)"
    )
  })

  test.prop([dateArb.filter((date) => weekdayOf(date) === "wednesday")])(
    "NSO-3: for any Wednesday sitting, papers are due at noon on a working day before it: Monday if it is one, else the next working day before the sitting",
    (sittingDate) => {
      const due = papersDue(sittingDate)
      const day = londonDateOf(due)
      const monday = addDays(sittingDate, -2)
      expect(londonTimeOf(due)).toBe("12:00")
      expect(englandAndWales.isWorkingDay(day)).toBe(true)
      expect(day < sittingDate).toBe(true)
      if (englandAndWales.isWorkingDay(monday)) expect(day).toBe(monday)
      else if (englandAndWales.isWorkingDay(addDays(sittingDate, -1))) expect(day).toBe(addDays(sittingDate, -1))
      else expect(day).toBe(englandAndWales.previousWorkingDay(monday))
      // Never at the same minute as the request deadline unless no working day lies between.
      if (englandAndWales.isWorkingDay(monday) || englandAndWales.isWorkingDay(addDays(sittingDate, -1))) expect(due).not.toEqual(requestsDue(sittingDate))
    }
  )
})
