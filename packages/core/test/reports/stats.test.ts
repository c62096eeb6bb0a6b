import { describe, expect, it } from "@effect/vitest"
import { fc, test } from "@fast-check/vitest"
import { median, quantile, sortNumbers, statsOf } from "../../src/reports/stats.js"

const values = fc.array(fc.integer({ min: -10_000, max: 10_000 }), { maxLength: 60 })

describe("report statistics", () => {
  it("the median of an odd count is the middle value; of an even count the mean of the middle two", () => {
    expect(median([7, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeUndefined()
  })

  it("sorts numerically, not as text: 10 after 9", () => {
    expect(median([10, 9, 2])).toBe(9)
    expect(sortNumbers([10, 9, 100, 2])).toEqual([2, 9, 10, 100])
  })

  it("percentiles interpolate between closest ranks, as R, NumPy and PERCENTILE.INC do", () => {
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7)
    expect(quantile([15, 20, 35, 40, 50], 0.4)).toBe(29)
    expect(quantile([5], 0.9)).toBe(5)
    expect(statsOf([3, 1, 2, 10])).toEqual({ count: 4, median: 2.5, p90: 7.9, mean: 4, min: 1, max: 10 })
    expect(statsOf([])).toEqual({ count: 0, median: undefined, p90: undefined, mean: undefined, min: undefined, max: undefined })
  })

  test.prop([values])("the median splits the values: as many at or below as at or above", (xs) => {
    const m = median(xs)
    if (m === undefined) {
      expect(xs).toEqual([])
      return
    }
    expect(xs.filter((x) => x <= m).length * 2).toBeGreaterThanOrEqual(xs.length)
    expect(xs.filter((x) => x >= m).length * 2).toBeGreaterThanOrEqual(xs.length)
  })

  test.prop([values, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
    "quantiles lie between the least and the most and never fall as p rises; order of input does not matter",
    (xs, p, q) => {
      fc.pre(xs.length > 0)
      const sorted = sortNumbers(xs)
      const [low, high] = p <= q ? [p, q] : [q, p]
      expect(quantile(sorted, low)!).toBeLessThanOrEqual(quantile(sorted, high)! + 1e-9)
      expect(quantile(sorted, low)!).toBeGreaterThanOrEqual(sorted[0]!)
      expect(quantile(sorted, high)!).toBeLessThanOrEqual(sorted[sorted.length - 1]!)
      expect(median([...xs].reverse())).toBe(median(xs))
    }
  )
})
