import { describe, expect, it } from "vitest"
import { retryAfterMs } from "../src/responseFailure.js"

describe("Retry-After", () => {
  const now = Date.parse("2027-06-04T11:00:00Z")

  it("reads delay-seconds and HTTP-dates, never negative", () => {
    expect(retryAfterMs("120", now)).toBe(120_000)
    expect(retryAfterMs(" 0 ", now)).toBe(0)
    expect(retryAfterMs("Fri, 04 Jun 2027 11:01:30 GMT", now)).toBe(90_000)
    expect(retryAfterMs("Fri, 04 Jun 2027 10:00:00 GMT", now)).toBe(0)
  })

  it("ignores what it cannot read", () => {
    for (const header of [undefined, "", "soon", "-5", "1.5"]) expect(retryAfterMs(header, now)).toBeUndefined()
  })
})
