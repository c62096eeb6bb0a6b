import { describe, expect, it } from "@effect/vitest"
import { test } from "@fast-check/vitest"
import fc from "fast-check"
import { addDays, addMonths, epochDayOf, type LocalDate } from "../../src/calendar/LocalDate.js"
import { pastRetention, retentionOf } from "../../src/childRecord/retention.js"
import { dateArb } from "../calendar/arbitraries.js"
import { london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const d = (s: string) => s as LocalDate

describe("retention of the child's record (STAT-R50)", () => {
  it("STAT-R50: kept until the 75th birthday, shown with its explanation; unknown until the date of birth is recorded", () => {
    expect(retentionOf({})).toBeUndefined()
    expect(pastRetention({}, d("2150-01-01")), "a record with no date of birth is never listed as past retention").toBe(false)
    const record = recordOf(northSomerset.play([cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2012-05-01" }, london("2027-03-01", "09:00"))]))
    expect(retentionOf(record)).toEqual({ keepUntil: "2087-05-01", explanation: "keep until Thu 1 May 2087 - STAT-R50: the 75th birthday of a child born Tue 1 May 2012" })
    expect(retentionOf({ dateOfBirth: d("2012-02-29") })?.keepUntil).toBe("2087-02-28")
  })

  it("STAT-R50: a child who died before 18: 15 years after the death; at 18 or later, still the 75th birthday", () => {
    const died = northSomerset.play([
      cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2012-05-01" }, london("2027-03-01", "09:00")),
      cmd({ _tag: "RecordChildDeath", diedOn: "2027-02-10" }, london("2027-03-01", "10:00"))
    ])
    expect(retentionOf(recordOf(died))).toEqual({
      keepUntil: "2042-02-10",
      explanation: "keep until Mon 10 Feb 2042 - STAT-R50: 15 years after the death on Wed 10 Feb 2027 of a child who died before 18 (born Tue 1 May 2012)"
    })
    expect(retentionOf({ dateOfBirth: d("2009-05-01"), diedOn: d("2027-05-01") })?.keepUntil).toBe("2084-05-01")
    expect(northSomerset.given(died).when(cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2027-03-01" }, london("2027-03-02", "09:00"))).refusal()).toMatchObject({
      _tag: "ChildFactRefused",
      message: "The child is recorded as having died on Wed 10 Feb 2027, before Mon 1 Mar 2027."
    })
    expect(northSomerset.given([]).when(cmd({ _tag: "RecordChildDeath", diedOn: "2027-03-05" }, london("2027-03-02", "09:00"))).refusal()._tag).toBe("NotYetHappened")
  })

  test.prop([dateArb, fc.option(fc.integer({ min: 0, max: 40 * 366 }), { nil: undefined })])(
    "STAT-R50: for any birth and death, the date is 15 years after a death before 18, else the 75th birthday; past it the day after, not on it",
    (dateOfBirth, diedAfterDays) => {
      const diedOn = diedAfterDays === undefined ? undefined : addDays(dateOfBirth, diedAfterDays)
      const retention = retentionOf({ dateOfBirth, ...(diedOn === undefined ? {} : { diedOn }) })!
      const diedYoung = diedOn !== undefined && diedOn < addMonths(dateOfBirth, 18 * 12)
      expect(retention.keepUntil).toBe(diedYoung ? addMonths(diedOn!, 180) : addMonths(dateOfBirth, 900))
      expect(retention.explanation.startsWith("keep until ")).toBe(true)
      expect(retention.explanation).toContain("STAT-R50")
      expect(epochDayOf(retention.keepUntil) - epochDayOf(diedYoung ? diedOn! : dateOfBirth)).toBeGreaterThanOrEqual(diedYoung ? 15 * 365 : 75 * 365)
      expect(pastRetention({ dateOfBirth, diedOn }, retention.keepUntil)).toBe(false)
      expect(pastRetention({ dateOfBirth, diedOn }, addDays(retention.keepUntil, 1))).toBe(true)
    }
  )
})
