import { test } from "@fast-check/vitest"
import { DateTime } from "effect"
import fc from "fast-check"
import { describe, expect } from "vitest"
import { formatInstant } from "../../src/calendar/format.js"
import { addDays, epochDayOf } from "../../src/calendar/LocalDate.js"
import { atLondon, londonDateOf, londonTimeOf, type TimeOfDay } from "../../src/calendar/londonTime.js"
import { deadlinesOf } from "../../src/deadlines/computeDeadlines.js"
import { clockChangeDays, instantArb } from "../calendar/arbitraries.js"
import { contextOf } from "../fixtures.js"
import { cmd, northSomerset, recordOf } from "./fixtures.js"

const hour = 3_600_000
const day = 24 * hour
const plus = (instant: DateTime.Utc, millis: number) => DateTime.unsafeMake(DateTime.toEpochMillis(instant) + millis)

/** Instants up to 16 days before and 2 days after a clock change: an order and its extension span the change. */
const nearClockChange: fc.Arbitrary<DateTime.Utc> = fc
  .tuple(fc.constantFrom(...clockChangeDays), fc.integer({ min: -16 * day, max: 2 * day }))
  .map(([change, millis]) => plus(atLondon(change, "00:00" as TimeOfDay), millis))
const madeAtArb = fc.oneof(instantArb, nearClockChange)

const daysBetween = (from: DateTime.Utc, to: DateTime.Utc) => epochDayOf(londonDateOf(to)) - epochDayOf(londonDateOf(from))
/** A wall time that does not exist on the spring change day (01:xx) reads as an hour later. */
const sameWallTime = (from: DateTime.Utc, to: DateTime.Utc) =>
  londonTimeOf(to) === londonTimeOf(from) || (londonTimeOf(from).startsWith("01:") && londonTimeOf(to) === `02:${londonTimeOf(from).slice(3)}`)

const clocks = (events: ReturnType<typeof northSomerset.play>, now: DateTime.Utc) =>
  deadlinesOf({ referrals: [], sittings: [], childRecords: [recordOf(events)] }, contextOf("lincolnshire"), { now, dueSoonHours: 48 })

describe("emergency protection order clocks: properties (STAT-S44)", () => {
  test.prop([madeAtArb, fc.integer({ min: 1, max: 8 })])(
    "STAT-S44: an order of N days ends N London days later at the same wall time, across either clock change; its clock says so and is not met by time passing",
    (madeAt, days) => {
      const events = northSomerset.play([cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt, days }, madeAt)])
      const order = recordOf(events).emergencyProtectionOrders[0]!
      expect(daysBetween(madeAt, order.endsAt)).toBe(days)
      expect(sameWallTime(madeAt, order.endsAt)).toBe(true)
      expect(Math.abs(DateTime.distance(madeAt, order.endsAt) - days * day)).toBeLessThanOrEqual(hour)
      const [clock] = clocks(events, plus(order.endsAt, 1))
      expect(clock).toMatchObject({ ruleId: "STAT-S44", due: order.endsAt, state: "overdue" })
      expect(clock!.explanation).toBe(
        `due ${formatInstant(order.endsAt)} - STAT-S44: ${days} day${days === 1 ? "" : "s"} after the emergency protection order made at ${formatInstant(madeAt)} (the court's period; at most 8 days)`
      )
    }
  )

  test.prop([madeAtArb, fc.integer({ min: -3, max: 20 })])("STAT-S44: a period outside 1-8 whole days is always refused", (madeAt, days) => {
    fc.pre(days < 1 || days > 8)
    expect(northSomerset.given([]).when(cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt, days }, madeAt)).refusal()).toMatchObject({ _tag: "EpoPeriodRefused" })
  })

  test.prop([madeAtArb, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 9 }), fc.double({ min: 0, max: 0.999, noNaN: true })])(
    "STAT-S44: one extension of at most 7 days, made while the order is in force, runs from the first end; the whole never passes 15 London days",
    (madeAt, days, extension, when) => {
      const first = recordOf(northSomerset.play([cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt, days }, madeAt)])).emergencyProtectionOrders[0]!
      const at = plus(madeAt, Math.floor(when * DateTime.distance(madeAt, first.endsAt)))
      const history = northSomerset.play([cmd({ _tag: "RecordEmergencyProtectionOrder", madeAt, days }, madeAt)])
      const outcome = northSomerset.given(history).when(cmd({ _tag: "ExtendEmergencyProtectionOrder", days: extension }, at))
      if (extension > 7) {
        expect(outcome.refusal()).toMatchObject({ _tag: "EpoPeriodRefused", maxDays: 7 })
        return
      }
      const extended = outcome.state()!.emergencyProtectionOrders[0]!.extension!
      expect(daysBetween(first.endsAt, extended.endsAt)).toBe(extension)
      expect(daysBetween(madeAt, extended.endsAt)).toBeLessThanOrEqual(15)
      const byId = Object.fromEntries(clocks([...history, ...outcome.events()], at).map((clock) => [clock.id, clock]))
      expect(byId["child-1:epo:epo-1"]).toMatchObject({ state: "met", metAt: at })
      expect(byId["child-1:epo-extension:epo-1"]).toMatchObject({ due: extended.endsAt, ruleId: "STAT-S44" })
      expect(addDays(londonDateOf(madeAt), days + extension)).toBe(londonDateOf(extended.endsAt))
    }
  )
})
