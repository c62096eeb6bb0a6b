import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset } from "./fixtures.js"

// A child of 14 (born 1 May 2012) and a child of 12 (13 on 28 March 2027), in March 2027.
const fourteen = () => northSomerset.play([cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2012-05-01" }, london("2027-03-01", "08:00"))])
const twelve = () => northSomerset.play([cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2014-03-28" }, london("2027-03-01", "08:00"))])
const period = (startedAt: unknown, endedAt?: unknown, when = london("2027-03-20", "20:00")) =>
  cmd({ _tag: "RecordSecureAccommodation", startedAt, ...(endedAt === undefined ? {} : { endedAt }) }, when)
const court = (from: unknown, until: unknown, when = london("2027-03-20", "20:00")) => cmd({ _tag: "RecordSecureAccommodationCourtAuthority", from, until }, when)

describe("secure accommodation periods refused, and those at the limit accepted (STAT-S25)", () => {
  it("STAT-S25: a period recorded afterwards that overlaps one already recorded is refused, naming it; one that ends as the other begins, or begins as it ends, is not", () => {
    const recorded = northSomerset.play([period(london("2027-03-10", "09:00"), london("2027-03-11", "09:00"))], fourteen())
    expect(northSomerset.given(recorded).when(period(london("2027-03-09", "09:00"), london("2027-03-10", "12:00"))).refusal()).toMatchObject({
      _tag: "SecureAccommodationRefused",
      ruleId: "STAT-S25",
      message: "The period overlaps one already recorded, from 09:00 Wed 10 Mar 2027 to 09:00 Thu 11 Mar 2027 (STAT-S25)."
    })
    expect(northSomerset.given(recorded).when(period(london("2027-03-09", "09:00"))).refusal(), "an open period from before it runs through it").toMatchObject({
      message: "The period overlaps one already recorded, from 09:00 Wed 10 Mar 2027 to 09:00 Thu 11 Mar 2027 (STAT-S25)."
    })
    expect(northSomerset.given(recorded).when(period(london("2027-03-09", "09:00"), london("2027-03-10", "09:00"))).events()).toMatchObject([
      { _tag: "SecureAccommodationStarted", periodId: "secure-2" }
    ])
    expect(northSomerset.given(recorded).when(period(london("2027-03-11", "09:00"), london("2027-03-12", "09:00"))).events(), "one that begins as the other ends").toMatchObject([
      { _tag: "SecureAccommodationStarted", periodId: "secure-2" }
    ])
  })

  it("STAT-S25: a period that ends when or before it starts is refused", () => {
    for (const endedAt of [london("2027-03-10", "09:00"), london("2027-03-10", "08:00")]) {
      expect(northSomerset.given(fourteen()).when(period(london("2027-03-10", "09:00"), endedAt)).refusal()).toMatchObject({
        ruleId: "STAT-S25",
        message: "A period in secure accommodation ends after it starts (STAT-S25)."
      })
    }
  })

  it("STAT-S25: exactly 72 hours in 28 days is within the limit; one more minute is not", () => {
    expect(northSomerset.given(fourteen()).when(period(london("2027-03-01", "09:00"), london("2027-03-04", "09:00"))).events()).toHaveLength(1)
    expect(northSomerset.given(fourteen()).when(period(london("2027-03-01", "09:00"), london("2027-03-04", "09:01"))).refusal()).toMatchObject({
      message:
        "With this period the child would have spent 72 hours 1 minute in secure accommodation in 28 days without a court's authority; the limit is 72 hours (STAT-S25). Record the court's authority first."
    })
  })

  it("STAT-S25: with the 72 hours used, a period starting the minute the court's authority ends, or before it begins, is refused", () => {
    const used = northSomerset.play(
      [period(london("2027-03-01", "09:00"), london("2027-03-04", "09:00")), court(london("2027-03-08", "09:00"), london("2027-03-10", "09:00"))],
      fourteen()
    )
    expect(northSomerset.given(used).when(period(london("2027-03-10", "09:00"))).refusal()).toMatchObject({
      message:
        "The child has already spent 72 hours in secure accommodation in the 28 days before 09:00 Wed 10 Mar 2027: no more without a court's authority (STAT-S25: at most 72 hours in any 28 consecutive days)."
    })
    const later = northSomerset.play([court(london("2027-03-12", "09:00"), london("2027-03-20", "09:00"))], used.slice(0, -1))
    expect(northSomerset.given(later).when(period(london("2027-03-10", "09:00"))).refusal()).toMatchObject({ _tag: "SecureAccommodationRefused" })
  })

  it("STAT-S25: the court's authority ends after it begins; one still to come, and an approval still to come, are refused", () => {
    expect(northSomerset.given(fourteen()).when(court(london("2027-03-10", "09:00"), london("2027-03-10", "09:00"))).refusal()).toMatchObject({
      ruleId: "STAT-S25",
      message: "The court's authority ends after it begins (STAT-S25)."
    })
    expect(northSomerset.given(fourteen()).when(court(london("2027-03-21", "09:00"), london("2027-04-10", "09:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "A court's authority starting at 09:00 Sun 21 Mar 2027 is still to come: record it once it has happened."
    })
    expect(
      northSomerset.given(twelve()).when(cmd({ _tag: "RecordSecretaryOfStateApproval", approvedAt: london("2027-03-21", "09:00") }, london("2027-03-20", "20:00"))).refusal()
    ).toMatchObject({ _tag: "NotYetHappened", message: "The Secretary of State's approval at 09:00 Sun 21 Mar 2027 is still to come: record it once it has happened." })
  })

  it("STAT-S25: for a child of 12, the Secretary of State's approval given the minute the period starts is prior enough", () => {
    const approved = northSomerset.play([cmd({ _tag: "RecordSecretaryOfStateApproval", approvedAt: london("2027-03-20", "09:00") }, london("2027-03-20", "09:30"))], twelve())
    expect(northSomerset.given(approved).when(period(london("2027-03-20", "09:00"))).events()).toMatchObject([{ _tag: "SecureAccommodationStarted", periodId: "secure-1" }])
  })

  it("STAT-S25: the end of a period is refused when none is open, and when still to come; without a time, it ends when recorded", () => {
    expect(northSomerset.given(fourteen()).when(cmd({ _tag: "EndSecureAccommodation" }, london("2027-03-20", "20:00"))).refusal()).toMatchObject({
      ruleId: "STAT-S25",
      message: "The child is not recorded as in secure accommodation now (STAT-S25)."
    })
    const open = northSomerset.play([period(london("2027-03-20", "09:00"))], fourteen())
    expect(northSomerset.given(open).when(cmd({ _tag: "EndSecureAccommodation", endedAt: london("2027-03-20", "21:00") }, london("2027-03-20", "20:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The end of the period in secure accommodation at 21:00 Sat 20 Mar 2027 is still to come: record it once it has happened."
    })
    expect(northSomerset.given(open).when(cmd({ _tag: "EndSecureAccommodation" }, london("2027-03-20", "20:00"))).events()).toMatchObject([
      { _tag: "SecureAccommodationEnded", periodId: "secure-1", endedAt: london("2027-03-20", "20:00") }
    ])
    expect(northSomerset.given(fourteen()).when(period(london("2027-03-20", "09:00"), london("2027-03-20", "21:00"))).refusal()).toMatchObject({
      message: "The end of a period in secure accommodation at 21:00 Sat 20 Mar 2027 is still to come: record it once it has happened."
    })
    expect(northSomerset.given(fourteen()).when(period(london("2027-03-20", "21:00"))).refusal()).toMatchObject({
      message: "A period in secure accommodation starting at 21:00 Sat 20 Mar 2027 is still to come: record it once it has happened."
    })
  })
})
