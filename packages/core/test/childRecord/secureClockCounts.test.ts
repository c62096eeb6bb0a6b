import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child of 14 (born 1 May 2012), in secure accommodation in March 2027, before the clocks go forward.
const fourteen = () => northSomerset.play([cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2012-05-01" }, london("2027-03-01", "08:00"))])
const period = (startedAt: unknown, endedAt?: unknown, when = london("2027-03-20", "20:00")) =>
  cmd({ _tag: "RecordSecureAccommodation", startedAt, ...(endedAt === undefined ? {} : { endedAt }) }, when)
const clocksOf = (events: ReturnType<typeof fourteen>, now = london("2027-03-20", "20:00")) =>
  Object.fromEntries(
    deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((d) => [d.id, d])
  )

describe("secure accommodation clocks: what counts towards the 72 hours (STAT-S25)", () => {
  it("STAT-S25, DEF-S25-WARN-48H: given a child moved from one secure unit to another at 09:00, the first period's hours count towards the second's clocks", () => {
    const moved = northSomerset.play([period(london("2027-03-01", "09:00"), london("2027-03-02", "09:00")), period(london("2027-03-02", "09:00"))], fourteen())
    const clocks = clocksOf(moved, london("2027-03-02", "10:00"))
    expect(clocks["child-1:secure-48h:secure-2"]).toMatchObject({
      due: london("2027-03-03", "09:00"),
      title: "48 of the 72 hours in secure accommodation used: seek the court's authority or plan the child's move",
      about: { kind: "child", id: "child-1" }
    })
    expect(clocks["child-1:secure-72h:secure-2"]).toMatchObject({
      due: london("2027-03-04", "09:00"),
      title: "72 hours in secure accommodation in 28 days: the child leaves, or the court's authority is needed",
      explanation:
        "due 09:00 Thu 4 Mar 2027 - STAT-S25: when 72 hours in secure accommodation without a court's authority are used in the 28 days to then (elapsed hours): 24 hours of earlier periods and 48 hours of the period that began at 09:00 Tue 2 Mar 2027 (24 hours used in the 28 days before it)"
    })
  })

  it("STAT-S25: an ended period keeps the clocks it had, counted from its own start only: a period of 36 hours met its 48-hour warning in time, whatever came after", () => {
    const history = northSomerset.play(
      [period(london("2027-03-01", "09:00"), london("2027-03-02", "21:00")), period(london("2027-03-10", "09:00"), london("2027-03-10", "21:00"))],
      fourteen()
    )
    const clocks = clocksOf(history)
    expect(clocks["child-1:secure-48h:secure-1"]).toMatchObject({ due: london("2027-03-03", "09:00"), state: "met", metLate: false })
    expect(clocks["child-1:secure-72h:secure-1"]).toMatchObject({ due: london("2027-03-04", "09:00"), state: "met", metLate: false })
    expect(clocks["child-1:secure-48h:secure-2"], "the later 12 hours reach 48 at their very end").toMatchObject({ due: london("2027-03-10", "21:00"), metLate: false })
  })

  it("STAT-S25: the hours already used are said to the minute, singular where there is one", () => {
    const minute = northSomerset.play([period(london("2027-03-01", "08:00"), london("2027-03-01", "09:01")), period(london("2027-03-05", "09:00"))], fourteen())
    expect(clocksOf(minute)["child-1:secure-72h:secure-2"]?.explanation).toBe(
      "due 07:59 Mon 8 Mar 2027 - STAT-S25: when 72 hours in secure accommodation without a court's authority are used in the 28 days to then (elapsed hours): 1 hour 1 minute of earlier periods and 70 hours 59 minutes of the period that began at 09:00 Fri 5 Mar 2027 (1 hour 1 minute used in the 28 days before it)"
    )
    const twoAndAHalf = northSomerset.play([period(london("2027-03-01", "08:00"), london("2027-03-01", "10:30")), period(london("2027-03-05", "09:00"))], fourteen())
    expect(clocksOf(twoAndAHalf)["child-1:secure-48h:secure-2"]?.explanation).toContain(
      "2 hours 30 minutes of earlier periods and 45 hours 30 minutes of the period that began at 09:00 Fri 5 Mar 2027 (2 hours 30 minutes used in the 28 days before it)"
    )
  })
})
