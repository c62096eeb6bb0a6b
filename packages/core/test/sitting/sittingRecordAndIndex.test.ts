import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, Schema, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { TimeOfDay } from "../../src/calendar/londonTime.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { AuthorityId, ChildId, DecisionId, PanelId, ReferralId } from "../../src/shared/ids.js"
import { sittingCollection } from "../../src/sitting/sittingAggregate.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { evolveSitting } from "../../src/sitting/evolveSitting.js"
import { SittingEvent } from "../../src/sitting/SittingEvents.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { london } from "../fixtures.js"

const core = Sittings.Default.pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("care-planning")), EnglandAndWalesCalendar))
)
const staff = staffOf("care-planning")
const panelId = PanelId.make("care-planning-and-resources")
const authorityId = AuthorityId.make("care-planning")
const wednesday = "2027-06-09" as LocalDate

/** Two requests for three children; the siblings' request names one of them twice over the two items. */
const entries = [
  { referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1"), ChildId.make("child-2")], kind: "request" as const, summary: "Siblings' placement" },
  { referralId: ReferralId.make("ref_2"), childIds: [ChildId.make("child-2"), ChildId.make("child-3")], kind: "request" as const, summary: "Respite" }
]

/** The use cases, on Tue 1 Jun 2027 at 09:00: every sitting below is still to come. */
const sittingsOnFirstJune = Effect.zipLeft(Sittings, TestClock.setTime(london("2027-06-01", "09:00").epochMillis))
const chairActing = { personId: staff.chair.personId, name: staff.chair.name, role: "panel_chair" as const }

const sittingsWhere = (where: Record<string, string | number | boolean>) =>
  Effect.flatMap(ReadModels, (readModels) => readModels.query({ collection: sittingCollection, authorityId, where })).pipe(
    Effect.map((rows) => rows.map((row) => row.id))
  )

describe("a sitting as an integrator finds it, and its record as the administrator files it", () => {
  it.effect("the sittings read model is found by panel, date, request, child and whether it was cancelled; each child is indexed once", () =>
    Effect.gen(function* () {
      const sittings = yield* sittingsOnFirstJune
      const heard = yield* sittings.schedule(staff.administrator, panelId, wednesday)
      const called = yield* sittings.schedule(staff.administrator, panelId, "2027-06-16" as LocalDate)
      yield* sittings.buildAgenda(staff.administrator, heard.id, entries)
      yield* sittings.cancel(staff.chair, called.id, "No business this week")

      expect(yield* sittingsWhere({ panelId })).toEqual([heard.id, called.id])
      expect(yield* sittingsWhere({ date: wednesday })).toEqual([heard.id])
      expect(yield* sittingsWhere({ referralIds: "ref_2" })).toEqual([heard.id])
      expect(yield* sittingsWhere({ childIds: "child-3" })).toEqual([heard.id])
      expect(yield* sittingsWhere({ cancelled: true })).toEqual([called.id])
      expect(yield* sittingsWhere({ cancelled: false })).toEqual([heard.id])
      const [row] = (yield* Effect.flatMap(ReadModels, (readModels) => readModels.query({ collection: sittingCollection, authorityId, where: { date: wednesday } })))
      expect(row?.index.childIds).toEqual(["child-1", "child-2", "child-3"])
      expect(row?.index.referralIds).toEqual(["ref_1", "ref_2"])
    }).pipe(Effect.provide(core))
  )

  it.effect("a cancelled sitting keeps who cancelled it and why", () =>
    Effect.gen(function* () {
      const sittings = yield* sittingsOnFirstJune
      const sitting = yield* sittings.schedule(staff.administrator, panelId, wednesday)
      const cancelled = yield* sittings.cancel(staff.chair, sitting.id, "No business this week")
      expect(cancelled.cancelled).toEqual({ reason: "No business this week", by: chairActing })
      expect((yield* sittings.get(staff.administrator, sitting.id)).cancelled?.reason).toBe("No business this week")
    }).pipe(Effect.provide(core))
  )

  it.effect("an extra sitting runs at the hours it was given, not the panel's usual ones", () =>
    Effect.gen(function* () {
      const sittings = yield* sittingsOnFirstJune
      const extra = yield* sittings.schedule(staff.administrator, panelId, "2027-06-11" as LocalDate, { hours: { start: "14:00" as TimeOfDay, end: "15:30" as TimeOfDay } })
      expect([extra.startsAt, extra.endsAt]).toEqual([london("2027-06-11", "14:00"), london("2027-06-11", "15:30")])
      const usual = yield* sittings.schedule(staff.administrator, panelId, wednesday)
      expect([usual.startsAt, usual.endsAt]).toEqual([london("2027-06-09", "09:30"), london("2027-06-09", "13:00")])
    }).pipe(Effect.provide(core))
  )

  it.effect("CPR-11: an upload filed with the sheet Carepanel made keeps that sheet on the record; one recorded by hand has none", () =>
    Effect.gen(function* () {
      const sittings = yield* sittingsOnFirstJune
      const sitting = yield* sittings.schedule(staff.administrator, panelId, wednesday)
      yield* sittings.buildAgenda(staff.administrator, sitting.id, entries)
      yield* TestClock.setTime(london("2027-06-09", "14:00").epochMillis)
      yield* sittings.sendDraftRecordToChair(staff.administrator, sitting.id)
      yield* sittings.returnFinalRecord(staff.chair, sitting.id)
      const sheet = { decisionId: DecisionId.make("dec_1"), sha256: "b".repeat(64), generatedAt: london("2027-06-09", "16:00"), amendments: 0 }
      yield* sittings.recordChildUploaded(staff.administrator, sitting.id, ChildId.make("child-1"), ReferralId.make("ref_1"), sheet)
      const filed = yield* sittings.recordChildUploaded(staff.administrator, sitting.id, ChildId.make("child-3"), ReferralId.make("ref_2"))
      expect(filed.record.uploads).toEqual([
        { childId: "child-1", at: london("2027-06-09", "14:00"), sheet },
        { childId: "child-3", at: london("2027-06-09", "14:00") }
      ])
    }).pipe(Effect.provide(core))
  )

  it("a stream whose first event is not the scheduling folds to no sitting, whatever follows", () => {
    const audit = { by: chairActing, at: london("2027-06-01", "09:00") }
    expect(evolveSitting(undefined, { _tag: "SittingCancelled", reason: "No business", ...audit })).toBeUndefined()
    expect(evolveSitting(undefined, { _tag: "AgendaBuilt", items: [], ...audit })).toBeUndefined()
  })

  it("an agenda sent before papers could follow later was sent with its papers: such a stored event still reads so", () => {
    const stored = { _tag: "AgendaPublished", by: { personId: "dev-ingleby", name: "Dev Ingleby", role: "panel_administrator" }, at: "2026-03-04T10:00:00.000Z" }
    expect(Schema.decodeUnknownSync(SittingEvent)(stored)).toMatchObject({ _tag: "AgendaPublished", withPapers: true })
  })
})
