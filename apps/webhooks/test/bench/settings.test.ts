import { describe, expect, it } from "vitest"
import { benchDeliveries } from "../../bench/settings.js"

describe("bench:profile's BENCH_DELIVERIES", () => {
  it("takes plain digits, or 1,500 when unset", () => {
    expect(benchDeliveries({})).toBe(1500)
    expect(benchDeliveries({ BENCH_DELIVERIES: " 600 " })).toBe(600)
  })

  it.each(["1e3", "12abc", "-5", "0", "+600", "0x10", "2.5"])("stops the bench naming the setting for %j", (text) => {
    expect(() => benchDeliveries({ BENCH_DELIVERIES: text })).toThrow("BENCH_DELIVERIES: must be a whole number from 1 to 10000000")
  })
})
