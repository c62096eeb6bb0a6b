import { describe, expect, it } from "@effect/vitest"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { contextOf, london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const legalStatus = (code: string, from = london("2027-03-25", "10:00"), at = from) => cmd({ _tag: "RecordLegalStatus", code, from }, at)
const review = (heldAt: ReturnType<typeof london>, iroName = "Imogen Reyes") => cmd({ _tag: "RecordLookedAfterReview", heldAt, iroName }, heldAt)
const ended = (endedAt: ReturnType<typeof london>, reason = "returned home to her mother") => cmd({ _tag: "RecordLookedAfterEnded", endedAt, reason }, endedAt)
const clocks = (events: ReturnType<typeof northSomerset.play>, now = london("2027-03-25", "12:00")) =>
  Object.fromEntries(
    deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("north-somerset"), { now, dueSoonHours: 48 }).map((d) => [d.id, d])
  )

describe("legal status and looked-after status (SSDA903, STAT-R33)", () => {
  it("given no record, when an interim care order (C1) is recorded, then the child is looked after from it and the first review is due 20 working days later, over Easter", () => {
    const events = northSomerset.play([legalStatus("C1")])
    const record = recordOf(events)
    expect(record.legalStatuses).toMatchObject([{ code: "C1", from: london("2027-03-25", "10:00") }])
    expect(record.lookedAfter).toMatchObject([{ periodId: "la-1", route: "legal_status", code: "C1", from: london("2027-03-25", "10:00"), reviews: [] }])
    expect(clocks(events)["child-1:r33:la-1:1"]).toMatchObject({
      ruleId: "STAT-R33",
      state: "pending",
      due: london("2027-04-26", "10:00"),
      explanation:
        "due 10:00 Mon 26 Apr 2027 - STAT-R33: 20 working days after the child became looked after at 10:00 Thu 25 Mar 2027 (legal status C1: interim care order)"
    })
  })

  it("a code that is not an SSDA903 legal status is refused by name, listing the codes, and nothing is recorded", () => {
    const refusal = northSomerset.given([]).when(legalStatus("V1")).refusal()
    expect(refusal).toMatchObject({ _tag: "LegalStatusRefused", code: "V1" })
    expect(refusal.message).toMatch(/^"V1" is not an SSDA903 legal status code\. The codes are C1 \(interim care order\), C2 \(full care order\), .* V4 \(s20 short breaks\)\.$/)
    expect(northSomerset.given([]).when(legalStatus("care order")).refusal()).toMatchObject({ code: "care order" })
  })

  it("given a child looked after under an ICO, a care order later changes the legal status but does not restart the count; the same code again changes nothing", () => {
    const history = northSomerset.play([legalStatus("C1")])
    const events = northSomerset.play([legalStatus("C2", london("2027-04-10", "11:00"))], history)
    const record = recordOf(events)
    expect(record.legalStatuses.map((status) => status.code)).toEqual(["C1", "C2"])
    expect(record.lookedAfter).toHaveLength(1)
    expect(clocks(events)["child-1:r33:la-1:1"]).toMatchObject({ due: london("2027-04-26", "10:00") })
    expect(northSomerset.given(events).when(legalStatus("C2", london("2027-04-12", "11:00"))).events()).toEqual([])
  })

  it("legal statuses are recorded in the order they began; one still to come is refused", () => {
    const history = northSomerset.play([legalStatus("L2", london("2027-03-25", "10:00"))])
    expect(northSomerset.given(history).when(legalStatus("C1", london("2027-03-24", "10:00"), london("2027-03-26", "10:00"))).refusal()).toMatchObject({
      _tag: "LegalStatusRefused",
      message:
        "The child's legal status is L2 (emergency protection order) from 10:00 Thu 25 Mar 2027; a status from 10:00 Wed 24 Mar 2027 comes before it. Legal statuses are recorded in the order they began."
    })
    expect(northSomerset.given([]).when(legalStatus("C1", london("2027-03-26", "10:00"), london("2027-03-25", "10:00"))).refusal()).toMatchObject({ _tag: "NotYetHappened" })
  })

  it("STAT-R33: the first review meets its clock; the second is due 3 months after the first, then every 6 months, each counted from the review before", () => {
    const first = northSomerset.play([review(london("2027-04-20", "14:00"))], northSomerset.play([legalStatus("C1")]))
    const afterFirst = clocks(first, london("2027-04-21", "09:00"))
    expect(afterFirst["child-1:r33:la-1:1"]).toMatchObject({ state: "met", metAt: london("2027-04-20", "14:00") })
    expect(afterFirst["child-1:r33:la-1:2"]).toMatchObject({
      state: "pending",
      due: london("2027-07-20", "14:00"),
      explanation: "due 14:00 Tue 20 Jul 2027 - STAT-R33: 3 months after the first review at 14:00 Tue 20 Apr 2027, chaired by Imogen Reyes",
      title: "Second looked-after review, chaired by the child's Independent Reviewing Officer"
    })
    const second = northSomerset.play([review(london("2027-07-29", "10:00"), "Tomasz Lind")], first)
    const afterSecond = clocks(second, london("2027-07-30", "09:00"))
    expect(afterSecond["child-1:r33:la-1:2"]).toMatchObject({ state: "met", metLate: true })
    expect(afterSecond["child-1:r33:la-1:3"]).toMatchObject({
      due: london("2028-01-29", "10:00"),
      explanation: "due 10:00 Sat 29 Jan 2028 - STAT-R33: 6 months after the review 2 at 10:00 Thu 29 Jul 2027, chaired by Tomasz Lind"
    })
    expect(recordOf(second).lookedAfter[0]!.reviews.map((r) => r.iroName)).toEqual(["Imogen Reyes", "Tomasz Lind"])
  })

  it("STAT-R33: a review is refused for a child not looked after, twice at the same minute, and without the IRO's name", () => {
    expect(northSomerset.given([]).when(review(london("2027-04-20", "14:00"))).refusal()).toMatchObject({ _tag: "LookedAfterRefused", ruleId: "STAT-R33" })
    const history = northSomerset.play([legalStatus("C1"), review(london("2027-04-20", "14:00"))])
    expect(northSomerset.given(history).when(cmd({ _tag: "RecordLookedAfterReview", heldAt: london("2027-04-20", "14:00"), iroName: "Tomasz Lind" }, london("2027-04-21", "09:00"))).refusal()).toMatchObject({
      message: "A review held at 14:00 Tue 20 Apr 2027 is already recorded, chaired by Imogen Reyes (STAT-R33)."
    })
    expect(northSomerset.given(history).when(review(london("2027-05-20", "14:00"), "  ")).refusal()).toMatchObject({
      message: "Name the Independent Reviewing Officer who chaired the review (STAT-R33)."
    })
  })

  it("when looked-after status ends, no further review is asked for; a later order starts a new period with its own first review", () => {
    const history = northSomerset.play([legalStatus("V2"), ended(london("2027-04-02", "16:00"))])
    expect(recordOf(history).lookedAfter[0]!.ended).toMatchObject({ reason: "returned home to her mother" })
    expect(clocks(history, london("2027-05-01", "09:00"))["child-1:r33:la-1:1"]).toBeUndefined()
    expect(northSomerset.given(history).when(ended(london("2027-04-03", "16:00"))).refusal()).toMatchObject({ _tag: "LookedAfterRefused" })
    const again = northSomerset.play([legalStatus("C1", london("2027-06-01", "10:00"))], history)
    expect(recordOf(again).lookedAfter.map((p) => [p.periodId, p.from])).toEqual([
      ["la-1", london("2027-03-25", "10:00")],
      ["la-2", london("2027-06-01", "10:00")]
    ])
    expect(clocks(again, london("2027-06-02", "09:00"))["child-1:r33:la-2:1"]).toMatchObject({ due: london("2027-06-29", "10:00") })
    expect(northSomerset.given(history).when(legalStatus("C1", london("2027-04-01", "10:00"), london("2027-06-01", "10:00"))).refusal()).toMatchObject({
      _tag: "LegalStatusRefused"
    })
  })
})
