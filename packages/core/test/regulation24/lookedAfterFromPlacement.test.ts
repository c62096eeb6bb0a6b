import { describe, expect, it } from "@effect/vitest"
import { type DateTime, Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { london } from "../fixtures.js"
import { carers, childId, mother, staff, yesToRefuse } from "./fixtures.js"

const core = Layer.mergeAll(Placements.Default, ChildRecords.Default).pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("lincolnshire")), EnglandAndWalesCalendar))
)
const setTime = (instant: DateTime.Utc) => TestClock.setTime(instant.epochMillis)
const s20 = { consents: [mother], childWishes: { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" } }

describe("a placement's record makes the child looked after (STAT-R33's start)", () => {
  it.effect("police protection, then placement with carers: looked after from the placement as L1; s20 with consent later changes the legal status to V2, never restarting the count", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const childRecords = yield* ChildRecords
      yield* setTime(london("2027-03-26", "08:00"))
      const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
      yield* placements.recordPolicePowers(staff.socialWorker, id, true, london("2027-03-26", "07:30"))
      expect(yield* Effect.flip(childRecords.get(staff.socialWorker, childId))).toMatchObject({ _tag: "NotFound" })
      yield* setTime(london("2027-03-26", "10:00"))
      yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
      const placed = yield* childRecords.get(staff.socialWorker, childId)
      expect(placed.lookedAfter).toMatchObject([{ periodId: "la-1", route: "police_protection_accommodation", code: "L1", from: london("2027-03-26", "10:00"), placementId: id }])
      expect(placed.legalStatuses).toMatchObject([{ code: "L1", from: london("2027-03-26", "10:00") }])

      yield* setTime(london("2027-03-27", "12:00"))
      yield* placements.recordS20Accommodation(staff.socialWorker, id, { ...s20, consents: [{ ...mother, consentGivenAt: london("2027-03-27", "11:00") }] })
      yield* placements.recordPoliceProtectionOutcome(staff.socialWorker, id, "accommodated_s20", london("2027-03-27", "11:00"))
      const accommodated = yield* childRecords.get(staff.socialWorker, childId)
      expect(accommodated.legalStatuses.map((status) => [status.code, status.from])).toEqual([
        ["L1", london("2027-03-26", "10:00")],
        ["V2", london("2027-03-27", "11:00")]
      ])
      expect(accommodated.lookedAfter).toHaveLength(1)
      expect(accommodated.lookedAfter[0]!.from).toEqual(london("2027-03-26", "10:00"))
    }).pipe(Effect.provide(core))
  )

  it.effect("a Regulation 24 placement: looked after from the placement, not from the Assistant Director's later consent", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const childRecords = yield* ChildRecords
      yield* setTime(london("2027-03-26", "10:00"))
      const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
      yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "09:30"), carers)
      yield* setTime(london("2027-03-30", "15:00"))
      yield* placements.recordLookedAfterConsent(staff.assistantDirector, id)
      const record = yield* childRecords.get(staff.socialWorker, childId)
      expect(record.lookedAfter).toMatchObject([{ route: "regulation24_placement", from: london("2027-03-26", "09:30") }])
      expect(record.legalStatuses).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("s20 with consent before the placement: looked after from the consent; the placement that follows does not restart it; a refused s20 record writes nothing to the child's record", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const childRecords = yield* ChildRecords
      yield* setTime(london("2027-03-26", "10:00"))
      const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
      expect(yield* Effect.flip(placements.recordS20Accommodation(staff.socialWorker, id, { consents: [] }))).toMatchObject({ _tag: "S20ConsentIncomplete" })
      expect(yield* Effect.flip(childRecords.get(staff.socialWorker, childId))).toMatchObject({ _tag: "NotFound" })
      yield* placements.recordS20Accommodation(staff.socialWorker, id, s20)
      yield* setTime(london("2027-03-26", "16:00"))
      yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "15:00"), carers)
      const record = yield* childRecords.get(staff.socialWorker, childId)
      expect(record.lookedAfter).toMatchObject([{ route: "s20_accommodation", code: "V2", from: london("2027-03-26", "09:00") }])
    }).pipe(Effect.provide(core))
  )
})
