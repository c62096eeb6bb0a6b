import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { upcomingSittings } from "../src/data/requests.js"
import { reordered } from "../src/data/sittings.js"
import { sittingWhen } from "../src/ui/describe.js"
import { press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

describe("the Sitting screen: the agenda's order and the panel's other sittings", () => {
  it("K on the first request and J on the last change nothing: there is nowhere to move them", () => {
    const agenda = [
      { referralId: "ref_a", childIds: ["child-a"], kind: "new", summary: "A", startsAt: "x", endsAt: "y" },
      { referralId: "ref_b", childIds: ["child-b"], kind: "review", summary: "B", startsAt: "x", endsAt: "y" }
    ] as never
    expect(reordered(agenda, 0, -1)).toBeUndefined()
    expect(reordered(agenda, 1, 1)).toBeUndefined()
    // Moved, each entry keeps what the chair sees and leaves its old time slot for the core to give again.
    expect(reordered(agenda, 0, 1)).toEqual([
      { referralId: "ref_b", childIds: ["child-b"], kind: "review", summary: "B" },
      { referralId: "ref_a", childIds: ["child-a"], kind: "new", summary: "A" }
    ])
  })

  it("> and < go to the panel's next and previous sittings", async () => {
    const [sitting, next] = await tui.runtime.runPromise(upcomingSittings(staff.administrator)).then((all) => {
      const firstOne = all[0]!
      return [firstOne, all.find((candidate) => candidate.panelId === firstOne.panelId && candidate.id !== firstOne.id)!]
    })
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "sitting", sittingId: sitting!.id } })
    await waitFor(lastFrame, sittingWhen(sitting!))
    await press(stdin, ">")
    await waitFor(lastFrame, sittingWhen(next!))
    await press(stdin, "<")
    await waitFor(lastFrame, sittingWhen(sitting!))
    unmount()
  })
})
