import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Documents } from "../../src/documents/Documents.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { staffOf } from "../../src/testing/actors.js"
import { playWeek } from "../../src/testing/playWeek.js"
import { documentsCore, fileOf } from "../documents/documentsCore.js"

// CPR-11: each child's record is uploaded to the case system; NSO-8: decisions go to the child's file, where they may be
// read in court. When a signed decision is later amended (a typing error, or a disagreement that overturned it), the
// corrected sheet must be able to reach the child's file too: otherwise the file keeps the superseded decision. A second
// upload of the same sheet is still refused, and the CPR-11 clock stays met at the first upload.

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const core = documentsCore(policy)

describe("the amended decision sheet on the child's file", () => {
  it.effect("CPR-11: after an amendment the administrator files the amended sheet, which the case system then fetches; the upload clock stays met at the first upload", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy, { uploads: false })
      const [documents, decisions, deadlines] = yield* Effect.all([Documents, Decisions, Deadlines])
      const decision = week.decisions[0]!
      const childId = decision.subject.childIds[0]
      const request = { actor: staff.administrator, identityGranted: false, purpose: "Upload" }
      const first = yield* documents.uploadDecisionSheet(request, decision.id, childId, fileOf)

      yield* TestClock.adjust("3 days")
      yield* decisions.amend(staff.chair, decision.id, {
        content: { ...decision.content, rationale: "Approved for six weeks only, then back to panel" },
        whatChanged: "The length of the approval",
        why: "The dissent was upheld: the approval is limited to six weeks"
      })
      const again = yield* Effect.either(documents.uploadDecisionSheet(request, decision.id, childId, fileOf))
      expect(again._tag === "Right" ? again.right.sitting.record.uploads.filter((upload) => upload.childId === childId).map((upload) => upload.sheet?.amendments) : again.left.message).toEqual([0, 1])

      const fetched = yield* documents.filedDecisionSheet({ actor: staff.integrator, identityGranted: true, purpose: "fetch by the case system" }, decision.id, childId, fileOf)
      expect(fetched.file.sha256).not.toBe(first.file.sha256)
      expect(fetched.file.bytes).toContain("The dissent was upheld")

      // The case system is told of each sheet, the amended one with its own notice.
      const notices = (yield* (yield* Outbox).due("webhook", "2100-01-01T00:00:00.000Z", 1_000)).filter(
        (entry) => entry.notification.kind === "decision.sheet_uploaded" && entry.notification.facts.childId === childId
      )
      expect(notices.map((entry) => [entry.notification.facts.amendments, entry.notification.facts.sha256])).toEqual([
        [0, first.file.sha256],
        [1, fetched.file.sha256]
      ])

      // The same amended sheet twice is still refused.
      const twice = yield* Effect.either(documents.uploadDecisionSheet(request, decision.id, childId, fileOf))
      expect(twice._tag === "Left" ? twice.left.message : "uploaded").toBe("That child's record has already been uploaded.")
      const clock = (yield* deadlines.forAuthority(staff.administrator, { includeMet: true })).find((deadline) => deadline.id === `${week.sitting.id}:upload:${childId}`)
      expect({ metAt: clock?.metAt, metLate: clock?.metLate }).toEqual({ metAt: first.sitting.record.uploads.find((upload) => upload.childId === childId)?.at, metLate: false })
    }).pipe(Effect.provide(core))
  )
})
