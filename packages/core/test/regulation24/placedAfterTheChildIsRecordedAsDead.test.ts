import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { carers, childId, setTime, staff, yesToRefuse } from "./fixtures.js"

// A Lincolnshire child's record says she died on 20 March 2027 (recorded by mistake, against the wrong child). A child
// recorded as dead gets no new looked-after period (STAT-R33): the placement that would begin one is refused with the
// child record's refusal, and neither record is written, until the death is withdrawn.

const core = inMemoryCore(preset("lincolnshire"))
const diedOn = "2027-03-20" as LocalDate

const identifiedAfterARecordedDeath = Effect.gen(function* () {
  yield* setTime(london("2027-03-21", "09:00"))
  yield* (yield* ChildRecords).recordChildDeath(staff.socialWorker, childId, diedOn)
  yield* setTime(london("2027-03-26", "09:00"))
  const { id } = yield* (yield* Placements).recordBasicTest(staff.socialWorker, childId, yesToRefuse)
  yield* setTime(london("2027-03-26", "10:00"))
  return id
})

describe("given a child recorded as having died on 20 March 2027", () => {
  it.effect("when she is placed with her aunt on 26 March then the placement is refused, naming the death and withdrawChildDeath, and nothing is written", () =>
    Effect.gen(function* () {
      const id = yield* identifiedAfterARecordedDeath
      const placements = yield* Placements
      const refusal = yield* Effect.flip(placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers))
      expect(refusal).toMatchObject({
        _tag: "LookedAfterRefused",
        ruleId: "STAT-R33",
        message:
          "The child is recorded as having died on Sat 20 Mar 2027; looked-after status from 10:00 Fri 26 Mar 2027 cannot begin then: a child recorded as dead gets no new legal status or looked-after period. If the death was recorded by mistake, withdraw it first (withdrawChildDeath), then record this again."
      })
      expect((yield* placements.get(staff.socialWorker, id)).placement).toBeUndefined()
      expect((yield* (yield* ChildRecords).get(staff.socialWorker, childId)).lookedAfter).toEqual([])
    }).pipe(Effect.provide(core))
  )

  it.effect("when the death is withdrawn first then the placement is made and she is looked after from it", () =>
    Effect.gen(function* () {
      const id = yield* identifiedAfterARecordedDeath
      yield* (yield* ChildRecords).withdrawEntry(staff.teamManager, childId, { kind: "death", diedOn }, "Recorded against the wrong child")
      yield* (yield* Placements).recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
      const record = yield* (yield* ChildRecords).get(staff.socialWorker, childId)
      expect(record.lookedAfter.map((period) => [period.from, period.route, period.ended])).toEqual([[london("2027-03-26", "10:00"), "regulation24_placement", undefined]])
    }).pipe(Effect.provide(core))
  )
})
