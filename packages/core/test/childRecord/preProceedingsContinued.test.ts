import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const letter = cmd({ _tag: "RecordLetterBeforeProceedings", sentAt: london("2027-01-11", "10:00") }, london("2027-01-11", "10:00"))
const inPreProceedings = () => northSomerset.play([letter])
const continued = (weeks: number, reviewedAt: ReturnType<typeof london>, reasons = "The mother has started a residential assessment that ends in six weeks") =>
  cmd({ _tag: "RecordPreProceedingsContinued", weeks, reasons, reviewedAt }, reviewedAt)
const clocks = (events: ReturnType<typeof northSomerset.play>, now: ReturnType<typeof london>) =>
  Object.fromEntries(
    deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((d) => [d.id, d])
  )

describe("a review that continues pre-proceedings with reasons (STAT-PLO)", () => {
  it("STAT-PLO: a review at week 15 that continues pre-proceedings for 6 weeks meets the 16 weeks, and its own 6 weeks then run", () => {
    const history = northSomerset.play([continued(6, london("2027-04-26", "14:00"))], inPreProceedings())
    const at = clocks(history, london("2027-05-10", "09:00"))
    expect(at["child-1:plo-16w"]).toMatchObject({ state: "met", metLate: false })
    expect(at["child-1:plo-continued:1"]).toMatchObject({
      ruleId: "STAT-PLO",
      state: "pending",
      explanation: "due 14:00 Mon 7 Jun 2027 - STAT-PLO: 6 weeks after the review at 14:00 Mon 26 Apr 2027 that continued pre-proceedings for 6 weeks"
    })
    expect(clocks(history, london("2027-06-08", "09:00"))["child-1:plo-continued:1"]).toMatchObject({ state: "overdue" })
  })

  it("STAT-PLO: the next review, the issue of proceedings or a step-down meets a continuation's weeks", () => {
    const once = northSomerset.play([continued(6, london("2027-04-26", "14:00"))], inPreProceedings())
    const twice = northSomerset.play([continued(4, london("2027-06-07", "11:00"))], once)
    const at = clocks(twice, london("2027-06-08", "09:00"))
    expect(at["child-1:plo-continued:1"]).toMatchObject({ state: "met", metLate: false })
    expect(at["child-1:plo-continued:2"]).toMatchObject({ state: "pending" })
    const issued = northSomerset.play([cmd({ _tag: "RecordProceedingsIssued", issuedAt: london("2027-06-20", "10:00") }, london("2027-06-20", "10:00"))], twice)
    expect(clocks(issued, london("2027-06-21", "09:00"))["child-1:plo-continued:2"]).toMatchObject({ state: "met" })
  })

  it("STAT-PLO: without such a review the 16 weeks go overdue, as before", () => {
    expect(clocks(inPreProceedings(), london("2027-05-10", "09:00"))["child-1:plo-16w"]).toMatchObject({ state: "overdue" })
  })

  it("STAT-PLO: refuses a continuation outside pre-proceedings, without reasons, of no or too many weeks, or not after the letter or the last review", () => {
    const review = london("2027-04-26", "14:00")
    expect(northSomerset.given([]).when(continued(6, review)).refusal()).toMatchObject({ _tag: "ProceedingsRefused", message: "The child is not in pre-proceedings (STAT-PLO)." })
    expect(northSomerset.given(inPreProceedings()).when(continued(6, review, "  ")).refusal().message).toBe(
      "Say why pre-proceedings go on rather than proceedings being issued or the case stepped down (STAT-PLO): the reasons are empty."
    )
    expect(northSomerset.given(inPreProceedings()).when(continued(0, review)).refusal().message).toBe("Pre-proceedings go on for a whole number of weeks from 1 to 16, not 0 (STAT-PLO).")
    expect(northSomerset.given(inPreProceedings()).when(continued(17, review)).refusal().message).toBe("Pre-proceedings go on for a whole number of weeks from 1 to 16, not 17 (STAT-PLO).")
    expect(northSomerset.given(inPreProceedings()).when(continued(6, london("2027-01-04", "10:00"))).refusal().message).toBe(
      "Pre-proceedings began with the letter at 10:00 Mon 11 Jan 2027; a review at 10:00 Mon 4 Jan 2027 must come after it (STAT-PLO)."
    )
    const once = northSomerset.play([continued(6, review)], inPreProceedings())
    expect(northSomerset.given(once).when(continued(4, london("2027-04-20", "10:00"))).refusal().message).toBe(
      "The last review continuing them was held at 14:00 Mon 26 Apr 2027; a review at 10:00 Tue 20 Apr 2027 must come after it (STAT-PLO)."
    )
  })
})
