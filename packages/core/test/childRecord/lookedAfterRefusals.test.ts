import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const legalStatus = (code: string, from = london("2027-03-25", "10:00"), at = from) => cmd({ _tag: "RecordLegalStatus", code, from }, at)
const review = (heldAt: ReturnType<typeof london>, iroName = "Imogen Reyes", at = heldAt) => cmd({ _tag: "RecordLookedAfterReview", heldAt, iroName }, at)
const ended = (endedAt: ReturnType<typeof london> | undefined, at: ReturnType<typeof london>, reason = "returned home to her mother") =>
  cmd({ _tag: "RecordLookedAfterEnded", reason, ...(endedAt === undefined ? {} : { endedAt }) }, at)
const lookedAfter = () => northSomerset.play([legalStatus("C1")])

describe("legal status and looked-after status: what is refused and what is kept (SSDA903, STAT-R33)", () => {
  it("a code typed in lower case with spaces is recorded as the SSDA903 code; one still to come is refused, saying which code and when", () => {
    expect(northSomerset.given([]).when(legalStatus(" c1 ")).events()).toMatchObject([
      { _tag: "ChildRecordOpened" },
      { _tag: "LegalStatusChanged", code: "C1" },
      { _tag: "BecameLookedAfter", code: "C1" }
    ])
    expect(northSomerset.given([]).when(legalStatus("c2", london("2027-03-26", "10:00"), london("2027-03-25", "10:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "A legal status C2 starting at 10:00 Fri 26 Mar 2027 is still to come: record it once it has happened."
    })
  })

  it("a status from the same minute as the current one is recorded; the same code again after looked-after status ended starts a new period with it", () => {
    const police = northSomerset.play([legalStatus("L1")])
    expect(northSomerset.given(police).when(legalStatus("C1")).events()).toMatchObject([{ _tag: "LegalStatusChanged", code: "C1" }])
    const over = northSomerset.play([ended(london("2027-04-02", "16:00"), london("2027-04-02", "16:00"))], northSomerset.play([legalStatus("V2")]))
    const again = northSomerset.given(over).when(legalStatus("V2", london("2027-06-01", "10:00")))
    expect(again.events()).toMatchObject([
      { _tag: "LegalStatusChanged", code: "V2", from: london("2027-06-01", "10:00") },
      { _tag: "BecameLookedAfter", periodId: "la-2", code: "V2" }
    ])
  })

  it("a legal status from before the child ceased to be looked after cannot start a new period, and the refusal says when they ceased", () => {
    const over = northSomerset.play([ended(london("2027-04-02", "16:00"), london("2027-04-02", "16:00"))], lookedAfter())
    expect(northSomerset.given(over).when(legalStatus("C2", london("2027-04-01", "10:00"), london("2027-06-01", "10:00"))).refusal()).toMatchObject({
      _tag: "LegalStatusRefused",
      code: "C2",
      message: "The child ceased to be looked after at 16:00 Fri 2 Apr 2027; a legal status from 10:00 Thu 1 Apr 2027, before that, cannot start a new period."
    })
  })

  it("STAT-R33: looked-after status cannot end before it began, nor before the last review; the refusal says which", () => {
    expect(northSomerset.given(lookedAfter()).when(ended(london("2027-03-24", "10:00"), london("2027-03-26", "10:00"))).refusal()).toMatchObject({
      _tag: "LookedAfterRefused",
      ruleId: "STAT-R33",
      message: "Looked-after status cannot end at 10:00 Wed 24 Mar 2027, before it began at 10:00 Thu 25 Mar 2027."
    })
    const reviewed = northSomerset.play([review(london("2027-04-20", "14:00"))], lookedAfter())
    expect(northSomerset.given(reviewed).when(ended(london("2027-04-19", "10:00"), london("2027-04-21", "10:00"))).refusal()).toMatchObject({
      message: "Looked-after status cannot end at 10:00 Mon 19 Apr 2027, before the last review at 14:00 Tue 20 Apr 2027."
    })
    expect(northSomerset.given(reviewed).when(ended(london("2027-04-20", "14:00"), london("2027-04-21", "10:00"))).events(), "at the review's own minute").toHaveLength(1)
  })

  it("STAT-R33: an end with no reason, one still to come, or for a child not looked after is refused, each saying why; without a time it ends when recorded", () => {
    expect(northSomerset.given(lookedAfter()).when(ended(london("2027-04-02", "16:00"), london("2027-04-02", "16:00"), "   ")).refusal()).toMatchObject({
      ruleId: "STAT-R33",
      message: "Say why the child ceased to be looked after: the reason is empty."
    })
    expect(northSomerset.given(lookedAfter()).when(ended(london("2027-04-02", "17:00"), london("2027-04-02", "16:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The end of looked-after status at 17:00 Fri 2 Apr 2027 is still to come: record it once it has happened."
    })
    expect(northSomerset.given([]).when(ended(undefined, london("2027-04-02", "16:00"))).refusal()).toMatchObject({
      _tag: "LookedAfterRefused",
      ruleId: "STAT-R33",
      message: "The child is not recorded as looked after, so looked-after status cannot end."
    })
    expect(northSomerset.given(lookedAfter()).when(ended(undefined, london("2027-04-02", "16:00"), "  moved to live with her aunt ")).events()).toMatchObject([
      { _tag: "LookedAfterEnded", periodId: "la-1", endedAt: london("2027-04-02", "16:00"), reason: "moved to live with her aunt" }
    ])
  })

  it("STAT-R33: a review at the minute the child became looked after is recorded with the IRO's name trimmed; one before it, at the last review's minute, or still to come is refused", () => {
    const atStart = northSomerset.play([review(london("2027-03-25", "10:00"), "  Imogen Reyes ")], lookedAfter())
    expect(recordOf(atStart).lookedAfter[0]!.reviews.map((r) => r.iroName)).toEqual(["Imogen Reyes"])
    expect(northSomerset.given(lookedAfter()).when(review(london("2027-03-24", "10:00"), "Imogen Reyes", london("2027-03-26", "10:00"))).refusal()).toMatchObject({
      ruleId: "STAT-R33",
      message: "The child became looked after at 10:00 Thu 25 Mar 2027; a review at 10:00 Wed 24 Mar 2027 comes before it (STAT-R33)."
    })
    expect(northSomerset.given(atStart).when(review(london("2027-03-25", "10:00"), "Imogen Reyes", london("2027-03-26", "10:00"))).refusal()).toMatchObject({
      message: "A review held at 10:00 Thu 25 Mar 2027 is already recorded, chaired by Imogen Reyes (STAT-R33)."
    })
    expect(northSomerset.given(lookedAfter()).when(review(london("2027-04-20", "14:00"), "Imogen Reyes", london("2027-04-20", "13:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "A looked-after review held at 14:00 Tue 20 Apr 2027 is still to come: record it once it has happened."
    })
    expect(northSomerset.given([]).when(review(london("2027-04-20", "14:00"))).refusal()).toMatchObject({
      message: "The child is not recorded as looked after: record how they became looked after before a looked-after review (STAT-R33)."
    })
  })
})
