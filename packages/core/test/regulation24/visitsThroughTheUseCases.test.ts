import { describe, expect, it } from "@effect/vitest"
import { Effect, } from "effect"
import { preset } from "../../src/policy/authorities/index.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { ChildId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { carers, childId, staff, yesToRefuse, placementsCore, setTime } from "./fixtures.js"

// The visits, placement plan and first review (STAT-R28, STAT-R9) recorded on a placement through its use cases:
// what the placement then says, and who may record them.

const core = placementsCore(preset("lincolnshire"))

/** A child placed with her aunt at 10:00 on Friday 26 March 2027; the clock then reads 09:00 on Monday 29 March. */
const placedChild = Effect.gen(function* () {
  const placements = yield* Placements
  yield* setTime(london("2027-03-26", "10:00"))
  const { id } = yield* placements.recordBasicTest(staff.socialWorker, childId, yesToRefuse)
  yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
  yield* setTime(london("2027-03-29", "09:00"))
  return id
})

describe("visits, the placement plan and the first review through the placement's use cases", () => {
  it.effect("STAT-R28: a visit is kept on the placement, with the social worker recording it as the visitor", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedChild
      const visited = yield* placements.recordVisit(staff.socialWorker, id, { visitedAt: london("2027-03-27", "15:00"), seenAlone: true })
      expect(visited.visits).toMatchObject([{ visitedAt: london("2027-03-27", "15:00"), visitor: "Priya Ashdown", seenAlone: true }])
      expect(yield* Effect.flip(placements.recordVisit(staff.auditor, id, { visitedAt: london("2027-03-28", "15:00"), seenAlone: true }))).toMatchObject({ _tag: "NotPermitted" })
    }).pipe(Effect.provide(core))
  )

  it.effect("STAT-R9: a placement plan prepared earlier is kept as prepared then; without a time, as prepared now", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedChild
      const planned = yield* placements.recordPlacementPlan(staff.socialWorker, id, london("2027-03-26", "16:00"))
      expect(planned.placementPlan).toMatchObject({ preparedAt: london("2027-03-26", "16:00"), at: london("2027-03-29", "09:00") })

      const other = yield* placements.recordBasicTest(staff.socialWorker, ChildId.make("child-2"), yesToRefuse)
      yield* placements.recordPlacementMade(staff.socialWorker, other.id, london("2027-03-29", "08:00"), carers)
      expect((yield* placements.recordPlacementPlan(staff.socialWorker, other.id)).placementPlan?.preparedAt).toEqual(london("2027-03-29", "09:00"))
    }).pipe(Effect.provide(core))
  )

  it.effect("STAT-R28: the first looked-after review is kept with when it was held", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedChild
      const reviewed = yield* placements.recordFirstReview(staff.serviceManager, id, london("2027-03-28", "11:00"))
      expect(reviewed.firstReview).toMatchObject({ heldAt: london("2027-03-28", "11:00"), by: { name: "Owen Ellery" } })
    }).pipe(Effect.provide(core))
  )
})
