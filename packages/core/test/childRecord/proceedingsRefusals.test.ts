import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset } from "./fixtures.js"

type When = ReturnType<typeof london>
const letter = (sentAt: When = london("2027-01-11", "10:00"), at: When = sentAt) => cmd({ _tag: "RecordLetterBeforeProceedings", sentAt }, at)
const issued = (issuedAt: When = london("2027-03-01", "10:00"), at: When = issuedAt) => cmd({ _tag: "RecordProceedingsIssued", issuedAt }, at)
const stepDown = (at: When, endedAt?: When) => cmd({ _tag: "EndPreProceedings", ...(endedAt === undefined ? {} : { endedAt }) }, at)
const concluded = (at: When, concludedAt?: When) => cmd({ _tag: "RecordProceedingsConcluded", ...(concludedAt === undefined ? {} : { concludedAt }) }, at)
const extend = (weeks: number, at: When = london("2027-08-20", "10:00")) => cmd({ _tag: "ExtendProceedings", weeks }, at)

describe("pre-proceedings and care proceedings: what is refused, and why (STAT-PLO, STAT-S31)", () => {
  it("STAT-PLO: a letter while care proceedings are under way is refused; after a step-down a new letter starts pre-proceedings again", () => {
    expect(northSomerset.given(northSomerset.play([letter(), issued()])).when(letter(london("2027-04-01", "10:00"))).refusal()).toMatchObject({
      _tag: "ProceedingsRefused",
      ruleId: "STAT-PLO",
      message: "The child is already in care proceedings (STAT-PLO)."
    })
    const steppedDown = northSomerset.play([letter(), stepDown(london("2027-03-01", "09:00"))])
    expect(northSomerset.given(steppedDown).when(letter(london("2027-06-01", "10:00"))).events()).toMatchObject([{ _tag: "LetterBeforeProceedingsSent" }])
  })

  it("STAT-PLO: pre-proceedings end only once begun, not before the letter and not in the future; without a time they end when recorded", () => {
    expect(northSomerset.given([]).when(stepDown(london("2027-03-01", "09:00"))).refusal()).toMatchObject({ ruleId: "STAT-PLO", message: "The child is not in pre-proceedings (STAT-PLO)." })
    const begun = northSomerset.play([letter()])
    expect(northSomerset.given(begun).when(stepDown(london("2027-03-01", "09:00"), london("2027-01-10", "09:00"))).refusal()).toMatchObject({
      ruleId: "STAT-PLO",
      message: "Pre-proceedings began with the letter at 10:00 Mon 11 Jan 2027; they cannot have ended before (STAT-PLO)."
    })
    expect(northSomerset.given(begun).when(stepDown(london("2027-03-01", "09:00"), london("2027-03-01", "10:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The end of pre-proceedings at 10:00 Mon 1 Mar 2027 is still to come: record it once it has happened."
    })
    expect(northSomerset.given(begun).when(stepDown(london("2027-03-01", "09:00"))).events()).toMatchObject([{ _tag: "PreProceedingsEnded", endedAt: london("2027-03-01", "09:00") }])
    expect(northSomerset.given(begun).when(stepDown(london("2027-03-01", "09:00"), london("2027-01-11", "10:00"))).events(), "the letter's own minute").toHaveLength(1)
  })

  it("STAT-PLO, STAT-S31: a letter or an issue still to come is refused, saying which and when", () => {
    expect(northSomerset.given([]).when(letter(london("2027-01-11", "10:00"), london("2027-01-11", "09:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "A letter before proceedings sent at 10:00 Mon 11 Jan 2027 is still to come: record it once it has happened."
    })
    expect(northSomerset.given([]).when(issued(london("2027-03-01", "10:00"), london("2027-03-01", "09:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The issue of care proceedings at 10:00 Mon 1 Mar 2027 is still to come: record it once it has happened."
    })
  })

  it("STAT-S31: the court extends by 1 to 8 whole weeks; none, part of a week or more than 8 is refused", () => {
    const under = northSomerset.play([issued()])
    expect(northSomerset.given(under).when(extend(1)).events()).toMatchObject([{ _tag: "ProceedingsExtended", weeks: 1, endsAt: london("2027-09-06", "10:00") }])
    expect(northSomerset.given(under).when(extend(8)).events()).toMatchObject([{ _tag: "ProceedingsExtended", weeks: 8 }])
    for (const weeks of [0, 2.5]) {
      expect(northSomerset.given(under).when(extend(weeks)).refusal()).toMatchObject({
        ruleId: "STAT-S31",
        message: `The court extends care proceedings by a whole number of weeks from 1 to 8 at a time, not ${weeks} (STAT-S31).`
      })
    }
  })

  it("STAT-S31: proceedings conclude only while under way, not before their issue and not in the future; without a time they conclude when recorded", () => {
    expect(northSomerset.given([]).when(concluded(london("2027-08-02", "15:00"))).refusal()).toMatchObject({
      ruleId: "STAT-S31",
      message: "There are no care proceedings under way to conclude (STAT-S31)."
    })
    const under = northSomerset.play([issued()])
    expect(northSomerset.given(under).when(concluded(london("2027-08-02", "15:00"), london("2027-02-28", "10:00"))).refusal()).toMatchObject({
      ruleId: "STAT-S31",
      message: "The proceedings were issued at 10:00 Mon 1 Mar 2027; they cannot have concluded before (STAT-S31)."
    })
    expect(northSomerset.given(under).when(concluded(london("2027-08-02", "15:00"), london("2027-08-02", "16:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The conclusion of care proceedings at 16:00 Mon 2 Aug 2027 is still to come: record it once it has happened."
    })
    expect(northSomerset.given(under).when(concluded(london("2027-08-02", "15:00"))).events()).toMatchObject([{ _tag: "ProceedingsConcluded", concludedAt: london("2027-08-02", "15:00") }])
    expect(northSomerset.given(under).when(concluded(london("2027-08-02", "15:00"), london("2027-03-01", "10:00"))).events(), "the issue's own minute").toHaveLength(1)
  })

  it("STAT-S31: after proceedings concluded, new ones are issued and run their own 26 weeks", () => {
    const done = northSomerset.play([issued(), concluded(london("2027-08-02", "15:00"))])
    expect(northSomerset.given(done).when(issued(london("2028-01-10", "10:00"))).events()).toMatchObject([{ _tag: "ProceedingsIssued", issuedAt: london("2028-01-10", "10:00") }])
  })
})
