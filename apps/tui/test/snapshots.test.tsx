import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { upcomingSittings } from "../src/data/requests.js"
import type { Route } from "../src/ui/Navigation.js"
import { renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
let sittingId: string
beforeAll(async () => {
  tui = await seededCore()
  const [next] = await tui.runtime.runPromise(upcomingSittings(staff.administrator))
  sittingId = next!.id
})
afterAll(() => tui.runtime.dispose())

const screens: ReadonlyArray<readonly [string, () => Route, string]> = [
  ["week", () => ({ name: "week" }), "Sittings this week and next"],
  ["requests", () => ({ name: "requests" }), "Waiting for: team manager"],
  ["sitting", () => ({ name: "sitting", sittingId }), "Agenda (1)"],
  ["meeting", () => ({ name: "meeting", sittingId }), "Not decided yet"],
  ["deadlines", () => ({ name: "deadlines" }), "open · ‼"]
]

/** Each screen as text at the two sizes it is laid out for, committed beside the tests: a change shows in review. */
describe.each([
  [80, 24],
  [120, 40]
])("at %ix%i", (columns, rows) => {
  it.each(screens)("%s", async (name, route, ready) => {
    const { lastFrame, unmount } = renderTui(tui, { initial: route(), columns, rows })
    const frame = await waitFor(lastFrame, ready)
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(columns)
    expect(frame.split("\n").length).toBeLessThanOrEqual(rows)
    await expect(`${frame}\n`).toMatchFileSnapshot(`__snapshots__/${name}-${columns}x${rows}.txt`)
    unmount()
  })
})
