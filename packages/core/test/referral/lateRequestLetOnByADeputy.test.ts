import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { london } from "../fixtures.js"
import { requestOf, sittingsByDate } from "../readyRequest.js"

// NSO-1: the Assistant Director chairs the Care and Resource Panel; three Heads of Service are the deputies.
// DEF-LATE-PERMISSION: the chair, or a deputy, may let a request that missed the deadline (NSO-3) onto the agenda.
const nso = preset("north-somerset")
const staff = staffOf("north-somerset")

/** A request made ready on Monday 7 June, after 12:00 on Friday 4 June, the deadline for Wednesday 9 June (NSO-3). */
const lateForTheNinth = Effect.gen(function* () {
  const on = yield* sittingsByDate(nso)
  yield* TestClock.setTime(london("2027-06-07", "09:00").epochMillis)
  const request = yield* requestOf(nso, "s20_accommodation", "child-l", true)
  return { request, ninth: on("2027-06-09") }
})

describe("North Somerset: a Head of Service deputising for the Assistant Director lets a late request on", () => {
  it.effect("NSO-1, DEF-LATE-PERMISSION: a Head of Service, a deputy chair, lets a late request onto the sitting, and it is accepted marked late", () =>
    Effect.gen(function* () {
      const referrals = yield* Referrals
      const { request, ninth } = yield* lateForTheNinth
      const refused = yield* Effect.flip(referrals.acceptOntoSitting(staff.administrator, request.id, ninth.id))
      // NSO-3's form says late forms may not be considered: the route is Carepanel's default, and the refusal says so.
      expect(refused.message).toBe(
        "This request was ready at 09:00 Mon 7 Jun 2027, after the deadline of 12:00 Fri 4 Jun 2027 (NSO-3: noon on the Friday before the sitting on Wed 9 Jun 2027). " +
          "It needs the permission of the Assistant Director, head of service, panel chair or vice chair to be heard then " +
          "(DEF-LATE-PERMISSION, Carepanel default, not in the terms of reference; set by the authority's policy)."
      )
      yield* referrals.grantLatePermission(staff.headOfService, request.id, ninth.id, "The Assistant Director is on leave; the placement is breaking down this week")
      const accepted = yield* referrals.acceptOntoSitting(staff.administrator, request.id, ninth.id)
      expect(accepted).toMatchObject({ status: "accepted", sittingId: ninth.id, acceptedLate: true })
    }).pipe(Effect.provide(inMemoryCore(nso)))
  )

  it.effect("DEF-LATE-PERMISSION: where the panel has no Head of Service as a deputy (Care Planning), a Head of Service is still refused, naming who may", () =>
    Effect.gen(function* () {
      const cpr = preset("care-planning")
      const on = yield* sittingsByDate(cpr)
      yield* TestClock.setTime(london("2027-06-07", "18:00").epochMillis)
      const request = yield* requestOf(cpr, "placement_change", "child-m", true)
      const refused = yield* Effect.flip(
        (yield* Referrals).grantLatePermission(staffOf("care-planning").headOfService, request.id, on("2027-06-09").id, "Placement breaking down")
      )
      expect(refused.message).toBe("Only the panel chair or vice chair can let a late request onto the agenda (CPR-4).")
    }).pipe(Effect.provide(inMemoryCore(preset("care-planning"))))
  )
})
