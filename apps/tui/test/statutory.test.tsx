import { AccessLog, Placements } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { keys, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

describe("Statutory tracker", () => {
  it("counts down each Regulation 24 approval with its clocks and explanation, and logs the children shown", async () => {
    const [placement] = (await tui.runtime.runPromise(Effect.flatMap(Placements, (use) => use.list(staff.administrator)))).filter((p) => p.status === "placed")
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "statutory" } })
    const frame = await waitFor(lastFrame, "Regulation 24 placements (1)")
    expect(frame).toMatch(new RegExp(`› ${placement!.childId} +placed +\\d+ weeks \\d+ days left of the approval`))
    expect(frame).toMatch(/Clocks: this placement's \(\d+\), then every other statutory one \(\d+\)/)
    expect(frame).toContain("STAT-R24")
    await press(stdin, keys.tab, "j")
    const moved = await waitFor(lastFrame, "▸ Clocks")
    expect(moved).toMatch(/due .* - (STAT|LIN|DEF)-/)
    const logged = await tui.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(staff.administrator.authorityId, placement!.childId)))
    expect(logged).toContainEqual(expect.objectContaining({ fields: ["placement"], purpose: "tui: Statutory" }))
    unmount()
  })
})
