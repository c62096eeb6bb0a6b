import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { sqlLimit } from "../../src/sql/sqlLimit.js"

describe("a page's LIMIT as both engines take it", () => {
  it("no limit (undefined, Infinity) is every row: the largest safe integer", () => {
    expect(sqlLimit(undefined)).toBe(Number.MAX_SAFE_INTEGER)
    expect(sqlLimit(Number.POSITIVE_INFINITY)).toBe(Number.MAX_SAFE_INTEGER)
  })

  it("a finite limit is the whole number of rows at or below it, never fewer than none", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (limit) => {
        const rows = sqlLimit(limit)
        expect(Number.isInteger(rows)).toBe(true)
        expect(rows).toBeGreaterThanOrEqual(0)
        expect(rows).toBeLessThanOrEqual(Math.max(0, limit))
        expect(rows).toBeGreaterThan(limit - 1)
      })
    )
    expect(sqlLimit(2.7)).toBe(2)
    expect(sqlLimit(-3)).toBe(0)
  })
})
