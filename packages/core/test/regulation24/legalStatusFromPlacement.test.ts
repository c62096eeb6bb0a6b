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

// What the child's record is told when police protection or s20 accommodation changes after the placement began
// (STAT-S46, STAT-S20-CONSENT): the legal status a reviewing officer and the SSDA903 return read.

const core = Layer.mergeAll(Placements.Default, ChildRecords.Default).pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("lincolnshire")), EnglandAndWalesCalendar))
)
const setTime = (instant: DateTime.Utc) => TestClock.setTime(instant.epochMillis)

/** A Lincolnshire child identified at 09:00 on Friday 26 March 2027, under police protection from 08:00 when `police`. */
const identifiedChild = (police: boolean) =>
  Effect.gen(function* () {
    const placements = yield* Placements
    yield* setTime(london("2027-03-26", "09:00"))
    const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
    if (police) yield* placements.recordPolicePowers(staff.socialWorker, id, true, london("2027-03-26", "08:00"))
    return id
  })

/** Placed with her aunt at 10:00 the same morning. */
const placeAt10 = (id: Parameters<Placements["recordPlacementMade"]>[1]) =>
  Effect.gen(function* () {
    yield* setTime(london("2027-03-26", "10:00"))
    yield* (yield* Placements).recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
  })

const legalStatuses = Effect.map(
  Effect.flatMap(ChildRecords, (records) => records.get(staff.socialWorker, childId)),
  (record) => record.legalStatuses.map((status) => [status.code, status.from])
)
const lookedAfter = Effect.map(
  Effect.flatMap(ChildRecords, (records) => records.get(staff.socialWorker, childId)),
  (record) => record.lookedAfter.map((period) => [period.route, period.from])
)

/** The child is placed at 10:00; at 15:00 police protection is recorded as having begun at `began` that day. */
const placedThenPoliceProtectionFrom = (began: string) =>
  Effect.gen(function* () {
    const id = yield* identifiedChild(false)
    yield* placeAt10(id)
    yield* setTime(london("2027-03-26", "15:00"))
    yield* (yield* Placements).recordPolicePowers(staff.socialWorker, id, true, london("2027-03-26", began))
  })

