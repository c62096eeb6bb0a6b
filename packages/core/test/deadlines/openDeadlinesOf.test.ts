import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import fc from "fast-check"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { openDeadlines } from "../../src/deadlines/computeDeadlines.js"
import { preset, presetSlugs } from "../../src/policy/authorities/index.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore, playWeek } from "../../src/testing/playWeek.js"

/** Up to half a year after the week, in hours, ascending: the test clock only moves forward. */
const later = (seed: number) => fc.sample(fc.integer({ min: 0, max: 26 * 7 * 24 }), { numRuns: 12, seed }).sort((a, b) => a - b)

describe("the running clocks, without working out the met ones first", () => {
  it.effect.each(presetSlugs)("%s: a played week's open deadlines are exactly its deadlines less the met ones, at any later time", (slug) =>
    Effect.gen(function* () {
      const policy = preset(slug)
      yield* playWeek(policy)
      const deadlines = yield* Deadlines
      const admin = staffOf(policy.authority.id).administrator
      let at = 0
      let met = 0
      for (const hours of later(slug.length)) {
        yield* TestClock.adjust(`${hours - at} hours`)
        at = hours
        const every = yield* deadlines.forAuthority(admin, { includeMet: true })
        const open = yield* deadlines.forAuthority(admin)
        expect(open).toEqual(openDeadlines(every))
        expect(open.length).toBeGreaterThan(0)
        met += every.length - open.length
      }
      // Not vacuous: the week met clocks (submissions, the sitting's, the record's) that the open list leaves out.
      expect(met).toBeGreaterThan(0)
    }).pipe(Effect.provide(inMemoryCore(preset(slug))))
  )
})
