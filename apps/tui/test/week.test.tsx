import { afterAll, beforeAll, describe, expect, it } from "vitest"
import type { TuiRuntime } from "../src/core/runtime.js"
import { keys, press, renderTui, seededCore, waitFor } from "./support/harness.js"

let tui: TuiRuntime
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

describe("Week", () => {
  it("shows the sittings to come, the clocks needing attention in words", async () => {
    const { lastFrame, stdin, unmount } = renderTui(tui)
    const frame = await waitFor(lastFrame, "Sittings this week and next")
    expect(frame).toContain("Carepanel · Wexcombe Borough Council (fictional) · Dev Ingleby (panel administrator)")
    expect(frame).toMatch(/Wed 2 Jun 2027 10:00 +Support Panel +1 item · agenda draft/)
    expect(frame).toMatch(/‼ \d+ overdue · ! \d+ due soon/)
    await press(stdin, "?")
    expect(await waitFor(lastFrame, "Help: Week")).toContain("q          quit")
    await press(stdin, keys.escape)
    await waitFor(lastFrame, "Sittings this week and next")
    unmount()
  })
})
