import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import { preset } from "../../src/policy/authorities/index.js"
import { visitedPlacementOf } from "../../src/regulation24/Placement.js"
import { placementClocks } from "../../src/regulation24/placementClocks.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { lookedAfterFromPlacement } from "../../src/regulation24/lookedAfterFromPlacement.js"
import { fold } from "../../src/shared/decider.js"
import { visitClocks } from "../../src/visits/visitClocks.js"
import { hour } from "./arbitraries.js"
import { cmd, lincolnshire, mother, placed, placedAt } from "./fixtures.js"

const wishes = { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" }
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)
const underS20 = lincolnshire.play([cmd("socialWorker", { _tag: "RecordS20Accommodation", record: { consents: [mother], childWishes: wishes } })], placed())

describe("a placement ended when the child left: properties (STAT-R28, STAT-R9, STAT-R24, STAT-R33)", () => {
  test.prop([fc.integer({ min: 0, max: 20 * 7 * 24 }), fc.double({ min: 0, max: 1, noNaN: true })])(
    "ended at any time between the placement and now: no clock of the placement is due after it, and the looked-after period ends then",
    (recordedAfterHours, fraction) => {
      const now = plus(placedAt, recordedAfterHours * hour)
      const endedAt = plus(placedAt, Math.floor(fraction * recordedAfterHours * hour))
      const before = fold(placementDecider, underS20)!
      const after = fold(placementDecider, lincolnshire.play([cmd("socialWorker", { _tag: "EndPlacement", reason: "child_returned_home", endedAt }, now)], underS20))!
      expect(after.ended?.endedAt).toEqual(endedAt)
      const clocks = [...placementClocks(after, preset("lincolnshire"), now), ...visitClocks(visitedPlacementOf(after), englandAndWales)]
      const dueAfterTheEnd = clocks
        .map((spec) => toDeadline(spec, englandAndWales, { now, dueSoonHours: 48 }))
        .filter((deadline) => deadline.state !== "met" && DateTime.greaterThan(deadline.due, endedAt))
      expect(dueAfterTheEnd).toEqual([])
      expect(lookedAfterFromPlacement(before, after)).toMatchObject({ _tag: "RecordLookedAfterEndedFromPlacement", endedAt })
    }
  )
})
