import { createHash } from "node:crypto"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { atLondon, type TimeOfDay } from "../../src/calendar/londonTime.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { Documents } from "../../src/documents/Documents.js"
import { type DocumentModel, textOf } from "../../src/documents/DocumentModel.js"
import { preset } from "../../src/policy/authorities/index.js"
import { AccessLog } from "../../src/ports/AccessLog.js"
import { EventStore } from "../../src/ports/EventStore.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { AuthorityId, ChildId, PanelId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { exampleForm } from "../../src/testing/exampleForm.js"
import { InMemoryAccessLog } from "../../src/testing/InMemoryAccessLog.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"
import { signingStore } from "./fixtures.js"

const fileOf = (document: DocumentModel) =>
  Effect.sync(() => {
    const bytes = JSON.stringify(document)
    return { bytes, sha256: createHash("sha256").update(bytes).digest("hex") }
  })

const nso = preset("north-somerset")
const nsoStaff = staffOf(nso.authority.id)

/** North Somerset's care proceedings for Morgan Vale agreed outside panel by the Head of Service (NSO-10), not yet by the Assistant Director. */
const agreedByHeadOfService = Effect.gen(function* () {
  yield* TestClock.setTime(atLondon("2027-06-01" as LocalDate, "09:00" as TimeOfDay).epochMillis)
  const request = yield* (yield* Referrals).createDraft(nsoStaff.socialWorker, exampleForm(PanelId.make(nso.panels[0]!.id), "care_proceedings", { id: "child-u", name: "Morgan Vale" }))
  const decision = yield* (yield* Decisions).recordOutsidePanel(nsoStaff.headOfService, request.id, {
    content: exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-21" as LocalDate, key: request.id }),
    whyOutsidePanel: "The child could not wait for the next sitting",
    timescales: "Agreed for two weeks, then reviewed"
  })
  return { request, decision }
})

const upload = { actor: nsoStaff.administrator, identityGranted: false, purpose: "Upload" }

