import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { remembered } from "../../src/calendar/remembered.js"

describe("remembered: a pure function's answers kept, within a bound", () => {
  it("answers what the function answers, working each key out once until the bound is reached", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (keys) => {
        const asked: number[] = []
        const square = remembered((n: number) => {
          asked.push(n)
          return { square: n * n }
        }, 1_000)
        for (const key of keys) expect(square(key)).toEqual({ square: key * key })
        expect(asked).toEqual([...new Set(keys)])
      })
    )
  })

  it("forgets everything once the bound is reached, so a long-running process does not grow without end", () => {
    const asked: number[] = []
    const double = remembered((n: number) => {
      asked.push(n)
      return n * 2
    }, 3)
    for (const key of [1, 2, 3, 1, 4, 1]) double(key)
    // 1, 2 and 3 fill it; 1 is known; 4 starts it again; so 1 is worked out again.
    expect(asked).toEqual([1, 2, 3, 4, 1])
  })
})
