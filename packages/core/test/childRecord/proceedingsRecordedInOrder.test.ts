import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset } from "./fixtures.js"

// Dates typed after the event: a step that comes before what the record already holds would start a clock from, or
// meet one at, an instant when the child's pre-proceedings or proceedings were elsewhere.
type When = ReturnType<typeof london>
const letter = (sentAt: When, at: When = london("2027-06-01", "10:00")) => cmd({ _tag: "RecordLetterBeforeProceedings", sentAt }, at)
const issued = (issuedAt: When, at: When = london("2027-06-01", "10:00")) => cmd({ _tag: "RecordProceedingsIssued", issuedAt }, at)
const inPreProceedings = () => northSomerset.play([letter(london("2027-01-11", "10:00"), london("2027-01-11", "10:00"))])
const concludedOn4May = () =>
  northSomerset.play([
    issued(london("2027-01-04", "10:00"), london("2027-01-04", "10:00")),
    cmd({ _tag: "RecordProceedingsConcluded", concludedAt: london("2027-05-04", "15:00") }, london("2027-05-04", "16:00"))
  ])

describe("pre-proceedings and proceedings recorded in the order they happened (STAT-PLO, STAT-S31)", () => {
  it("STAT-PLO: proceedings issued before the letter that began pre-proceedings are refused, instead of meeting its 16 weeks before they began", () => {
    expect(northSomerset.given(inPreProceedings()).when(issued(london("2027-01-04", "10:00"))).refusal()).toMatchObject({
      _tag: "ProceedingsRefused",
      ruleId: "STAT-PLO",
      message: "Pre-proceedings began with the letter at 10:00 Mon 11 Jan 2027; proceedings issued at 10:00 Mon 4 Jan 2027 come before it (STAT-PLO)."
    })
  })

  it("STAT-S31: new proceedings, or a new letter, dated before the earlier proceedings concluded are refused, naming the conclusion", () => {
    expect(northSomerset.given(concludedOn4May()).when(issued(london("2027-03-01", "10:00"))).refusal()).toMatchObject({
      ruleId: "STAT-S31",
      message: "The earlier care proceedings concluded at 15:00 Tue 4 May 2027; proceedings issued at 10:00 Mon 1 Mar 2027 come before that (STAT-S31)."
    })
    expect(northSomerset.given(concludedOn4May()).when(letter(london("2027-03-01", "10:00"))).refusal()).toMatchObject({
      ruleId: "STAT-S31",
      message: "The earlier care proceedings concluded at 15:00 Tue 4 May 2027; a letter before proceedings at 10:00 Mon 1 Mar 2027 comes before that (STAT-S31)."
    })
    expect(northSomerset.given(concludedOn4May()).when(letter(london("2027-05-04", "15:00"))).events(), "at the conclusion's own minute").toMatchObject([{ _tag: "LetterBeforeProceedingsSent" }])
  })

  it("STAT-PLO: after a step-down, a letter or proceedings dated before it are refused, naming the step-down", () => {
    const steppedDown = northSomerset.play([cmd({ _tag: "EndPreProceedings", endedAt: london("2027-03-01", "09:00") }, london("2027-03-01", "09:30"))], inPreProceedings())
    expect(northSomerset.given(steppedDown).when(letter(london("2027-02-20", "10:00"))).refusal()).toMatchObject({
      ruleId: "STAT-PLO",
      message: "Pre-proceedings ended at 09:00 Mon 1 Mar 2027; a letter before proceedings at 10:00 Sat 20 Feb 2027 comes before that (STAT-PLO)."
    })
    expect(northSomerset.given(steppedDown).when(issued(london("2027-02-20", "10:00"))).refusal()).toMatchObject({
      message: "Pre-proceedings ended at 09:00 Mon 1 Mar 2027; proceedings issued at 10:00 Sat 20 Feb 2027 come before that (STAT-PLO)."
    })
  })
})
