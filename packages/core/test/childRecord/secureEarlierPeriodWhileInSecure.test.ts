import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child of 15 in secure accommodation since Monday 7 June 2027 at 09:00. On Tuesday 8 June the social worker learns
// she was also kept in secure accommodation for 10 hours on Thursday 3 June (09:00 to 19:00), not yet recorded.
type When = ReturnType<typeof london>
const inSecure = () =>
  northSomerset.play([
    cmd({ _tag: "RecordDateOfBirth", dateOfBirth: "2012-01-15" }, london("2027-06-01", "08:00")),
    cmd({ _tag: "RecordSecureAccommodation", startedAt: london("2027-06-07", "09:00") }, london("2027-06-07", "09:30"))
  ])
const earlier = (startedAt: When, endedAt: When) => cmd({ _tag: "RecordSecureAccommodation", startedAt, endedAt }, london("2027-06-08", "10:00"))

describe("an earlier period in secure accommodation recorded while the child is in secure accommodation (STAT-S25)", () => {
  it("STAT-S25: the 10 hours of 3 June are recorded, and the current period's 72-hour clock falls due 10 hours sooner, at 23:00 on Wednesday 9 June", () => {
    const recorded = northSomerset.play([earlier(london("2027-06-03", "09:00"), london("2027-06-03", "19:00"))], inSecure())
    const clocks = deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(recorded)] }, contextOf("north-somerset"), {
      now: london("2027-06-08", "10:00"),
      dueSoonHours: 48
    })
    expect(clocks.find((clock) => clock.id === "child-1:secure-72h:secure-1")).toMatchObject({
      due: london("2027-06-09", "23:00"),
      state: "due_soon",
      explanation:
        "due 23:00 Wed 9 Jun 2027 - STAT-S25: when 72 hours in secure accommodation without a court's authority are used in the 28 days to then (elapsed hours): 10 hours of earlier periods and 62 hours of the period that began at 09:00 Mon 7 Jun 2027 (10 hours used in the 28 days before it)"
    })
  })

  it("STAT-S25: a period running into the current one is refused, naming it; a further open period still asks for the current one's end first", () => {
    expect(northSomerset.given(inSecure()).when(earlier(london("2027-06-06", "09:00"), london("2027-06-07", "10:00"))).refusal()).toMatchObject({
      _tag: "SecureAccommodationRefused",
      ruleId: "STAT-S25",
      message: "The period overlaps the one the child has been in since 09:00 Mon 7 Jun 2027 (STAT-S25)."
    })
    expect(northSomerset.given(inSecure()).when(cmd({ _tag: "RecordSecureAccommodation", startedAt: london("2027-06-03", "09:00") }, london("2027-06-08", "10:00"))).refusal()).toMatchObject({
      message: "The child has been in secure accommodation since 09:00 Mon 7 Jun 2027: record the end of that period first (STAT-S25)."
    })
  })
})
