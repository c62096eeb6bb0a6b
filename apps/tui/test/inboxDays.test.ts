import { existsSync, mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { inboxDaysOf } from "../src/config/env.js"
import { startTui } from "./support/start.js"

const refusal = "CAREPANEL_INBOX_DAYS: must be a whole number from 1 to 90"

// A council that sits monthly saw none of the notifications queued more than 14 days before the terminal opened.
describe("how many days back the inbox reaches when the terminal opens (CAREPANEL_INBOX_DAYS)", () => {
  it("is 14 unless set", () => {
    expect(inboxDaysOf({})).toBe(14)
    expect(inboxDaysOf({ CAREPANEL_INBOX_DAYS: " " })).toBe(14)
  })

  it("takes any whole number of days from 1 to 90", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 90 }), (days) => inboxDaysOf({ CAREPANEL_INBOX_DAYS: ` ${days} ` }) === days))
  })

  it("refuses anything else, saying what it takes", () => {
    for (const bad of ["0", "91", "-7", "2.5", "four weeks", "28d", "365"]) {
      expect(() => inboxDaysOf({ CAREPANEL_INBOX_DAYS: bad }), bad).toThrow(refusal)
    }
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 91 }), fc.double({ min: 1, max: 90, noNaN: true }).filter((n) => !Number.isInteger(n))), (bad) => {
        expect(() => inboxDaysOf({ CAREPANEL_INBOX_DAYS: String(bad) })).toThrow(refusal)
      })
    )
  })

  it("a bad value stops the start before anything opens: one JSON line naming the setting, no store made", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "carepanel-tui-inbox-days-")), "data")
    const stopped = await startTui({ CAREPANEL_INBOX_DAYS: "a month", CAREPANEL_DATA_DIR: dataDir })
    expect(stopped.code).toBe(1)
    expect(stopped.stdout).toBe("")
    const lines = stopped.stderr.split("\n").filter((line) => line !== "")
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      message: "Cannot start: a setting cannot be used",
      logLevel: "ERROR",
      annotations: { setting: "CAREPANEL_INBOX_DAYS", problem: refusal }
    })
    expect(existsSync(dataDir)).toBe(false)
  }, 120_000)
})
