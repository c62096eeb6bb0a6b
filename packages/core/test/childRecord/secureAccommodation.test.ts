import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const dob = (dateOfBirth: string) => cmd({ _tag: "RecordDateOfBirth", dateOfBirth }, london("2027-03-01", "08:00"))
const fourteen = () => northSomerset.play([dob("2012-05-01")])
const period = (startedAt: unknown, endedAt?: unknown, when = london("2027-03-27", "20:00")) =>
  cmd({ _tag: "RecordSecureAccommodation", startedAt, ...(endedAt === undefined ? {} : { endedAt }) }, when)
const end = (endedAt: unknown, when = london("2027-03-27", "20:00")) => cmd({ _tag: "EndSecureAccommodation", endedAt }, when)
const clocksOf = (events: ReturnType<typeof fourteen>, now = london("2027-03-27", "20:00")) =>
  Object.fromEntries(
    deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((d) => [d.id, d])
  )

describe("secure accommodation (STAT-S25)", () => {
  it("STAT-S25: given a child of 14, when a period is recorded, it opens; a second while it is open is refused; its end is recorded", () => {
    const spec = northSomerset.given(fourteen()).when(period(london("2027-03-27", "09:00")))
    expect(spec.events()).toMatchObject([{ _tag: "SecureAccommodationStarted", periodId: "secure-1", startedAt: london("2027-03-27", "09:00") }])
    const open = northSomerset.play([period(london("2027-03-27", "09:00"))], fourteen())
    expect(northSomerset.given(open).when(period(london("2027-03-27", "10:00"))).refusal()).toMatchObject({
      _tag: "SecureAccommodationRefused",
      message: "The child has been in secure accommodation since 09:00 Sat 27 Mar 2027: record the end of that period first (STAT-S25)."
    })
    expect(northSomerset.given(open).when(end(london("2027-03-27", "08:00"))).refusal()).toMatchObject({
      message: "The period began at 09:00 Sat 27 Mar 2027; it ends after that, not at 08:00 Sat 27 Mar 2027 (STAT-S25)."
    })
    expect(northSomerset.given(open).when(end(london("2027-03-27", "19:00"))).events()).toMatchObject([{ _tag: "SecureAccommodationEnded", periodId: "secure-1" }])
  })

  it("STAT-S25: refused without the child's date of birth; under 13 refused without the Secretary of State's prior approval", () => {
    expect(northSomerset.given([]).when(period(london("2027-03-27", "09:00"))).refusal()).toMatchObject({
      ruleId: "STAT-S25",
      message: "Record the child's date of birth first: a child under 13 may be placed in secure accommodation only with the Secretary of State's approval (STAT-S25)."
    })
    // 13 on 28 March 2027: the day before, still 12.
    const twelve = northSomerset.play([dob("2014-03-28")])
    expect(northSomerset.given(twelve).when(period(london("2027-03-27", "09:00"))).refusal()).toMatchObject({
      message: "The child (born Fri 28 Mar 2014) is under 13: secure accommodation needs the Secretary of State's prior approval, and none is recorded before 09:00 Sat 27 Mar 2027 (STAT-S25)."
    })
    expect(northSomerset.given(twelve).when(period(london("2027-03-28", "09:00"), undefined, london("2027-03-28", "10:00"))).events()).toHaveLength(1)
    const lateApproval = northSomerset.play([cmd({ _tag: "RecordSecretaryOfStateApproval", approvedAt: london("2027-03-27", "10:00") }, london("2027-03-27", "11:00"))], twelve)
    expect(northSomerset.given(lateApproval).when(period(london("2027-03-27", "09:00"))).refusal()._tag).toBe("SecureAccommodationRefused")
    const approved = northSomerset.play([cmd({ _tag: "RecordSecretaryOfStateApproval", approvedAt: london("2027-03-26", "16:00") }, london("2027-03-26", "17:00"))], twelve)
    expect(northSomerset.given(approved).when(period(london("2027-03-27", "09:00"))).events()).toMatchObject([{ _tag: "SecureAccommodationStarted" }])
  })

  it("STAT-S25: periods are summed whether or not consecutive: a further period taking 28 days past 72 hours is refused, unless a court authorised it", () => {
    const first = northSomerset.play([period(london("2027-03-01", "09:00"), london("2027-03-02", "21:00"))], fourteen()) // 36 hours
    const second = period(london("2027-03-20", "09:00"), london("2027-03-22", "09:00")) // 48 hours, 19 days later
    expect(northSomerset.given(first).when(second).refusal()).toMatchObject({
      message:
        "With this period the child would have spent 84 hours in secure accommodation in 28 days without a court's authority; the limit is 72 hours (STAT-S25). Record the court's authority first."
    })
    const authorised = northSomerset.play(
      [cmd({ _tag: "RecordSecureAccommodationCourtAuthority", from: london("2027-03-21", "09:00"), until: london("2027-04-18", "09:00") }, london("2027-03-21", "10:00"))],
      first
    )
    expect(northSomerset.given(authorised).when(second).events()).toMatchObject([{ _tag: "SecureAccommodationStarted", periodId: "secure-2" }])
    // 28 days after the first period ended, its hours no longer count.
    expect(northSomerset.given(first).when(period(london("2027-03-30", "21:00"), london("2027-04-01", "21:00"), london("2027-04-02", "09:00"))).events()).toHaveLength(1)
  })

  it("STAT-S25: with the 72 hours used in the 28 days before, a further period cannot even start", () => {
    const used = northSomerset.play([period(london("2027-03-01", "09:00"), london("2027-03-04", "09:00"))], fourteen())
    expect(northSomerset.given(used).when(period(london("2027-03-10", "09:00"))).refusal()).toMatchObject({
      message:
        "The child has already spent 72 hours in secure accommodation in the 28 days before 09:00 Wed 10 Mar 2027: no more without a court's authority (STAT-S25: at most 72 hours in any 28 consecutive days)."
    })
    const authorised = northSomerset.play(
      [cmd({ _tag: "RecordSecureAccommodationCourtAuthority", from: london("2027-03-10", "09:00"), until: london("2027-03-20", "09:00") }, london("2027-03-10", "09:30"))],
      used
    )
    expect(northSomerset.given(authorised).when(period(london("2027-03-10", "09:00"))).events(), "a period under the court's authority starts").toMatchObject([{ _tag: "SecureAccommodationStarted" }])
  })

  it("STAT-S25, DEF-S25-WARN-48H: an open period's clocks fall due when 48 and 72 hours are used, counting earlier periods, and say the arithmetic", () => {
    const history = northSomerset.play(
      [period(london("2027-03-15", "09:00"), london("2027-03-16", "15:00"), london("2027-03-16", "16:00")), period(london("2027-03-27", "20:00"))],
      fourteen()
    ) // 30 hours, then open from 20:00 Sat 27 Mar, the night the clocks go forward
    const clocks = clocksOf(history)
    expect(clocks["child-1:secure-48h:secure-2"]).toMatchObject({
      ruleId: "DEF-S25-WARN-48H",
      due: london("2027-03-28", "15:00"),
      state: "due_soon"
    })
    expect(clocks["child-1:secure-72h:secure-2"]).toMatchObject({
      ruleId: "STAT-S25",
      explanation:
        "due 15:00 Mon 29 Mar 2027 - STAT-S25: when 72 hours in secure accommodation without a court's authority are used in the 28 days to then (elapsed hours): 30 hours of earlier periods and 42 hours of the period that began at 20:00 Sat 27 Mar 2027 (30 hours used in the 28 days before it)"
    })
    const ended = northSomerset.play([end(london("2027-03-29", "16:00"), london("2027-03-29", "16:30"))], history)
    expect(clocksOf(ended, london("2027-03-29", "16:30"))["child-1:secure-72h:secure-2"]).toMatchObject({ state: "met", metLate: true })
  })
})
