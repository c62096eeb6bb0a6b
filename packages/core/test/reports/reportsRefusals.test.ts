import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Reports } from "../../src/reports/Reports.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { playWeek } from "../../src/testing/playWeek.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"

const core = Layer.mergeAll(Reports.Default, Referrals.Default, Decisions.Default, Deadlines.Default).pipe(
  Layer.provideMerge(Sittings.Default),
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("lincolnshire"), preset("knowsley")), EnglandAndWalesCalendar))
)
const lin = staffOf("lincolnshire")

describe("Reports use case: the reporting year asked for", () => {
  it.effect("LIN-10: a year from 2000 to 2200 starting in any month from 1 to 12 is answered, starting in that month", () =>
    Effect.gen(function* () {
      yield* playWeek(preset("lincolnshire"))
      const reports = yield* Reports
      const april = yield* reports.annual(lin.auditor, 2027, { firstMonth: 4 })
      expect(april.months.map((row) => row.month).slice(0, 3)).toEqual(["2027-04", "2027-05", "2027-06"])
      expect(april.months).toHaveLength(12)
      expect((yield* reports.annual(lin.auditor, 2000, { firstMonth: 1 })).months[0]?.month).toBe("2000-01")
      expect((yield* reports.annual(lin.auditor, 2200, { firstMonth: 12 })).months[0]?.month).toBe("2200-12")
      expect((yield* reports.annual(lin.auditor, 2027)).months[0]?.month).toBe("2027-01")
    }).pipe(Effect.provide(core))
  )

  it.effect("a year outside 2000-2200, a fraction of a year or a month outside 1-12 is refused in words", () =>
    Effect.gen(function* () {
      const reports = yield* Reports
      const refusal = (year: number, firstMonth?: number) =>
        Effect.flip(reports.annual(lin.serviceManager, year, firstMonth === undefined ? {} : { firstMonth })).pipe(Effect.map((error) => [error._tag, error.message]))
      expect(yield* refusal(1999)).toEqual(["InvalidReportPeriod", "There is no reporting year 1999 starting in month 1."])
      expect(yield* refusal(2201)).toEqual(["InvalidReportPeriod", "There is no reporting year 2201 starting in month 1."])
      expect(yield* refusal(2027.5)).toEqual(["InvalidReportPeriod", "There is no reporting year 2027.5 starting in month 1."])
      expect(yield* refusal(2027, 0)).toEqual(["InvalidReportPeriod", "There is no reporting year 2027 starting in month 0."])
      expect(yield* refusal(2027, 13)).toEqual(["InvalidReportPeriod", "There is no reporting year 2027 starting in month 13."])
      expect(yield* refusal(2027, 4.5)).toEqual(["InvalidReportPeriod", "There is no reporting year 2027 starting in month 4.5."])
    }).pipe(Effect.provide(core))
  )

  it.effect("KNO-3: an authority whose policy declares no edge-of-care services gets 'not declared' on every line", () =>
    Effect.gen(function* () {
      yield* playWeek(preset("lincolnshire"))
      const reports = yield* Reports
      const tracker = yield* reports.edgeOfCare(lin.serviceManager, { from: "2027-06-01", to: "2027-06-30" })
      expect(tracker.capacity.map((line) => [line.services, line.placesPerMonth])).toEqual([
        ["", "not declared"],
        ["", "not declared"]
      ])
    }).pipe(Effect.provide(core))
  )
})
