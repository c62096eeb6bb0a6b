import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset } from "./fixtures.js"

// A child of 14 kept in secure accommodation from Monday 11 January 2027 at 09:00 until Thursday 14 January at 17:00:
// 80 hours, past the 72 without a court's authority (its end is recorded all the same, and its clock shows it late).
const overrun = () =>
  northSomerset.play([
    cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2012-05-01" }, london("2027-01-04", "08:00")),
    cmd({ _tag: "RecordSecureAccommodation", startedAt: london("2027-01-11", "09:00") }, london("2027-01-11", "09:00")),
    cmd({ _tag: "EndSecureAccommodation", endedAt: london("2027-01-14", "17:00") }, london("2027-01-14", "17:00"))
  ])
const closedPeriod = (startedAt: ReturnType<typeof london>, endedAt: ReturnType<typeof london>) =>
  cmd({ _tag: "RecordSecureAccommodation", startedAt, endedAt }, london("2027-06-30", "12:00"))

describe("an overrun of the 72 hours long ago does not bar a later period (STAT-S25)", () => {
  it("STAT-S25: a 2-hour period in June, recorded with its end, is accepted after 80 hours in January: no 28 days hold both", () => {
    expect(northSomerset.given(overrun()).when(closedPeriod(london("2027-06-10", "09:00"), london("2027-06-10", "11:00"))).events()).toMatchObject([
      { _tag: "SecureAccommodationStarted", periodId: "secure-2", startedAt: london("2027-06-10", "09:00"), endedAt: london("2027-06-10", "11:00") }
    ])
  })

  it("STAT-S25: a period recorded afterwards in the 28 days before the overrun is still refused, counting the January hours with its own", () => {
    expect(northSomerset.given(overrun()).when(closedPeriod(london("2027-01-08", "09:00"), london("2027-01-08", "11:00"))).refusal()).toMatchObject({
      _tag: "SecureAccommodationRefused",
      ruleId: "STAT-S25",
      message:
        "With this period the child would have spent 82 hours in secure accommodation in 28 days without a court's authority; the limit is 72 hours (STAT-S25). Record the court's authority first."
    })
  })
})
