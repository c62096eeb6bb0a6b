import { describe, expect, it } from "@effect/vitest"
import { Effect, } from "effect"
import { preset } from "../../src/policy/authorities/index.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { placementRow } from "../../src/reports/placementRows.js"
import { london } from "../fixtures.js"
import { placedUnderS20, placementsCore, setTime, staff } from "./fixtures.js"

const core = placementsCore(preset("lincolnshire"))

describe("given a Lincolnshire child placed with her aunt under s20, the placement ended when she moved on", () => {
  it.effect("STAT-S20-CONSENT: consent withdrawn afterwards is recorded, but the ended placement is not listed as urgent, which nothing could clear", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedUnderS20
      yield* setTime(london("2027-04-02", "09:00"))
      yield* placements.end(staff.serviceManager, id, "child_moved")

      yield* setTime(london("2027-04-03", "09:00"))
      const withdrawn = yield* placements.recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow")

      expect(withdrawn).toMatchObject({ status: "ended", urgent: false, s20Accommodation: { withdrawn: { withdrawnBy: "Dana Harrow" } } })
      expect(placementRow(withdrawn, [])).toMatchObject({ urgent: false, endedOn: "2027-04-02" })
      const urgentIds = (yield* placements.list(staff.auditor, { urgent: true })).map((placement) => placement.id)
      expect(urgentIds).toEqual([])
      // Ending it again, the only step that clears the flag, is refused.
      const again = yield* Effect.flip(placements.end(staff.serviceManager, id, "child_moved"))
      expect(again.message).toBe("You cannot end this placement: this placement has ended.")
    }).pipe(Effect.provide(core))
  )

  it.effect("STAT-S20-CONSENT: consent withdrawn while the child is still placed makes the placement urgent until it ends", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedUnderS20
      yield* setTime(london("2027-03-29", "12:00"))
      const withdrawn = yield* placements.recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow")
      expect(withdrawn).toMatchObject({ status: "placed", urgent: true })
      expect((yield* placements.list(staff.auditor, { urgent: true })).map((placement) => placement.id)).toEqual([id])
      yield* setTime(london("2027-03-30", "09:00"))
      yield* placements.end(staff.serviceManager, id, "child_returned_home")
      expect(yield* placements.list(staff.auditor, { urgent: true })).toEqual([])
    }).pipe(Effect.provide(core))
  )
})
