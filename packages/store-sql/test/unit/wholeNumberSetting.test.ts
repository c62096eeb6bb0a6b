import { describe, expect, it } from "vitest"
import { wholeNumberSetting, wholeNumbersSetting } from "../../dev/wholeNumberSetting.js"

describe("the bench's and tests' number settings (BENCH_ENGLAND_OPEN, CAREPANEL_TAMPER_RUNS...)", () => {
  it("take plain digits, or the default when unset or blank", () => {
    expect(wholeNumberSetting("BENCH_ENGLAND_OPEN", 5000, {})).toBe(5000)
    expect(wholeNumberSetting("BENCH_ENGLAND_OPEN", 5000, { BENCH_ENGLAND_OPEN: " " })).toBe(5000)
    expect(wholeNumberSetting("BENCH_ENGLAND_OPEN", 5000, { BENCH_ENGLAND_OPEN: " 1000 " })).toBe(1000)
    expect(wholeNumbersSetting("BENCH_ENGLAND_SAMPLE", { BENCH_ENGLAND_SAMPLE: "1, 77,153" })).toEqual([1, 77, 153])
    expect(wholeNumbersSetting("BENCH_ENGLAND_SAMPLE", {})).toBeUndefined()
  })

  it.each(["1e3", "12abc", "-5", "0", "+8", "0x10", "2.5", "five thousand"])("stop the script naming the setting for %j", (text) => {
    expect(() => wholeNumberSetting("BENCH_ENGLAND_OPEN", 5000, { BENCH_ENGLAND_OPEN: text })).toThrow(
      `BENCH_ENGLAND_OPEN must be a whole number from 1 to 10000000, not "${text}"`
    )
  })

  it("refuse a list with a part that is not such a number", () => {
    expect(() => wholeNumbersSetting("BENCH_ENGLAND_SAMPLE", { BENCH_ENGLAND_SAMPLE: "1,1e3" })).toThrow('BENCH_ENGLAND_SAMPLE must be a whole number from 1 to 10000000, not "1e3"')
    expect(() => wholeNumbersSetting("BENCH_ENGLAND_SAMPLE", { BENCH_ENGLAND_SAMPLE: "1,,153" })).toThrow('BENCH_ENGLAND_SAMPLE must be a whole number from 1 to 10000000, not ""')
  })
})