describe("documents of a decision agreed outside panel (NSO-10)", () => {
  it.effect("its sheet says it was agreed outside panel and is not final; it is not uploaded until final, nor then without a sitting", () =>
    Effect.gen(function* () {
      const { decision } = yield* agreedByHeadOfService
      const documents = yield* Documents
      const childId = ChildId.make("child-u")
      const sheet = yield* documents.decisionSheet({ actor: nsoStaff.socialWorker, identityGranted: false, purpose: "Sheet" }, decision.id, childId)
      expect(sheet.subtitle).toBe(`North Somerset. Agreed outside panel 09:00 Tue 1 Jun 2027. Decision ${decision.id}.`)
      expect(sheet.watermark).toBe("NOT FINAL - AWAITING SIGN-OFF")
      expect(textOf(sheet)).toContain("Not final. Still needed: agreement by an Assistant Director.")

      const notFinal = yield* Effect.flip(documents.uploadDecisionSheet(upload, decision.id, childId, fileOf))
      expect(notFinal).toMatchObject({ _tag: "DecisionNotFinal", message: "The decision is not final: it is uploaded to the child's file once every sign-off is in." })
      yield* (yield* Decisions).agreeOutsidePanel(nsoStaff.assistantDirector, decision.id)
      const noSitting = yield* Effect.flip(documents.uploadDecisionSheet(upload, decision.id, childId, fileOf))
      expect(noSitting).toMatchObject({ _tag: "NotApplicable", message: "This decision was agreed outside panel: its record is uploaded with the sitting that hears it." })
      const filed = yield* Effect.flip(documents.filedDecisionSheet({ actor: nsoStaff.integrator, identityGranted: true, purpose: "x" }, decision.id, childId, fileOf))
      expect(filed).toMatchObject({ _tag: "NotFound" })
      // Refused uploads read nothing: the access log holds the sheet's one read only.
      expect((yield* (yield* AccessLog).forChild(nso.authority.id as never, childId)).map((entry) => entry.purpose)).toEqual(["Sheet"])
    }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(nso)), Layer.provideMerge(InMemoryAccessLog))))
  )

  it.effect("NSO-10: refused by the Assistant Director, its sheet says it was proposed and not agreed, who refused it, when and why", () =>
    Effect.gen(function* () {
      const { decision } = yield* agreedByHeadOfService
      yield* TestClock.setTime(atLondon("2027-06-02" as LocalDate, "09:00" as TimeOfDay).epochMillis)
      yield* (yield* Decisions).refuseOutsidePanel(nsoStaff.assistantDirector, decision.id, "Kinship care with the aunt has not been explored")
      const sheet = yield* (yield* Documents).decisionSheet({ actor: nsoStaff.socialWorker, identityGranted: false, purpose: "Sheet" }, decision.id, ChildId.make("child-u"))
      expect(sheet.subtitle).toBe(`North Somerset. Proposed outside panel 09:00 Tue 1 Jun 2027, not agreed. Decision ${decision.id}.`)
      expect(sheet.watermark).toBe("NOT AGREED")
      const text = textOf(sheet)
      expect(text[text.indexOf("Made") + 1]).toBe("proposed outside panel (NSO-10), 09:00 Tue 1 Jun 2027: not agreed")
      expect(text).toContain(
        "Not agreed: Ruth Fairholme (Assistant Director) refused it at 09:00 Wed 2 Jun 2027 (NSO-10): Kinship care with the aunt has not been explored. The proposal lapsed: none of its actions is owed, and the request can go to a sitting."
      )
      expect(text).not.toContain("Not final. Still needed: agreement by an Assistant Director.")
    }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(nso)), Layer.provideMerge(InMemoryAccessLog))))
  )

  it.effect("NSO-10: overtaken by a second agreement outside panel that both gave, the first proposal reads lapsed, and its sheet says when the request was decided", () =>
    Effect.gen(function* () {
      const { request, decision } = yield* agreedByHeadOfService
      const decisions = yield* Decisions
      yield* TestClock.setTime(atLondon("2027-06-03" as LocalDate, "09:00" as TimeOfDay).epochMillis)
      const second = yield* decisions.recordOutsidePanel(nsoStaff.headOfService, request.id, {
        content: exampleDecision(nso, "care_proceedings", "approve", { actionsDue: "2027-06-21" as LocalDate, key: "second" }),
        whyOutsidePanel: "The child's mother left the refuge overnight",
        timescales: "Agreed for two weeks, then reviewed"
      })
      yield* TestClock.setTime(atLondon("2027-06-03" as LocalDate, "11:00" as TimeOfDay).epochMillis)
      yield* decisions.agreeOutsidePanel(nsoStaff.assistantDirector, second.id)
      const first = yield* decisions.get(nsoStaff.assistantDirector, decision.id)
      expect([first.status, first.outsidePanel?.overtaken?.decisionId, first.outsidePanel?.overtaken?.atPanel]).toEqual(["lapsed", second.id, false])
      const sheet = yield* (yield* Documents).decisionSheet({ actor: nsoStaff.socialWorker, identityGranted: false, purpose: "Sheet" }, decision.id, ChildId.make("child-u"))
      expect(sheet.subtitle).toBe(`North Somerset. Proposed outside panel 09:00 Tue 1 Jun 2027, lapsed. Decision ${decision.id}.`)
      expect(textOf(sheet)).toContain("Lapsed: the request was decided outside panel at 11:00 Thu 3 Jun 2027 before it was agreed; none of its actions is owed.")
    }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(inMemoryCore(nso)), Layer.provideMerge(InMemoryAccessLog))))
  )

  const signing = signingStore()
  it.effect("NSO-8: a store that signs seals exactly the child's records, request and decision, before the bundle reads them; a child with no record is not found", () =>
    Effect.gen(function* () {
      const { request, decision } = yield* agreedByHeadOfService
      const documents = yield* Documents
      const bundleRequest = { actor: nsoStaff.assistantDirector, identityGranted: false, purpose: "Bundle" }
      const bundle = yield* documents.courtBundle(bundleRequest, ChildId.make("child-u"))
      const authorityId = AuthorityId.make(nso.authority.id)
      expect(signing.sealed.at(-1)).toEqual([
        { authorityId, streamType: "referral", id: request.id },
        { authorityId, streamType: "decision", id: decision.id }
      ])
      expect(bundle.manifest.integrity?.storeId).toBe("store-n")
      expect(bundle.manifest.events.map((event) => `${event.recordId} ${event.type}`)).toEqual([`${request.id} DraftCreated`, `${decision.id} OutsidePanelAgreementRecorded`, `${decision.id} OutsidePanelAgreed`])
      expect(bundle.document.subtitle).toBe("North Somerset. 1 request(s), 1 decision(s), 0 placement(s), 3 recorded events.")
      const before = signing.sealed.length
      expect(yield* Effect.flip(documents.courtBundle(bundleRequest, ChildId.make("child-nobody")))).toMatchObject({ _tag: "NotFound" })
      expect(signing.sealed).toHaveLength(before)
    }).pipe(Effect.provide(Documents.Default.pipe(Layer.provideMerge(Layer.mergeAll(inMemoryCore(nso), signing.layer)), Layer.provideMerge(InMemoryAccessLog))))
  )
})

