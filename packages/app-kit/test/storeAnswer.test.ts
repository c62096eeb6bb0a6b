import { describe, expect, it } from "vitest"
import { ConfigError, storeAnswerMsOf, within } from "../src/index.js"

describe("waiting for the store at most CAREPANEL_STORE_ANSWER_SECONDS", () => {
  it("30 s unless set; a value from 1 to 3600 s; out of range refused by name", () => {
    expect(storeAnswerMsOf({})).toBe(30_000)
    expect(storeAnswerMsOf({ CAREPANEL_STORE_ANSWER_SECONDS: "2" })).toBe(2_000)
    for (const typed of ["0", "3601", "soon"]) {
      expect(() => storeAnswerMsOf({ CAREPANEL_STORE_ANSWER_SECONDS: typed }), typed).toThrow(
        new ConfigError("CAREPANEL_STORE_ANSWER_SECONDS", "must be a whole number from 1 to 3600")
      )
    }
  })

  it("within: a promise that never settles is answered late's value after the limit; one that settles first, its own, and late is never asked", async () => {
    const startedAt = performance.now()
    expect(await within(50, new Promise<string>(() => undefined), () => "late")).toBe("late")
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(45)
    let asked = 0
    const late = () => {
      asked++
      return "late"
    }
    expect(await within(50, Promise.resolve("answered"), late)).toBe("answered")
    await expect(within(50, Promise.reject(new Error("refused")), late)).rejects.toThrow("refused")
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(asked).toBe(0)
  })
})
