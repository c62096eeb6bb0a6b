import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { monthsBetween } from "../../src/deadlines/liveDeadlineInputs.js"
import { monthOf } from "../../src/deadlines/awaiting.js"

const day = fc.date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))

describe("the months the running deadlines read sittings by", () => {
  it("run from the first date's month to the second's, one after another across years", () => {
    expect(monthsBetween("2027-11-20", "2028-02-03")).toEqual(["2027-11", "2027-12", "2028-01", "2028-02"])
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a]
        const months = monthsBetween(from, to)
        expect(months[0]).toBe(monthOf(from))
        expect(months.at(-1)).toBe(monthOf(to))
        // Ascending, first and last right, and as many as the calendar has between them: so none is missed.
        for (const [i, month] of months.entries()) if (i > 0) expect(month > months[i - 1]!).toBe(true)
        expect(months.length).toBe((Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1)
      })
    )
  })

  it("are none when the first date is the later", () => {
    expect(monthsBetween("2027-03-01", "2027-02-28")).toEqual([])
  })
})
