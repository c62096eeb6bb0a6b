import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { legalStatusCodes } from "../../src/childRecord/LegalStatus.js"
import { type AccommodationBasis, accommodationStatuses, currentLookedAfter, lookedAfterAt } from "../../src/childRecord/LookedAfter.js"
import { instantArb } from "../calendar/arbitraries.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

// A child looked after on an accommodation a placement records (police protection, L1; s20, V2), a later legal status
// that is not that accommodation's, and the placement's record of the accommodation ending with the child at home
// (STAT-S46, STAT-S20-CONSENT), recorded in either order, the end before or after the later status began: the child
// is looked after at the end iff the later status was taken; the periods never overlap, and days at home between the
// end and a later status are never looked after (a new period begins with the status, STAT-R33 counting from it).

const hour = 3_600_000
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)
const started = { police_protection: { route: "police_protection_accommodation", code: "L1" }, s20_accommodation: { route: "s20_accommodation", code: "V2" } } as const

const caseArb = fc.constantFrom<AccommodationBasis>("police_protection", "s20_accommodation").chain((basis) =>
  fc.record({
    basis: fc.constant(basis),
    from: instantArb,
    laterCode: fc.option(fc.constantFrom(...legalStatusCodes.filter((code) => !accommodationStatuses[basis].includes(code))), { nil: undefined }),
    laterAfter: fc.integer({ min: 1, max: 60 * 24 * hour }),
    endAfter: fc.integer({ min: 0, max: 60 * 24 * hour }),
    endRecordedFirst: fc.boolean()
  })
)

describe("the end of an accommodation and the child's looked-after status: properties (STAT-S46, STAT-S20-CONSENT, STAT-R33)", () => {
  test.prop([caseArb])("the child is looked after at the end iff a later status took over: recorded before the end, or beginning after it", (c) => {
    const recordedAt = plus(c.from, 61 * 24 * hour)
    const start = cmd({ _tag: "RecordLookedAfterFromPlacement", ...started[c.basis], from: c.from, placementId: "plc_7" }, recordedAt)
    const endedAt = plus(c.from, c.endAfter)
    const end = cmd({ _tag: "RecordLookedAfterEndedFromPlacement", basis: c.basis, endedAt, reason: "the child returned home", placementId: "plc_7" }, recordedAt)
    const laterFrom = plus(c.from, c.laterAfter)
    const later = c.laterCode === undefined ? [] : [cmd({ _tag: "RecordLegalStatus", code: c.laterCode, from: laterFrom }, recordedAt)]
    const laterTaken = c.laterCode !== undefined && (!c.endRecordedFirst || !DateTime.lessThan(laterFrom, endedAt))
    const refusedLater = c.laterCode !== undefined && !laterTaken
    const played = northSomerset.play(c.endRecordedFirst ? [start, end, ...(refusedLater ? [] : later)] : [start, ...later, end])
    // A status beginning before the recorded end cannot start a new period after it: refused, saying so.
    if (refusedLater) expect(northSomerset.given(played).when(later[0]!).refusal()).toMatchObject({ _tag: "LegalStatusRefused", message: expect.stringContaining("cannot start a new period") })
    const record = recordOf(played)

    expect(currentLookedAfter(record.lookedAfter) !== undefined).toBe(laterTaken)
    expect(record.legalStatuses.at(-1)?.code).toBe(laterTaken ? c.laterCode : started[c.basis].code)
    if (!laterTaken) expect(record.lookedAfter.at(-1)?.ended).toMatchObject({ endedAt, reason: "the child returned home" })

    record.lookedAfter.slice(1).forEach((period, i) => {
      const previousEnd = record.lookedAfter[i]!.ended?.endedAt
      expect(previousEnd !== undefined && !DateTime.lessThan(period.from, previousEnd), "periods never overlap").toBe(true)
    })
    const homeFirst = c.laterCode !== undefined && DateTime.greaterThan(laterFrom, endedAt)
    if (homeFirst) {
      expect(lookedAfterAt(record.lookedAfter, endedAt), "not looked after while at home").toBe(false)
      expect(lookedAfterAt(record.lookedAfter, plus(laterFrom, -1)), "nor until the later status began").toBe(false)
      expect(record.lookedAfter.map((period) => [period.from, period.ended?.endedAt])).toEqual([
        [c.from, endedAt],
        [laterFrom, undefined]
      ])
    }
  })
})
