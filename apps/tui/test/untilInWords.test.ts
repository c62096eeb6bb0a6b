import { describe, expect, it } from "vitest"
import { untilInWords } from "../src/ui/describe.js"

// Meeting mode opened days ahead said "⏱ slot starts in 3233 min": a chair has to do sums to read it.
describe("how long until a slot starts, in words", () => {
  it("in minutes within the hour, in hours and minutes within the day, in days and hours beyond", () => {
    expect(untilInWords(1)).toBe("1 min")
    expect(untilInWords(59)).toBe("59 min")
    expect(untilInWords(60)).toBe("1 h 0 min")
    expect(untilInWords(125)).toBe("2 h 5 min")
    expect(untilInWords(24 * 60)).toBe("1 day")
    expect(untilInWords(3233)).toBe("2 days 5 h")
  })
})
