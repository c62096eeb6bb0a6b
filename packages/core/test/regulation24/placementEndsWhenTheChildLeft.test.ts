import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { ChildRecords } from "../../src/childRecord/ChildRecords.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { childId, placedUnderS20, setTime, staff } from "./fixtures.js"

// A Lincolnshire child, placed with her aunt under s20, went home on Friday evening; her social worker records it on
// Monday morning. The placement, its clocks and her looked-after period end when she left, not when it was recorded.

const core = inMemoryCore(preset("lincolnshire"))
const friday = london("2027-04-09", "18:00")
const monday = london("2027-04-12", "09:00")

const periods = Effect.gen(function* () {
  const record = yield* (yield* ChildRecords).get(staff.socialWorker, childId)
  return record.lookedAfter.map((period) => ({ from: period.from, endedAt: period.ended?.endedAt }))
})

/** Placed at 10:00 on Friday 26 March 2027 under s20; visited on Saturday 3 April, so the next visit falls due on Saturday 10th. */
const placedAndVisited = Effect.gen(function* () {
  const placements = yield* Placements
  const id = yield* placedUnderS20
  yield* setTime(london("2027-04-03", "11:00"))
  yield* placements.recordVisit(staff.socialWorker, id, { visitedAt: london("2027-04-03", "11:00"), seenAlone: true })
  yield* setTime(monday)
  return id
})

describe("given a child who went home on Friday evening, recorded on Monday (STAT-R28, STAT-R33)", () => {
  it.effect("when the end is recorded with when she left then the placement, its visits and her looked-after period end on Friday", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedAndVisited
      const ended = yield* placements.end(staff.socialWorker, id, "child_returned_home", friday)
      expect(ended.ended).toMatchObject({ reason: "child_returned_home", endedAt: friday, at: monday })
      // Before: the period ended at 09:00 Mon 12 Apr 2027, three days after she went home.
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), endedAt: friday }])
      const overdue = (yield* (yield* Deadlines).forAuthority(staff.teamManager)).filter((clock) => clock.state === "overdue")
      expect(overdue.map((clock) => clock.ruleId)).not.toContain("STAT-R28")
      const saturday = yield* Effect.flip(placements.recordVisit(staff.socialWorker, id, { visitedAt: london("2027-04-10", "11:00"), seenAlone: true }))
      expect(saturday.message).toBe("The placement ended at 18:00 Fri 9 Apr 2027; a visit at 11:00 Sat 10 Apr 2027 is not a visit to the child in this placement (STAT-R28).")
    }).pipe(Effect.provide(core))
  )

  it.effect("when no end time is given then it ends when it is recorded", () =>
    Effect.gen(function* () {
      const id = yield* placedAndVisited
      const ended = yield* (yield* Placements).end(staff.socialWorker, id, "child_returned_home")
      expect(ended.ended).toMatchObject({ endedAt: monday, at: monday })
      expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), endedAt: monday }])
    }).pipe(Effect.provide(core))
  )

  it.effect("when a step dated by its writing-up (the viability assessment) was written up after she left then the end on Friday is still recorded", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedAndVisited
      yield* setTime(london("2027-04-10", "10:00"))
      yield* placements.recordViabilityAssessment(staff.socialWorker, id)
      yield* setTime(monday)
      const ended = yield* placements.end(staff.socialWorker, id, "child_returned_home", friday)
      expect(ended.ended).toMatchObject({ endedAt: friday })
    }).pipe(Effect.provide(core))
  )

  const refusals: ReadonlyArray<[string, string, string, string]> = [
    ["still to come", "2027-04-12", "18:00", "NotYetHappened: The placement cannot be recorded as ending at 18:00 Mon 12 Apr 2027, which is still to come."],
    ["before she was placed", "2027-03-26", "09:00", "NotYetHappened: The child was placed at 10:00 Fri 26 Mar 2027: the placement cannot end before it started, at 09:00 Fri 26 Mar 2027."],
    [
      "before a visit recorded on the placement",
      "2027-04-02",
      "18:00",
      "PlacementEndRefused: The placement cannot have ended at 18:00 Fri 2 Apr 2027: the visit at 11:00 Sat 3 Apr 2027 is recorded on it after that. Correct that first, or give a later end."
    ]
  ]
  for (const [when, date, time, refusal] of refusals) {
    it.effect(`when the end is dated ${when} then it is refused and nothing changes`, () =>
      Effect.gen(function* () {
        const placements = yield* Placements
        const id = yield* placedAndVisited
        const refused = yield* Effect.flip(placements.end(staff.socialWorker, id, "child_returned_home", london(date, time)))
        expect(`${refused._tag}: ${refused.message}`).toBe(refusal)
        expect((yield* placements.get(staff.socialWorker, id)).status).toBe("placed")
        expect(yield* periods).toEqual([{ from: london("2027-03-26", "10:00"), endedAt: undefined }])
      }).pipe(Effect.provide(core))
    )
  }
})
