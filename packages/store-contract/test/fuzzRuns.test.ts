import { describe, expect, it } from "vitest"
import { fuzzRunsOf } from "../src/support/fuzzRuns.js"

describe("CAREPANEL_FUZZ_RUNS", () => {
  it("takes plain digits, or the adapter's runs when unset or blank", () => {
    expect(fuzzRunsOf(2, {})).toBe(2)
    expect(fuzzRunsOf(2, { CAREPANEL_FUZZ_RUNS: " " })).toBe(2)
    expect(fuzzRunsOf(2, { CAREPANEL_FUZZ_RUNS: " 200 " })).toBe(200)
  })

  it.each(["1e3", "12abc", "-5", "0", "+8", "0x10", "2.5"])("stops the test file naming the setting for %j", (text) => {
    expect(() => fuzzRunsOf(2, { CAREPANEL_FUZZ_RUNS: text })).toThrow(`CAREPANEL_FUZZ_RUNS must be a whole number from 1 to 100000, not "${text}"`)
  })
})
