import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { upcomingSittings } from "../src/data/requests.js"
import type { Route } from "../src/ui/Navigation.js"
import { keys, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
let sittingId: string
beforeAll(async () => {
  tui = await seededCore()
  const [next] = await tui.runtime.runPromise(upcomingSittings(staff.administrator))
  sittingId = next!.id
})
afterAll(() => tui.runtime.dispose())

/** Name, where it opens, what shows once it has loaded, and optionally keys to press then and what they show. */
const screens: ReadonlyArray<readonly [string, () => Route, string, (readonly [ReadonlyArray<string>, string])?]> = [
  ["week", () => ({ name: "week" }), "Sittings this week and next"],
  ["requests", () => ({ name: "requests" }), "Waiting for: team manager"],
  ["sitting", () => ({ name: "sitting", sittingId }), "Agenda (1)"],
  ["meeting", () => ({ name: "meeting", sittingId }), "Not decided yet"],
  ["meeting-decision", () => ({ name: "meeting", sittingId }), "Not decided yet", [[keys.enter], "typing: esc cancels the form"]],
  ["record", () => ({ name: "record" }), "Draft -> chair -> final"],
  ["reports", () => ({ name: "reports" }), "Decisions by outcome"],
  ["reports-sitting", () => ({ name: "reports" }), "Decisions by outcome", [[keys.tab], "▸ Sitting"]],
  ["deadlines", () => ({ name: "deadlines" }), "open · ‼"],
  ["inbox", () => ({ name: "inbox" }), "✉ Inbox (2)", [[keys.down], "› 09:00 Fri 21 May 2027"]],
  ["statutory", () => ({ name: "statutory" }), "with statutory clocks (2)"],
  ["deliveries-none", () => ({ name: "deliveries" }), "No delivery is waiting, refused or dead."]
]

/** Each screen as text at the two sizes it is laid out for, committed beside the tests: a change shows in review. */
describe.each([
  [80, 24],
  [120, 40]
])("at %ix%i", (columns, rows) => {
  for (const [name, route, ready, then] of screens) it(name, async () => {
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: route(), columns, rows })
    let frame = await waitFor(lastFrame, ready)
    if (then !== undefined) {
      await press(stdin, ...then[0])
      frame = await waitFor(lastFrame, then[1])
    }
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(columns)
    expect(frame.split("\n").length).toBeLessThanOrEqual(rows)
    await expect(`${frame}\n`).toMatchFileSnapshot(`__snapshots__/${name}-${columns}x${rows}.txt`)
    unmount()
  })
})
