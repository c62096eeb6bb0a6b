import { describe, expect, it } from "@effect/vitest"
import { Effect, } from "effect"
import { Documents } from "../../src/documents/Documents.js"
import { textOf } from "../../src/documents/DocumentModel.js"
import { preset } from "../../src/policy/authorities/index.js"
import { AccessLog } from "../../src/ports/AccessLog.js"
import { Outbox } from "../../src/ports/Outbox.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { ChildId, DecisionId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { playWeek } from "../../src/testing/playWeek.js"
import { documentsCore, fileOf } from "./documentsCore.js"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)

const core = documentsCore(policy)

describe("Documents use case", () => {
  it.effect("the final minutes of a played week, with the read written to the access log for every child heard", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy)
      const minutes = yield* (yield* Documents).minutes({ actor: staff.chair, identityGranted: false, purpose: "ReadMinutes" }, week.sitting.id)
      expect(minutes.stage).toBe("final")
      expect(minutes.watermark).toBeUndefined()
      expect(textOf(minutes).filter((line) => /^Item \d/.test(line))).toHaveLength(3)
      const childId = week.sitting.agenda[0]!.childIds[0]!
      const logged = yield* (yield* AccessLog).forChild(policy.authority.id as never, childId)
      expect(logged).toEqual([expect.objectContaining({ personId: staff.chair.personId, role: "panel_chair", purpose: "ReadMinutes", fields: expect.arrayContaining(["fullName", "decision"]) })])
    }).pipe(Effect.provide(core))
  )

  it.effect("CPR-11: a decision sheet explains the child's upload clock, met once the upload is recorded", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy)
      const decision = week.decisions[0]!
      const sheet = yield* (yield* Documents).decisionSheet({ actor: staff.socialWorker, identityGranted: false, purpose: "Sheet" }, decision.id, decision.subject.childIds[0])
      const clocks = sheet.sections.find((section) => section.heading === "Clocks and the rules behind them")!.blocks[0]!
      const upload = clocks._tag === "Table" ? clocks.rows.find((row) => row[1] === "CPR-11") : undefined
      expect(upload?.[0]).toContain(`uploaded to child ${decision.subject.childIds[0]}'s file`)
      expect(upload?.[3]).toMatch(/^met /)
    }).pipe(Effect.provide(core))
  )

  it.effect("refuses a caseworker the whole sitting's minutes, and answers NotFound for a child the decision is not about; nothing is logged", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy)
      const documents = yield* Documents
      const refused = yield* Effect.flip(documents.minutes({ actor: staff.socialWorker, identityGranted: false, purpose: "x" }, week.sitting.id))
      expect(refused._tag).toBe("NotPermitted")
      const missing = yield* Effect.flip(documents.decisionSheet({ actor: staff.chair, identityGranted: false, purpose: "x" }, week.decisions[0]!.id, "child-of-someone-else"))
      expect(missing).toMatchObject({ _tag: "NotFound", message: "No child on this decision with id child-of-someone-else was found." })
      const noSitting = yield* Effect.flip(documents.minutes({ actor: staff.chair, identityGranted: false, purpose: "x" }, SittingId.make("sit_nope")))
      expect(noSitting).toMatchObject({ _tag: "NotFound", message: "No sitting with id sit_nope was found." })
      const noDecision = yield* Effect.flip(documents.decisionSheet({ actor: staff.chair, identityGranted: false, purpose: "x" }, DecisionId.make("dec_nope"), "c"))
      expect(noDecision).toMatchObject({ _tag: "NotFound", message: "No decision with id dec_nope was found." })
      const logged = yield* (yield* AccessLog).forChild(policy.authority.id as never, ChildId.make(week.sitting.agenda[0]!.childIds[0]!))
      expect(logged).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("uploading a decision sheet is the administrator's, for a child not yet uploaded: a second upload is refused", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy)
      const documents = yield* Documents
      const decision = week.decisions[0]!
      const request = { actor: staff.administrator, identityGranted: false, purpose: "Upload" }
      const again = yield* Effect.flip(documents.uploadDecisionSheet(request, decision.id, decision.subject.childIds[0], fileOf))
      expect(again).toMatchObject({ _tag: "SittingNotInState", message: "That child's record has already been uploaded." })
      const notAdministrator = yield* Effect.flip(documents.uploadDecisionSheet({ ...request, actor: staff.socialWorker }, decision.id, decision.subject.childIds[0], fileOf))
      expect(notAdministrator._tag).toBe("NotPermitted")
    }).pipe(Effect.provide(core))
  )

  it.effect("a court bundle for one child: its records in order, every event of each record from version 1, the read logged", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy)
      const decision = week.decisions[0]!
      const childId = decision.subject.childIds[0]
      const bundle = yield* (yield* Documents).courtBundle({ actor: staff.assistantDirector, identityGranted: false, purpose: "Bundle" }, childId)
      expect(bundle.document.sections.map((section) => section.heading)).toEqual(["The child", "Chronology", "Requests", "Decisions", "Dissent", "Placements and extensions", "Statutory record", "Statutory clocks", "Integrity appendix"])
      const positions = bundle.manifest.events.map((event) => event.position)
      expect(positions).toEqual([...positions].sort((a, b) => a - b))
      const streams = new Map<string, number[]>()
      for (const event of bundle.manifest.events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event.version])
      expect([...streams.keys()].sort()).toEqual([`${policy.authority.id}/decision/${decision.id}`, `${policy.authority.id}/referral/${decision.subject.referralId}`])
      for (const versions of streams.values()) expect(versions).toEqual(versions.map((_, i) => i + 1))
      expect(textOf(bundle.document)).toContain("DecisionSignedOff")
      const logged = yield* (yield* AccessLog).forChild(policy.authority.id as never, childId)
      expect(logged.find((entry) => entry.purpose === "Bundle")).toMatchObject({ role: "assistant_director" })
      const refused = yield* Effect.flip((yield* Documents).courtBundle({ actor: staff.integrator, identityGranted: true, purpose: "x" }, childId))
      expect(refused._tag).toBe("NotPermitted")
    }).pipe(Effect.provide(core))
  )

  it.effect("CPR-11: the sheet filed on a child's file is made again byte for byte for the case system, after an amendment too; its notice carries the hash", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy, { uploads: false })
      const documents = yield* Documents
      const decision = week.decisions[0]!
      const childId = decision.subject.childIds[0]
      const before = yield* Effect.flip(documents.filedDecisionSheet({ actor: staff.integrator, identityGranted: true, purpose: "x" }, decision.id, childId, fileOf))
      expect(before).toMatchObject({ _tag: "NotFound", message: `No decision sheet filed for this child with id ${decision.id}/${childId} was found.` })
      const uploaded = yield* documents.uploadDecisionSheet({ actor: staff.administrator, identityGranted: false, purpose: "Upload" }, decision.id, childId, fileOf)
      expect(uploaded.sitting.record.uploads.find((upload) => upload.childId === childId)?.sheet).toMatchObject({ decisionId: decision.id, sha256: uploaded.file.sha256, amendments: 0 })

      const notices = (yield* (yield* Outbox).due("webhook", "2100-01-01T00:00:00.000Z", 1_000)).filter((entry) => entry.notification.kind === "decision.sheet_uploaded")
      expect(notices).toHaveLength(1)
      expect(notices[0]!.notification.facts).toMatchObject({ decisionId: decision.id, referralId: decision.subject.referralId, childId, sha256: uploaded.file.sha256, stage: "final", mediaType: "application/pdf", ruleId: "CPR-11" })
      // The request named its social worker: the sheet is news for her, found through the request the upload names.
      expect(notices[0]!.notification.recipients).toEqual([expect.objectContaining({ _tag: "Person", personId: "priya-ashdown" })])

      yield* Effect.flatMap(Decisions, (decisions) =>
        decisions.amend(staff.chair, decision.id, { content: { ...decision.content, rationale: "Approved, with a review in six weeks" }, whatChanged: "A review was added", why: "The chair asked for one" })
      )
      const fetched = yield* documents.filedDecisionSheet({ actor: staff.integrator, identityGranted: true, purpose: "fetch by mosaic" }, decision.id, childId, fileOf)
      expect(fetched.file.sha256).toBe(uploaded.file.sha256)
      expect(fetched.file.bytes).toBe(uploaded.file.bytes)
      expect(textOf(fetched.document)).not.toContain("A review was added")
      const now = yield* documents.decisionSheet({ actor: staff.administrator, identityGranted: false, purpose: "x" }, decision.id, childId)
      expect(textOf(now)).toContain("A review was added")

      const logged = yield* (yield* AccessLog).forChild(policy.authority.id as never, childId)
      expect(logged.filter((entry) => entry.purpose === "fetch by mosaic")).toEqual([expect.objectContaining({ personId: staff.integrator.personId, role: "integrator" })])
      const otherChild = yield* Effect.flip(documents.filedDecisionSheet({ actor: staff.integrator, identityGranted: true, purpose: "x" }, decision.id, ChildId.make("child-b"), fileOf))
      expect(otherChild._tag).toBe("NotFound")
      const changed = yield* Effect.flip(documents.filedDecisionSheet({ actor: staff.integrator, identityGranted: true, purpose: "changed" }, decision.id, childId, (document) => fileOf({ ...document, title: "Changed" })))
      expect(changed).toMatchObject({
        _tag: "FiledSheetChanged",
        message: `The decision sheet filed for child ${childId} cannot be made again exactly (its hash is not the one sent), so it is not returned. Ask the panel administrator for the copy on the child's file.`
      })
      const afterRefusals = yield* (yield* AccessLog).forChild(policy.authority.id as never, childId)
      expect(afterRefusals.filter((entry) => entry.purpose === "changed")).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("CPR-11: with two children's sheets filed from one sitting, each is made again from its own upload", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(policy, { uploads: false })
      const documents = yield* Documents
      const [first, , third] = week.decisions
      const upload = (decision: typeof first) =>
        documents.uploadDecisionSheet({ actor: staff.administrator, identityGranted: false, purpose: "Upload" }, decision!.id, decision!.subject.childIds[0], fileOf)
      const filed = [yield* upload(first), yield* upload(third)]
      for (const [index, decision] of [first, third].entries()) {
        const fetched = yield* documents.filedDecisionSheet({ actor: staff.integrator, identityGranted: true, purpose: "Fetch" }, decision!.id, decision!.subject.childIds[0], fileOf)
        expect(fetched.file.sha256).toBe(filed[index]!.file.sha256)
        expect(fetched.document.title).toBe(filed[index]!.document.title)
      }
      expect(filed[0]!.file.sha256).not.toBe(filed[1]!.file.sha256)
    }).pipe(Effect.provide(core))
  )
})
