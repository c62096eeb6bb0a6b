import { Effect, Random } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { backoffCeilingMs, fullJitterMs, retryDelayMs } from "../../src/outbox/backoff.js"

const settings = fc
  .record({ baseDelayMs: fc.integer({ min: 1, max: 600_000 }), extra: fc.integer({ min: 0, max: 86_400_000 }) })
  .map(({ baseDelayMs, extra }) => ({ baseDelayMs, maxDelayMs: baseDelayMs + extra }))
const attempt = fc.integer({ min: 1, max: 200 })
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

describe("backoff", () => {
  it("doubles from the base and stops at the cap", () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffCeilingMs(n, 1_000, 20_000))
    expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000])
    expect(backoffCeilingMs(5_000, 1_000, 20_000)).toBe(20_000)
  })

  it("never shrinks as attempts grow, and never passes the cap", () => {
    fc.assert(
      fc.property(settings, attempt, (s, n) => {
        const ceiling = backoffCeilingMs(n, s.baseDelayMs, s.maxDelayMs)
        expect(ceiling).toBeLessThanOrEqual(s.maxDelayMs)
        expect(backoffCeilingMs(n + 1, s.baseDelayMs, s.maxDelayMs)).toBeGreaterThanOrEqual(ceiling)
      })
    )
  })

  it("jitters to a whole number of milliseconds between zero and the ceiling", () => {
    fc.assert(
      fc.property(settings, attempt, unit, (s, n, u) => {
        const ceiling = backoffCeilingMs(n, s.baseDelayMs, s.maxDelayMs)
        const delay = fullJitterMs(ceiling, u)
        expect(Number.isInteger(delay)).toBe(true)
        expect(delay).toBeGreaterThanOrEqual(0)
        expect(delay).toBeLessThanOrEqual(ceiling)
      })
    )
  })

  it("draws from the Random service, within bounds, and never earlier than Retry-After", () => {
    fc.assert(
      fc.property(settings, attempt, unit, fc.option(fc.integer({ min: 0, max: 86_400_000 })), (s, n, u, after) => {
        const delay = Effect.runSync(
          retryDelayMs(n, s, after ?? undefined).pipe(Effect.withRandom(Random.fixed([u])))
        )
        const ceiling = backoffCeilingMs(n, s.baseDelayMs, s.maxDelayMs)
        expect(delay).toBeGreaterThanOrEqual(after ?? 0)
        expect(delay).toBeLessThanOrEqual(Math.max(ceiling, after ?? 0))
        if (after === null) expect(delay).toBe(fullJitterMs(ceiling, u))
      })
    )
  })
})
