import { AccessLog, ChildId } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { keys, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

describe("Deadlines", () => {
  it("lists the open clocks overdue first, each with its explanation, and filters by rule", async () => {
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "deadlines" } })
    const frame = await waitFor(lastFrame, "open · ‼")
    const states = frame.split("\n").filter((line) => /^[›· ] (‼ overdue|! due soon|· pending)/.test(line))
    expect(states[0]).toContain("‼ overdue")
    expect(states.findIndex((line) => line.includes("! due soon"))).toBeGreaterThan(states.findLastIndex((line) => line.includes("‼ overdue")))
    await press(stdin, "f", "LIN-9", keys.enter)
    const filtered = await waitFor(lastFrame, 'filter "LIN-9"')
    const rows = filtered.split("\n").filter((line) => /^[›· ] (‼ overdue|! due soon|· pending)/.test(line))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toContain("LIN-9")
    expect(filtered).toMatch(/LIN-9/)
    unmount()
  })

  it("says whose case each clock is about, and filters by a child's id", async () => {
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "deadlines" } })
    const frame = await waitFor(lastFrame, "open · ‼")
    const actionClock = frame.split("\n").find((line) => line.includes("Update the child's plan"))
    expect(actionClock).toMatch(/ wx-child-\d+ +Update the child's plan/)
    const child = /(wx-child-\d+)/.exec(actionClock!)![1]!
    await press(stdin, "f", child, keys.enter)
    const filtered = await waitFor(lastFrame, `filter "${child}"`)
    const rows = filtered.split("\n").filter((line) => /^[›· ] (‼ overdue|! due soon|· pending)/.test(line))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toContain(child)
    unmount()
  })
})

describe("Search", () => {
  it("finds a child's history by their id and logs the read", async () => {
    const { lastFrame, stdin, unmount } = renderTui(tui)
    await waitFor(lastFrame, "Sittings this week and next")
    await press(stdin, "/")
    await waitFor(lastFrame, "Child, request or decision id:")
    await press(stdin, "wx-child-02", keys.enter)
    const frame = await waitFor(lastFrame, '"wx-child-02": 1 request')
    expect(frame).toMatch(/defer \(dec_\d+\)/)
    expect(frame).toMatch(/approve \(dec_\d+\)/)
    const logged = await tui.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(staff.administrator.authorityId, ChildId.make("wx-child-02"))))
    expect(logged).toContainEqual(expect.objectContaining({ personId: staff.administrator.personId, fields: ["history"], purpose: "tui: Search" }))
    unmount()
  })
})
