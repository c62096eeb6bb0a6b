import { describe, expect, it } from "@effect/vitest"
import { redactedText } from "../../src/access/redactedText.js"
import { decisionSheet } from "../../src/documents/decisionSheet.js"
import type { DocumentReader } from "../../src/documents/DocumentReader.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { type MinutesInputs, sittingMinutes } from "../../src/documents/sittingMinutes.js"
import { minutesOf9June, readerAs } from "./fixtures.js"

// Fictional words staff might type about a child: a parent's conviction (UK GDPR art. 10), a diagnosis (art. 9).
const rationale = "Quillanby Marsh's conviction for assault at Brackenholt weighs against a return home"
const action = "Arrange the Zephyrine audiology assessment"
const grounds = "Grandmother Orlaith Venn was never assessed"
const area = "Thornbury respite"
const note = "Dr Pellinore joined by phone"

/** The sitting of 9 June with dec_1's rationale, first action (and its clock), dissent and the quorum note in those words. */
const written = (inputs: MinutesInputs): MinutesInputs => {
  const dec1 = inputs.decisions.find((decision) => decision.id === "dec_1")!
  const [first, ...rest] = dec1.content.actions
  const clockId = `dec_1:action:${first!.actionId}`
  return {
    ...inputs,
    sitting: { ...inputs.sitting, quorum: { enough: true, note, by: { personId: inputs.reader.actor.personId, name: "Martin Gorsley", role: "panel_chair" } } },
    decisions: inputs.decisions.map((decision) =>
      decision === dec1 ? { ...dec1, content: { ...dec1.content, rationale, actions: [{ ...first!, description: action }, ...rest] } } : decision
    ),
    disagreements: inputs.disagreements.map((disagreement) =>
      disagreement.decisionId === "dec_1" ? { ...disagreement, grounds, areas: [area] } : disagreement
    ),
    deadlines: inputs.deadlines.map((deadline) => (deadline.id === clockId ? { ...deadline, title: `${action} (social worker)` } : deadline))
  }
}

const minutesText = (reader: DocumentReader) => textOf(sittingMinutes(minutesOf9June(reader, written))).join("\n")

const sheetText = (reader: DocumentReader) => {
  const inputs = minutesOf9June(reader, written)
  const decision = inputs.decisions.find((candidate) => candidate.id === "dec_1")!
  return textOf(
    decisionSheet({
      ...inputs,
      decision,
      childId: "child-1",
      referral: inputs.referrals.find((referral) => referral.id === decision.subject.referralId),
      disagreements: inputs.disagreements.filter((disagreement) => disagreement.decisionId === "dec_1")
    })
  ).join("\n")
}

const words = [rationale, action, grounds, area, note]
const distinctive = ["Quillanby", "Brackenholt", "conviction", "Zephyrine", "audiology", "Orlaith", "Thornbury", "Pellinore"]

describe("free text in minutes and decision sheets, as the API answers it", () => {
  for (const [kind, text] of [["the minutes'", minutesText], ["a decision sheet's", sheetText]] as const) {
    it(`an integrator without the identity scope reads none of ${kind} words staff typed, only the API's marker; structured facts stay`, () => {
      const integrator = text(readerAs("integrator"))
      for (const word of distinctive) expect(integrator, word).not.toContain(word)
      expect(integrator).toContain(redactedText)
      expect(integrator).toContain("approved")
      expect(integrator).toContain("Sam Jessop")
      expect(integrator).toContain("Wed 30 Jun 2027")
    })

    it(`an integrator with the identity scope, and a chair, read ${kind} words`, () => {
      for (const reader of [readerAs("integrator", true), readerAs("chair")]) {
        const shown = text(reader)
        for (const typed of kind === "the minutes'" ? words : [rationale, action, grounds, area]) expect(shown).toContain(typed)
        expect(shown).not.toContain(redactedText)
      }
    })
  }
})
