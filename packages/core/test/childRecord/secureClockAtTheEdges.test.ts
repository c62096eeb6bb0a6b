import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child of 14 (born 1 May 2012) in secure accommodation: the 48-hour warning and the 72-hour clock where the counted
// hours meet a court's authority exactly, and over a long stay under one court's authority after another.
type When = ReturnType<typeof london>
const hour = 3_600_000
const fourteen = () => northSomerset.play([cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2012-05-01" }, london("2027-01-01", "08:00"))])
const period = (startedAt: When, endedAt?: When, at: When = endedAt ?? startedAt) =>
  cmd({ _tag: "RecordSecureAccommodation", startedAt, ...(endedAt === undefined ? {} : { endedAt }) }, at)
const court = (from: When, until: When) => cmd({ _tag: "RecordSecureAccommodationCourtAuthority", from, until }, from)
const dueOf = (events: ReturnType<typeof fourteen>, id: string, now: When) =>
  deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).find((d) => d.id === id)?.due

describe("secure accommodation clocks at the edges (STAT-S25, DEF-S25-WARN-48H)", () => {
  it("STAT-S25: a court's authority that begins the minute the 72 hours run out leaves the clock due at that minute, not when the authority ends", () => {
    const events = northSomerset.play(
      [period(london("2027-03-01", "09:00")), court(london("2027-03-04", "09:00"), london("2027-03-25", "09:00"))],
      fourteen()
    )
    expect(dueOf(events, "child-1:secure-72h:secure-1", london("2027-03-04", "10:00"))).toEqual(london("2027-03-04", "09:00"))
  })

  it("DEF-S25-WARN-48H: a child who used exactly 48 hours, back under a court's authority, has the warning due as the new period begins", () => {
    const events = northSomerset.play(
      [
        period(london("2027-03-01", "09:00"), london("2027-03-03", "09:00")),
        court(london("2027-03-04", "09:00"), london("2027-04-01", "09:00")),
        period(london("2027-03-04", "09:00"))
      ],
      fourteen()
    )
    const now = london("2027-03-04", "10:00")
    expect(dueOf(events, "child-1:secure-48h:secure-2", now)).toEqual(london("2027-03-04", "09:00"))
    // The earlier 48 hours leave the 28 days on 31 March; counting starts again when the authority ends on 1 April.
    expect(dueOf(events, "child-1:secure-72h:secure-2", now)).toEqual(london("2027-04-04", "09:00"))
  })

  it("STAT-S25: kept under ten court authorities in turn, 70 hours without one between each, the 72-hour clock is due 72 hours after the last ends", () => {
    // Regression: the clock used to be missing once the time without authority, spread over the stay, passed 28 days.
    const start = london("2027-01-04", "09:00")
    const plus = (hours: number) => DateTime.unsafeMake(start.epochMillis + hours * hour)
    const courts = Array.from({ length: 10 }, (_, i) => court(plus(i * 672 + 70), plus((i + 1) * 672)))
    const events = northSomerset.play([period(start), ...courts], fourteen())
    const now = london("2027-10-12", "09:00")
    expect(dueOf(events, "child-1:secure-72h:secure-1", now)).toEqual(london("2027-10-14", "10:00"))
    expect(dueOf(events, "child-1:secure-48h:secure-1", now)).toEqual(london("2027-01-06", "09:00"))
  })
})
