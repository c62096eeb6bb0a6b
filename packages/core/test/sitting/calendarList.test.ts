import { describe, expect, it } from "@effect/vitest"
import { Effect, Layer, TestClock } from "effect"
import { EnglandAndWalesCalendar } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { preset } from "../../src/policy/authorities/index.js"
import { PanelId } from "../../src/shared/ids.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { InMemoryStoreLayer } from "../../src/testing/InMemoryStore.js"
import { SequentialIds } from "../../src/testing/SequentialIds.js"
import { staticPolicies } from "../../src/testing/StaticPolicies.js"
import { london } from "../fixtures.js"

const core = Sittings.Default.pipe(
  Layer.provideMerge(Layer.mergeAll(InMemoryStoreLayer, SequentialIds, staticPolicies(preset("care-planning")), EnglandAndWalesCalendar))
)
const { administrator } = staffOf("care-planning")
const panelId = PanelId.make("care-planning-and-resources")
const on = (date: string) => date as LocalDate

describe("the panel's calendar of sittings (CPR-1)", () => {
  it.effect("CPR-1: given it is Tue 1 Jun 2027, when the administrator schedules the year, then only the Wednesdays still to come are scheduled", () =>
    Effect.gen(function* () {
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const scheduled = yield* sittings.scheduleYear(administrator, panelId, 2027)
      expect(scheduled.map((sitting) => sitting.date).slice(0, 2)).toEqual(["2027-06-02", "2027-06-09"])
      expect(scheduled).toHaveLength(31)
    }).pipe(Effect.provide(core))
  )

  it.effect("CPR-1: given it is Wed 9 Jun 2027 at 10:00, the day's sitting under way, when the administrator schedules the year, then it starts from next Wednesday, each a sitting id", () =>
    Effect.gen(function* () {
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-06-09", "10:00").epochMillis)
      const scheduled = yield* sittings.scheduleYear(administrator, panelId, 2027)
      expect(scheduled.map((sitting) => sitting.date).slice(0, 2)).toEqual(["2027-06-16", "2027-06-23"])
      expect(scheduled.every((sitting) => sitting.id.startsWith("sit_"))).toBe(true)
    }).pipe(Effect.provide(core))
  )

  it.effect("given sittings scheduled out of order, when the administrator lists them, then they come soonest first, and only those within the dates asked for", () =>
    Effect.gen(function* () {
      const sittings = yield* Sittings
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      for (const date of ["2027-06-23", "2027-06-09", "2027-06-16"]) yield* sittings.schedule(administrator, panelId, on(date))
      const dates = (filter: Parameters<Sittings["list"]>[1] = {}) =>
        sittings.list(administrator, filter).pipe(Effect.map((list) => list.map((sitting) => sitting.date)))
      expect(yield* dates()).toEqual(["2027-06-09", "2027-06-16", "2027-06-23"])
      expect(yield* dates({ from: on("2027-06-16") })).toEqual(["2027-06-16", "2027-06-23"])
      expect(yield* dates({ to: on("2027-06-16") })).toEqual(["2027-06-09", "2027-06-16"])
      expect(yield* dates({ panelId: PanelId.make("another-panel") })).toEqual([])
    }).pipe(Effect.provide(core))
  )
})
