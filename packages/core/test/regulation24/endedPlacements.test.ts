import { describe, expect, it } from "@effect/vitest"
import { Effect, } from "effect"
import { preset } from "../../src/policy/authorities/index.js"
import { ReadModels } from "../../src/ports/ReadModels.js"
import { placementCollection } from "../../src/regulation24/placementAggregate.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { placementRow } from "../../src/reports/placementRows.js"
import { AuthorityId, ChildId } from "../../src/shared/ids.js"
import { london } from "../fixtures.js"
import { carers, childId, staff, yesToRefuse, placementsCore, setTime } from "./fixtures.js"

const core = placementsCore(preset("lincolnshire"))

/** A Lincolnshire child placed with her aunt on 26 March 2027, under police protection when `urgent`. */
const placedChild = (child: ChildId, urgent: boolean) =>
  Effect.gen(function* () {
    const placements = yield* Placements
    yield* setTime(london("2027-03-26", "09:00"))
    const { id } = yield* placements.recordBasicTest(staff.socialWorker, child, yesToRefuse)
    yield* placements.recordPolicePowers(staff.socialWorker, id, urgent)
    yield* setTime(london("2027-03-26", "10:00"))
    return yield* placements.recordPlacementMade(staff.socialWorker, id, london("2027-03-26", "10:00"), carers)
  })

describe("Placements: once a placement has ended", () => {
  it.effect("LIN-15, STAT-R25-4: the service manager ends an urgent placement; it is no longer urgent and shows no approval expiry", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const placed = yield* placedChild(childId, true)
      expect(placed).toMatchObject({ urgent: true, approval: { expiresAt: london("2027-07-16", "10:00") } })
      const index = () => Effect.map(Effect.flatMap(ReadModels, (models) => models.get(placementCollection, AuthorityId.make("lincolnshire"), placed.id)), (row) => row?.index)
      expect(yield* index()).toMatchObject({ urgent: true, expiresOn: "2027-07-16" })
      expect(placementRow(placed, [])).toMatchObject({ urgent: true, approvalEndsOn: "2027-07-16" })

      yield* setTime(london("2027-04-02", "09:00"))
      const ended = yield* placements.end(staff.serviceManager, placed.id, "child_returned_home")

      expect(ended).toMatchObject({ status: "ended", urgent: false, ended: { reason: "child_returned_home", by: { role: "service_manager" } } })
      expect(yield* index()).toMatchObject({ status: "ended", urgent: false, expiresOn: null })
      expect(placementRow(ended, [])).toMatchObject({ urgent: false, approvalEndsOn: undefined, endedOn: "2027-04-02" })
    }).pipe(Effect.provide(core))
  )

  it.effect("the list by status shows the ended placement under 'ended' only, and the running one under 'placed' only", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const ending = yield* placedChild(childId, false)
      const running = yield* placedChild(ChildId.make("child-2"), false)
      yield* placements.end(staff.socialWorker, ending.id, "child_moved")

      const idsWith = (status: "placed" | "ended") => Effect.map(placements.list(staff.auditor, { status }), (list) => list.map((placement) => placement.id))
      expect(yield* idsWith("placed")).toEqual([running.id])
      expect(yield* idsWith("ended")).toEqual([ending.id])
      expect(yield* placements.list(staff.auditor, { childId: ChildId.make("child-2") })).toMatchObject([{ id: running.id }])
    }).pipe(Effect.provide(core))
  )
})