describe("given a child placed with connected-person carers and not under police protection", () => {
  it.effect("when police protection that began after the placement is recorded then the legal status is L1 from when it began", () =>
    Effect.gen(function* () {
      yield* placedThenPoliceProtectionFrom("14:00")
      expect(yield* legalStatuses).toEqual([["L1", london("2027-03-26", "14:00")]])
      expect(yield* lookedAfter).toEqual([["regulation24_placement", london("2027-03-26", "10:00")]])
    }).pipe(Effect.provide(core))
  )

  it.effect("when police protection from before the placement is recorded late then the legal status is L1 from the placement", () =>
    Effect.gen(function* () {
      yield* placedThenPoliceProtectionFrom("07:00")
      expect(yield* legalStatuses).toEqual([["L1", london("2027-03-26", "10:00")]])
    }).pipe(Effect.provide(core))
  )

  it.effect("when s20 accommodation is recorded with two consents then the child is V2 from the earlier consent, whichever is listed first", () =>
    Effect.gen(function* () {
      const id = yield* identifiedChild(false)
      yield* placeAt10(id)
      yield* setTime(london("2027-03-27", "12:00"))
      const father = { ...mother, name: "Calum Harrow", relationship: "father", consentGivenAt: london("2027-03-27", "08:00") }
      const record = { consents: [{ ...mother, consentGivenAt: london("2027-03-27", "11:00") }, father], childWishes: { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" } }
      yield* (yield* Placements).recordS20Accommodation(staff.socialWorker, id, record)
      expect(yield* legalStatuses).toEqual([["V2", london("2027-03-27", "08:00")]])
    }).pipe(Effect.provide(core))
  )
})

describe("given a child placed, accommodated under s20, the consent withdrawn and police protection taken", () => {
  it.effect("when s20 accommodation is agreed again then the legal status is V2 again, from the new consent", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* identifiedChild(false)
      yield* placeAt10(id)
      const wishes = { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" }
      yield* placements.recordS20Accommodation(staff.socialWorker, id, { consents: [mother], childWishes: wishes })
      yield* setTime(london("2027-03-29", "12:00"))
      yield* placements.recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow")
      yield* placements.recordPolicePowers(staff.socialWorker, id, true, london("2027-03-29", "11:30"))
      yield* setTime(london("2027-03-31", "12:00"))
      yield* placements.recordS20Accommodation(staff.socialWorker, id, { consents: [{ ...mother, consentGivenAt: london("2027-03-31", "11:00") }], childWishes: wishes })
      expect(yield* legalStatuses).toEqual([
        ["V2", london("2027-03-26", "10:00")],
        ["L1", london("2027-03-29", "11:30")],
        ["V2", london("2027-03-31", "11:00")]
      ])
    }).pipe(Effect.provide(core))
  )
})

describe("given a child under police protection from 08:00 and placed at 10:00 (L1 from the placement)", () => {
  const endedBy = (outcome: "interim_care_order" | "emergency_protection_order" | "returned_home") =>
    Effect.gen(function* () {
      const id = yield* identifiedChild(true)
      yield* placeAt10(id)
      yield* setTime(london("2027-03-29", "16:00"))
      yield* (yield* Placements).recordPoliceProtectionOutcome(staff.socialWorker, id, outcome, london("2027-03-29", "11:00"))
    })

  it.effect("when an interim care order is obtained then the legal status becomes C1 from the order, in the same period of being looked after", () =>
    Effect.gen(function* () {
      yield* endedBy("interim_care_order")
      expect(yield* legalStatuses).toEqual([
        ["L1", london("2027-03-26", "10:00")],
        ["C1", london("2027-03-29", "11:00")]
      ])
      expect(yield* lookedAfter).toEqual([["police_protection_accommodation", london("2027-03-26", "10:00")]])
    }).pipe(Effect.provide(core))
  )

  it.effect("when the child is returned home then the legal status stays L1", () =>
    Effect.gen(function* () {
      yield* endedBy("returned_home")
      expect(yield* legalStatuses).toEqual([["L1", london("2027-03-26", "10:00")]])
    }).pipe(Effect.provide(core))
  )

  it.effect("when an emergency protection order is obtained then the legal status becomes L2 from the order", () =>
    Effect.gen(function* () {
      yield* endedBy("emergency_protection_order")
      expect(yield* legalStatuses).toEqual([
        ["L1", london("2027-03-26", "10:00")],
        ["L2", london("2027-03-29", "11:00")]
      ])
    }).pipe(Effect.provide(core))
  )
})

describe("given a child under police protection who was never placed with the carers", () => {
  it.effect("when an interim care order is obtained then the child's record starts: looked after under C1 from the order", () =>
    Effect.gen(function* () {
      const id = yield* identifiedChild(true)
      yield* setTime(london("2027-03-27", "16:00"))
      yield* (yield* Placements).recordPoliceProtectionOutcome(staff.socialWorker, id, "interim_care_order", london("2027-03-27", "11:00"))
      expect(yield* legalStatuses).toEqual([["C1", london("2027-03-27", "11:00")]])
      expect(yield* lookedAfter).toEqual([["legal_status", london("2027-03-27", "11:00")]])
    }).pipe(Effect.provide(core))
  )

  it.effect("when an emergency protection order is obtained then no looked-after status is recorded: only with the child placed does it give L2", () =>
    Effect.gen(function* () {
      const id = yield* identifiedChild(true)
      yield* setTime(london("2027-03-27", "16:00"))
      yield* (yield* Placements).recordPoliceProtectionOutcome(staff.socialWorker, id, "emergency_protection_order", london("2027-03-27", "11:00"))
      expect(yield* Effect.flip(Effect.flatMap(ChildRecords, (records) => records.get(staff.socialWorker, childId)))).toMatchObject({ _tag: "NotFound" })
    }).pipe(Effect.provide(core))
  )
})
