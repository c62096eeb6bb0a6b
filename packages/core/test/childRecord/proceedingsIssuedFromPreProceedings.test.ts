import { describe, expect, it } from "@effect/vitest"
import { london } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// Pre-proceedings that lead straight to care proceedings: no step-down is recorded, the issue itself ends them.
type When = ReturnType<typeof london>
const letter = (sentAt: When) => cmd({ _tag: "RecordLetterBeforeProceedings", sentAt }, sentAt)
const issued = (issuedAt: When) => cmd({ _tag: "RecordProceedingsIssued", issuedAt }, issuedAt)
const concluded = (concludedAt: When) => cmd({ _tag: "RecordProceedingsConcluded", concludedAt }, concludedAt)
const stepDown = (at: When) => cmd({ _tag: "EndPreProceedings" }, at)
const issuedFromLetter = () => northSomerset.play([letter(london("2027-01-11", "10:00")), issued(london("2027-03-01", "10:00"))])

describe("care proceedings issued from pre-proceedings (STAT-PLO, STAT-S31)", () => {
  it("STAT-PLO: once proceedings are issued from pre-proceedings, pre-proceedings cannot also be ended: the child is not in them", () => {
    expect(northSomerset.given(issuedFromLetter()).when(stepDown(london("2027-03-02", "09:00"))).refusal()).toMatchObject({
      _tag: "ProceedingsRefused",
      ruleId: "STAT-PLO",
      message: "The child is not in pre-proceedings (STAT-PLO)."
    })
  })

  it("STAT-PLO: after those proceedings conclude, a new letter starts a new cycle of pre-proceedings, from its own date", () => {
    const over = northSomerset.play([concluded(london("2027-08-30", "15:00"))], issuedFromLetter())
    const events = northSomerset.given(over).when(letter(london("2028-02-07", "10:00"))).events()
    expect(events).toEqual([expect.objectContaining({ _tag: "LetterBeforeProceedingsSent", sentAt: london("2028-02-07", "10:00") })])
    expect(recordOf([...over, ...events]).proceedings).toEqual({ extensions: [], letterSentAt: london("2028-02-07", "10:00") })
  })
})
