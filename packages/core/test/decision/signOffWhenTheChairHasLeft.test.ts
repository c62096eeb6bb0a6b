import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Documents } from "../../src/documents/Documents.js"
import { preset } from "../../src/policy/authorities/index.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { signingStore } from "../documents/fixtures.js"
import { london } from "../fixtures.js"
import { onTheAgendaOfTheNinth } from "../readyRequest.js"

// CPR-11: the chair checks and returns the final record; the preset's sign-off is `bySittingChair`, so only the person
// who chaired the sitting may sign its decisions off. When that person is gone after the sitting (long-term sick, left
// the authority), the decisions stayed "awaiting sign-off" for ever and no decision sheet could go to the child's file.
// DEF-CHAIR-SIGNS now: a deputy the panel names to chair in the chair's absence (Care Planning's vice chair, CPR-1) may
// sign for them, only saying why the person who chaired cannot; the reason stays on the sign-off and its sheet.

const cpr = preset("care-planning")
const staff = staffOf("care-planning")
const core = Documents.Default.pipe(Layer.provideMerge(Layer.mergeAll(inMemoryCore(cpr), signingStore().layer)), Layer.provideMerge(InMemoryAccessLog))
const because = "Martin Gorsley has been signed off sick until further notice"

describe("a decision whose sitting's chair left before signing it off", () => {
  it.effect("CPR-11: the vice chair can sign off the decisions of a sitting whose chair has since left, saying why, and the sheet shows it", () =>
    Effect.gen(function* () {
      const [decisions, documents] = yield* Effect.all([Decisions, Documents])
      const { request, sitting } = yield* onTheAgendaOfTheNinth(cpr, "placement_change", { id: "child-p", name: "Jesse Marlowe" }, staff.chair)
      const content = exampleDecision(cpr, "placement_change", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "pc" })
      const recorded = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, content)
      expect(recorded.status).toBe("awaiting_sign_off")

      // Martin Gorsley, who chaired, is signed off sick the same afternoon; the vice chair takes up his work.
      yield* TestClock.setTime(london("2027-06-10", "09:00").epochMillis)
      const unexplained = yield* Effect.flip(decisions.signOff(staff.viceChair, recorded.id))
      expect(unexplained.message).toBe(
        "This decision is signed off by whoever chaired the sitting, Martin Gorsley (CPR-11); another holder of the role cannot sign for them. " +
          "If Martin Gorsley cannot sign it off, the vice chair may sign it off for them, giving the reason they cannot."
      )
      const blank = yield* Effect.flip(decisions.signOff(staff.viceChair, recorded.id, "  "))
      expect(blank._tag).toBe("InvalidInput")
      // The Assistant Director holds a chairing role but is not the deputy Care Planning names (CPR-1).
      const notTheDeputy = yield* Effect.flip(decisions.signOff(staff.assistantDirector, recorded.id, because))
      expect(notTheDeputy._tag).toBe("NotTheRightPerson")

      const signed = yield* decisions.signOff(staff.viceChair, recorded.id, because)
      expect(signed.status).toBe("final")
      expect(signed.signOffs).toMatchObject([{ role: "vice_chair", ruleId: "CPR-11", by: { name: "Alys Hartwell" }, forTheChair: { chair: { name: "Martin Gorsley" }, because } }])
      const sheet = yield* documents.decisionSheet({ actor: staff.viceChair, identityGranted: false, purpose: "File" }, recorded.id, "child-p")
      const signatures = sheet.sections.find((section) => section.heading === "Signed and finalised")!.blocks
      expect(signatures).toContainEqual(
        expect.objectContaining({ rows: [["vice chair", "CPR-11", `Alys Hartwell for the chair, Martin Gorsley, because ${because}`, "09:00 Thu 10 Jun 2027"]] })
      )
    }).pipe(Effect.provide(core))
  )

  it.effect("CPR-11: the person who chaired signs as before, and a reason they give is not recorded as signing for themselves", () =>
    Effect.gen(function* () {
      const decisions = yield* Decisions
      const { request, sitting } = yield* onTheAgendaOfTheNinth(cpr, "placement_change", { id: "child-q", name: "Rowan Marlowe" }, staff.chair)
      const content = exampleDecision(cpr, "placement_change", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "pc" })
      const recorded = yield* decisions.recordAtPanel(staff.administrator, request.id, sitting.id, content)
      const signed = yield* decisions.signOff(staff.chair, recorded.id, "Signing late after leave")
      expect(signed.status).toBe("final")
      expect(signed.signOffs).toEqual([expect.objectContaining({ role: "panel_chair", by: expect.objectContaining({ name: "Martin Gorsley" }) })])
      expect(signed.signOffs[0]!.forTheChair).toBeUndefined()
    }).pipe(Effect.provide(core))
  )
})
