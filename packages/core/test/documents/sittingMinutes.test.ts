import { describe, expect, it } from "@effect/vitest"
import { accessRecords } from "../../src/access/ChildRead.js"
import { readBy } from "../../src/documents/DocumentReader.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { sittingMinutes } from "../../src/documents/sittingMinutes.js"
import { afterHours, minutesOf9June, readerAs } from "./fixtures.js"

const indexOf = (texts: ReadonlyArray<string>, needle: string, from = 0) => texts.findIndex((text, i) => i >= from && text.includes(needle))

describe("the minutes of a sitting", () => {
  const minutes = sittingMinutes(minutesOf9June(readerAs("chair")))
  const text = textOf(minutes)

  it("CPR-10: attendance, then each agenda item in order with discussion, decision, actions and dissent", () => {
    const order = ["Attendance", "Martin Gorsley", "apologies", "Item 1", "What is working well", "School attendance", "Decision", "approved", "Proportionate to the risks described", "Family group conference", "Dissent", "Sam Jessop", "Accommodation is not the least intrusive option", "upheld", "Item 2", "deferred", "No member dissented", "Item 3", "Item 4", "declined", "No actions were set", "The record's clocks"]
    let at = 0
    for (const needle of order) {
      const found = indexOf(text, needle, at)
      expect(found, `"${needle}" after position ${at}`).toBeGreaterThanOrEqual(at)
      at = found
    }
    expect(text.filter((line) => /^Item \d/.test(line))).toHaveLength(4)
  })

  it("names each action's owner and due date, and the chair's quorum decision when recorded", () => {
    expect(text).toContain("Wed 30 Jun 2027")
    expect(text).toContain("social worker")
    expect(text).toContain("The chair's decision on quorum was not recorded.")
    const decided = sittingMinutes(minutesOf9June(readerAs("chair"), (inputs) => ({
      ...inputs,
      sitting: { ...inputs.sitting, quorum: { enough: true, note: "Three members and the chair", by: { personId: inputs.reader.actor.personId, name: "Martin Gorsley", role: "panel_chair" } } }
    })))
    expect(textOf(decided)).toContain("Martin Gorsley (chair) found enough members present to proceed: Three members and the chair.")
  })

  it("CPR-11: watermarked as a draft, then as with the chair, and without a watermark once final", () => {
    expect([minutes.stage, minutes.watermark]).toEqual(["draft", "DRAFT - NOT FOR CIRCULATION"])
    const withChair = sittingMinutes(minutesOf9June(readerAs("chair"), (inputs) => ({ ...inputs, sitting: { ...inputs.sitting, record: { uploads: [], draftSentAt: afterHours(-800) } } })))
    expect([withChair.stage, withChair.watermark]).toEqual(["with_chair", "DRAFT - WITH THE CHAIR FOR CHECKING"])
    const final = sittingMinutes(minutesOf9June(readerAs("chair"), (inputs) => ({ ...inputs, sitting: { ...inputs.sitting, record: { uploads: [], draftSentAt: afterHours(-800), finalAt: afterHours(-790) } } })))
    expect(final.stage).toBe("final")
    expect(final.watermark).toBeUndefined()
    expect(textOf(final).some((line) => line.startsWith("Final record, returned by the chair"))).toBe(true)
  })

  it("names the children for staff; an integrator without the identity grant reads ids and no name, even in free text", () => {
    expect(text).toContain("Test Child 1 (child-1)")
    const named = (inputs: ReturnType<typeof minutesOf9June>) => ({
      ...inputs,
      decisions: inputs.decisions.map((decision) => ({ ...decision, content: { ...decision.content, rationale: `Test Child 1 needs a stable home` } }))
    })
    const integrator = textOf(sittingMinutes(minutesOf9June(readerAs("integrator"), named)))
    expect(integrator.join("\n")).not.toContain("Test Child")
    expect(integrator).toContain("Child child-1")
    expect(integrator).toContain("the child needs a stable home")
    const granted = textOf(sittingMinutes(minutesOf9June(readerAs("integrator", true), named)))
    expect(granted).toContain("Test Child 1 needs a stable home")
  })

  it("a read is one access-log entry per child heard, with the fields read and never their values", () => {
    const records = accessRecords(readBy(readerAs("integrator"), "MinutesForCaseSystem", afterHours(0)), sittingMinutes(minutesOf9June(readerAs("integrator"))).reads)
    expect(records.map((record) => record.childId)).toEqual(["child-1", "child-2", "child-3", "child-5"])
    expect(records[0]).toMatchObject({ personId: "case-system-bridge", role: "integrator", purpose: "MinutesForCaseSystem", at: "2027-07-15T08:00:00.000Z" })
    expect(records[0]!.fields).not.toContain("fullName")
    expect(accessRecords(readBy(readerAs("chair"), "Minutes", afterHours(0)), minutes.reads)[0]!.fields).toContain("fullName")
  })
})
