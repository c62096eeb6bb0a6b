import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import { ChildId, PanelId, PersonId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { actorAt, staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { london } from "../fixtures.js"

/** Two authorities on one store, so tenancy is tested against a real sitting of the other. */
const core = Sittings.Default.pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("care-planning"), preset("knowsley")), EnglandAndWalesCalendar))
)
const cpr = staffOf("care-planning")
const kno = staffOf("knowsley")
const panelId = PanelId.make("care-planning-and-resources")

const attendance = { personId: PersonId.make("lee-marston"), name: "Lee Marston", seat: "Finance Accountant", membership: "standing" as const, status: "present" as const }
const entry = { referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1")], kind: "request" as const, summary: "Placement request" }

/** Every sitting use case on `id`, each by the given person. */
const everyCommand = (sittings: Sittings, id: SittingId, by: (role: "admin" | "chair" | "other") => Parameters<Sittings["cancel"]>[0]) => [
  sittings.cancel(by("chair"), id, "No business"),
  sittings.buildAgenda(by("admin"), id, [entry]),
  sittings.publishAgenda(by("admin"), id),
  sittings.sendPapers(by("admin"), id),
  sittings.recordAttendance(by("admin"), id, attendance),
  sittings.confirmQuorum(by("chair"), id, true, "Enough"),
  sittings.sendDraftRecordToChair(by("admin"), id),
  sittings.returnFinalRecord(by("chair"), id),
  sittings.recordChildUploaded(by("admin"), id, ChildId.make("child-1"), ReferralId.make("ref_1"))
]

describe("Sittings use cases: roles and tenancy", () => {
  it.effect("scheduling a year checks the role first, even when no sitting is left to schedule or the authority is unknown", () =>
    Effect.gen(function* () {
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      expect((yield* Effect.flip(sittings.scheduleYear(cpr.socialWorker, panelId, 2026)))._tag).toBe("NotPermitted")
      const stranger = actorAt("nowhere")("Ada Quill", "social_worker")
      expect((yield* Effect.flip(sittings.scheduleYear(stranger, panelId, 2027)))._tag).toBe("NotPermitted")
      expect(yield* sittings.scheduleYear(cpr.administrator, panelId, 2026)).toEqual([])
      expect(yield* Effect.flip(sittings.scheduleYear(cpr.administrator, PanelId.make("nope"), 2027))).toMatchObject({ _tag: "NotFound", what: "panel" })
    }).pipe(Effect.provide(core))
  )

  it.effect("a sitting scheduled under a chosen id is scheduled once: a second try is refused and changes nothing", () =>
    Effect.gen(function* () {
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const sittingId = SittingId.make("sit_chosen")
      const first = yield* sittings.schedule(cpr.administrator, panelId, "2027-06-09" as LocalDate, { sittingId })
      expect(first.id).toBe(sittingId)
      expect(yield* Effect.flip(sittings.schedule(cpr.administrator, panelId, "2027-06-16" as LocalDate, { sittingId }))).toMatchObject({
        _tag: "SittingAlreadyScheduled",
        message: "A sitting with id sit_chosen already exists."
      })
      expect(yield* sittings.get(cpr.administrator, sittingId)).toEqual(first)
      expect(yield* sittings.list(cpr.administrator)).toHaveLength(1)
    }).pipe(Effect.provide(core))
  )

  it.effect("refuses every command to a role that may not run it", () =>
    Effect.gen(function* () {
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const sitting = yield* sittings.schedule(cpr.administrator, panelId, "2027-06-09" as LocalDate)
      expect((yield* Effect.flip(sittings.schedule(cpr.socialWorker, panelId, "2027-06-16" as LocalDate)))._tag).toBe("NotPermitted")
      for (const outsider of [cpr.socialWorker, cpr.member]) {
        for (const attempt of everyCommand(sittings, sitting.id, () => outsider)) expect((yield* Effect.flip(attempt))._tag).toBe("NotPermitted")
      }
      // The chair does not run the administrator's steps, nor the administrator the chair's.
      expect((yield* Effect.flip(sittings.buildAgenda(cpr.chair, sitting.id, [entry])))._tag).toBe("NotPermitted")
      expect((yield* Effect.flip(sittings.confirmQuorum(cpr.administrator, sitting.id, true, "x")))._tag).toBe("NotPermitted")
      expect((yield* Effect.flip(sittings.returnFinalRecord(cpr.administrator, sitting.id)))._tag).toBe("NotPermitted")
    }).pipe(Effect.provide(core))
  )

  it.effect("another authority's sitting answers NotFound, exactly as a missing one", () =>
    Effect.gen(function* () {
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const theirs = yield* sittings.schedule(cpr.administrator, panelId, "2027-06-09" as LocalDate)
      for (const id of [theirs.id, SittingId.make("sit_404")]) {
        const notFound = { _tag: "NotFound", what: "sitting", id, message: `No sitting with id ${id} was found.` }
        expect(yield* Effect.flip(sittings.get(kno.auditor, id))).toMatchObject(notFound)
        for (const attempt of everyCommand(sittings, id, (role) => (role === "admin" ? kno.administrator : kno.chair))) {
          expect(yield* Effect.flip(attempt)).toMatchObject(notFound)
        }
      }
      expect(yield* sittings.list(kno.auditor)).toEqual([])
    }).pipe(Effect.provide(core))
  )
})