const carePlanning = preset("care-planning")
const cpStaff = staffOf(carePlanning.authority.id)
const inCarePlanning = Documents.Default.pipe(Layer.provideMerge(inMemoryCore(carePlanning)), Layer.provideMerge(InMemoryAccessLog))
const elsewhere = (type: string, count: number) =>
  Effect.flatMap(EventStore, (store) =>
    store.append({
      stream: { authorityId: AuthorityId.make(carePlanning.authority.id), streamType: "elsewhere", id: type },
      expectedVersion: 0,
      events: Array.from({ length: count }, () => ({ type, data: {} })),
      readModels: [],
      notifications: []
    })
  )

describe("a filed decision sheet made again from the record as it stood (CPR-11)", () => {
  it.effect("reads every event before the upload, however many pages the authority's record runs to", () =>
    Effect.gen(function* () {
      // 1,500 events of another kind come first: the played week's records start on the second page of 1,000.
      yield* elsewhere("Unrelated", 1_500)
      const week = yield* playWeek(carePlanning, { uploads: false })
      const documents = yield* Documents
      const decision = week.decisions[0]!
      const childId = decision.subject.childIds[0]
      const uploaded = yield* documents.uploadDecisionSheet({ actor: cpStaff.administrator, identityGranted: false, purpose: "Upload" }, decision.id, childId, fileOf)
      const fetched = yield* documents.filedDecisionSheet({ actor: cpStaff.integrator, identityGranted: true, purpose: "Fetch" }, decision.id, childId, fileOf)
      expect(fetched.file.sha256).toBe(uploaded.file.sha256)
      expect(fetched.uploadedAt).toEqual(uploaded.sitting.record.uploads.find((entry) => entry.childId === childId)!.at)
    }).pipe(Effect.provide(inCarePlanning))
  )

  it.effect("a record that cannot be read is reported as such, never left out of the sheet", () =>
    Effect.gen(function* () {
      const week = yield* playWeek(carePlanning, { uploads: false })
      yield* Effect.flatMap(EventStore, (store) =>
        store.append({
          stream: { authorityId: AuthorityId.make(carePlanning.authority.id), streamType: "decision", id: "dec_unreadable" },
          expectedVersion: 0,
          events: [{ type: "DecisionRecorded", data: { nothing: "here" } }],
          readModels: [],
          notifications: []
        })
      )
      const documents = yield* Documents
      const decision = week.decisions[0]!
      const childId = decision.subject.childIds[0]
      yield* documents.uploadDecisionSheet({ actor: cpStaff.administrator, identityGranted: false, purpose: "Upload" }, decision.id, childId, fileOf)
      const failed = yield* Effect.flip(documents.filedDecisionSheet({ actor: cpStaff.integrator, identityGranted: true, purpose: "Fetch" }, decision.id, childId, fileOf))
      expect(failed).toMatchObject({ _tag: "PersistenceError", message: "Event 1 of dec_unreadable cannot be read." })
    }).pipe(Effect.provide(inCarePlanning))
  )
})
