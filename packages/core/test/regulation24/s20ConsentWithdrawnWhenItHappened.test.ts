import { describe, expect, it } from "@effect/vitest"
import { type DateTime, Effect, Schema } from "effect"
import { preset } from "../../src/policy/authorities/index.js"
import { evolvePlacement } from "../../src/regulation24/evolvePlacement.js"
import { s20ConsentWithdrawnAt } from "../../src/regulation24/Placement.js"
import { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { Placements } from "../../src/regulation24/Placements.js"
import { fold } from "../../src/shared/decider.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { london } from "../fixtures.js"
import { childWishes, cmd, lincolnshire, mother, placed, placedUnderS20, placementsCore, setTime, staff } from "./fixtures.js"

// A Lincolnshire child placed with her aunt under s20 on Friday 26 March 2027: her mother phoned on Friday 2 April at
// 18:00 to withdraw consent (s20(8)); her social worker records it on Monday 5 April at 09:00.

const core = placementsCore(preset("lincolnshire"))
const friday = london("2027-04-02", "18:00")
const monday = london("2027-04-05", "09:00")

/** Placed at 10:00 on 26 March 2027, after her mother's consent at 09:00; now Monday 5 April. */
const placedUnderS20ByMonday = Effect.tap(placedUnderS20, () => setTime(monday))

describe("given s20 consent withdrawn on Friday evening and recorded on Monday (STAT-S20-CONSENT)", () => {
  it.effect("when it is recorded with when it was withdrawn then the placement says Friday, recorded Monday", () =>
    Effect.gen(function* () {
      const placements = yield* Placements
      const id = yield* placedUnderS20ByMonday
      const withdrawn = yield* placements.recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow", friday)
      expect(withdrawn.s20Accommodation?.withdrawn).toMatchObject({ withdrawnBy: "Dana Harrow", withdrawnAt: friday, at: monday })
      expect(s20ConsentWithdrawnAt(withdrawn)).toEqual(friday)
      expect(withdrawn).toMatchObject({ status: "placed", urgent: true })
    }).pipe(Effect.provide(core))
  )

  it.effect("when no time is given then it was withdrawn when it is recorded", () =>
    Effect.gen(function* () {
      const id = yield* placedUnderS20ByMonday
      const withdrawn = yield* (yield* Placements).recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow")
      expect(withdrawn.s20Accommodation?.withdrawn).toMatchObject({ withdrawnAt: monday, at: monday })
    }).pipe(Effect.provide(core))
  )

  const refusals: ReadonlyArray<[string, DateTime.Utc, string]> = [
    ["still to come", london("2027-04-05", "18:00"), "NotYetHappened: Consent to s20 accommodation cannot be recorded as withdrawn at 18:00 Mon 5 Apr 2027, which is still to come."],
    [
      "before the child was placed, after her mother's consent",
      london("2027-03-26", "09:30"),
      "NotYetHappened: The s20 accommodation began at 10:00 Fri 26 Mar 2027: consent cannot have been withdrawn before it, at 09:30 Fri 26 Mar 2027 (STAT-S20-CONSENT)."
    ],
    [
      "before her mother consented",
      london("2027-03-25", "12:00"),
      "NotYetHappened: The s20 accommodation began at 10:00 Fri 26 Mar 2027: consent cannot have been withdrawn before it, at 12:00 Thu 25 Mar 2027 (STAT-S20-CONSENT)."
    ]
  ]
  for (const [when, withdrawnAt, refusal] of refusals) {
    it.effect(`when the withdrawal is dated ${when} then it is refused and the s20 basis stands`, () =>
      Effect.gen(function* () {
        const placements = yield* Placements
        const id = yield* placedUnderS20ByMonday
        const refused = yield* Effect.flip(placements.recordS20ConsentWithdrawn(staff.socialWorker, id, "Dana Harrow", withdrawnAt))
        expect(`${refused._tag}: ${refused.message}`).toBe(refusal)
        const placement = yield* placements.get(staff.socialWorker, id)
        expect(placement.s20Accommodation?.withdrawn).toBeUndefined()
        expect(placement.urgent).toBe(false)
      }).pipe(Effect.provide(core))
    )
  }

  it("a withdrawal stored before the time was asked for reads as withdrawn when it was recorded", () => {
    const underS20 = lincolnshire.play([cmd("socialWorker", { _tag: "RecordS20Accommodation", record: { consents: [mother], childWishes } })], placed())
    const stored = Schema.decodeUnknownSync(PlacementEvent)({
      _tag: "S20ConsentWithdrawn",
      withdrawnBy: "Dana Harrow",
      by: { personId: staff.socialWorker.personId, name: staff.socialWorker.name, role: "social_worker" },
      at: "2027-04-05T08:00:00.000Z"
    })
    const placement = evolvePlacement(fold(placementDecider, underS20), stored)!
    expect(s20ConsentWithdrawnAt(placement)).toEqual(monday)
  })
})
