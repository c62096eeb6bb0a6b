import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { carers, childId, setTime, staff, yesToRefuse } from "./fixtures.js"

// A Lincolnshire child placed with her aunt under Regulation 24 is looked after from the placement (STAT-R24, LIN-14),
// and no legal status is recorded for her: no s20 accommodation with its consents, no order. When the placement ends
// with her returned home, nothing else keeps her looked after: the period the placement began ends then, as s20 (V2)
// and police protection (L1) do, and no STAT-R33 review falls due for a child at home.

const core = inMemoryCore(preset("lincolnshire"))

/** Placed with her aunt at 10:00 on 26 March 2027 (an interim care order from 1 April when `order`), home at 16:00 on 9 April. */
const placedAndHome = (order: boolean) =>
  Effect.gen(function* () {
    const placements = yield* Placements
    yield* setTime(london("2027-03-26", "09:00"))
    const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
    yield* setTime(london("2027-03-26", "10:00"))
    yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
    if (order) {
      yield* setTime(london("2027-04-01", "12:00"))
      yield* (yield* ChildRecords).recordLegalStatus(staff.socialWorker, childId, "C1", london("2027-04-01", "11:00"))
    }
    yield* setTime(london("2027-04-09", "16:00"))
    yield* placements.end(staff.serviceManager, id, "child_returned_home")
  })

describe("given a child placed with her aunt under Regulation 24, no legal status recorded", () => {
  it.effect("STAT-R33: when the placement ends with her returned home then she is looked after no longer, from then, and no review falls due", () =>
    Effect.gen(function* () {
      yield* placedAndHome(false)
      const record = yield* (yield* ChildRecords).get(staff.socialWorker, childId)
      expect(record.lookedAfter.map((period) => [period.ended?.endedAt, period.ended?.reason])).toEqual([[london("2027-04-09", "16:00"), "the placement ended: the child returned home"]])
      yield* setTime(london("2027-05-01", "09:00"))
      const running = yield* (yield* Deadlines).forAuthority(staff.teamManager)
      expect(running.filter((clock) => clock.ruleId === "STAT-R33")).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("STAT-R33: with an interim care order recorded during the placement, she stays looked after under it when the placement ends with her home", () =>
    Effect.gen(function* () {
      yield* placedAndHome(true)
      const record = yield* (yield* ChildRecords).get(staff.socialWorker, childId)
      expect(record.lookedAfter.map((period) => [period.from, period.ended])).toEqual([[london("2027-03-26", "10:00"), undefined]])
    }).pipe(Effect.provide(core))
  )
})
