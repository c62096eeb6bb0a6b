import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { fold } from "../../src/shared/decider.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { lookedAfterFromPlacement } from "../../src/regulation24/lookedAfterFromPlacement.js"
import { s20ConsentWithdrawnAt } from "../../src/regulation24/Placement.js"
import { hour } from "./arbitraries.js"
import { cmd, lincolnshire, mother, placed, placedAt } from "./fixtures.js"

const wishes = { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" }
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)
/** Placed at 10:00 on 26 March 2027 under s20, after her mother's consent at 09:00: the accommodation began at 10:00. */
const underS20 = lincolnshire.play([cmd("socialWorker", { _tag: "RecordS20Accommodation", record: { consents: [mother], childWishes: wishes } })], placed())
const withdrawnAt = (at: DateTime.Utc, when: DateTime.Utc) =>
  lincolnshire.given(underS20).when(cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow", withdrawnAt: when }, at))

describe("s20 consent withdrawn when it happened: properties (STAT-S20-CONSENT)", () => {
  test.prop([fc.integer({ min: 0, max: 20 * 7 * 24 }), fc.integer({ min: -72, max: 20 * 7 * 24 + 72 })])(
    "recorded at any time after the accommodation began, it is withdrawn at the time given when that is between the start and now, and refused otherwise",
    (recordedAfterHours, withdrawnAfterHours) => {
      const now = plus(placedAt, recordedAfterHours * hour)
      const when = plus(placedAt, withdrawnAfterHours * hour)
      const outcome = withdrawnAt(now, when)
      if (withdrawnAfterHours >= 0 && withdrawnAfterHours <= recordedAfterHours) {
        const placement = outcome.state()!
        expect([s20ConsentWithdrawnAt(placement), placement.s20Accommodation?.withdrawn?.at]).toEqual([when, now])
      } else {
        expect(outcome.refusal()._tag).toBe("NotYetHappened")
        expect(outcome.state()?.s20Accommodation?.withdrawn).toBeUndefined()
      }
    }
  )
})

describe("the child gone home after consent was withdrawn, or before: properties (STAT-S20-CONSENT, s20(8))", () => {
  test.prop([fc.integer({ min: 0, max: 14 * 24 }), fc.integer({ min: 0, max: 14 * 24 })])(
    "the looked-after period's end names the parent's removal under s20(8) exactly when consent was withdrawn by the time the child went home",
    (withdrawnAfterHours, homeAfterHours) => {
      const now = plus(placedAt, 15 * 24 * hour)
      const withdrawn = lincolnshire.play(
        [cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow", withdrawnAt: plus(placedAt, withdrawnAfterHours * hour) }, now)],
        underS20
      )
      const before = fold(placementDecider, withdrawn)
      const after = lincolnshire.given(withdrawn).when(cmd("serviceManager", { _tag: "EndPlacement", reason: "child_returned_home", endedAt: plus(placedAt, homeAfterHours * hour) }, now)).state()!
      const told = lookedAfterFromPlacement(before, after)
      expect(told?._tag).toBe("RecordLookedAfterEndedFromPlacement")
      const reason = told?._tag === "RecordLookedAfterEndedFromPlacement" ? told.reason : ""
      expect(reason.includes("s20(8)")).toBe(withdrawnAfterHours <= homeAfterHours)
    }
  )
})
