import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Referrals, Sittings } from "@carepanel/core"
import { requestWithPapers } from "@carepanel/core/testing"
import { Effect } from "effect"
import { upcomingSittings } from "../src/data/requests.js"
import { reordered } from "../src/data/sittings.js"
import { sittingWhen } from "../src/ui/describe.js"
import { demoPolicy, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

const agendaOf = (sittingId: string) =>
  tui.runtime.runPromise(Effect.map(Effect.flatMap(Sittings, (use) => use.get(staff.administrator, sittingId as never)), (sitting) => sitting.agenda))

describe("the Sitting screen: the agenda's order and the panel's other sittings", () => {
  it("J moves the chosen request down and K back up; the core gives every item its time slot again, and the screen says so", async () => {
    // Two requests made ready today and accepted onto the sitting after next (the next one's deadline has passed): its
    // agenda built from what is due has them.
    const [, next] = await tui.runtime.runPromise(upcomingSittings(staff.administrator))
    for (const [id, name] of [["child-order-1", "Ellis Quarry"], ["child-order-2", "Noor Halden"]] as const) {
      await tui.runtime.runPromise(
        Effect.flatMap(requestWithPapers(demoPolicy, demoPolicy.referral.inScope.requestTypes[0]!, { id, name }), (ready) =>
          Effect.flatMap(Referrals, (use) => use.acceptOntoSitting(staff.administrator, ready.id, next!.id))
        )
      )
    }
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "sitting", sittingId: next!.id } })
    await waitFor(lastFrame, "Agenda (")
    await press(stdin, "b")
    await waitFor(lastFrame, "Agenda built from what is due.")
    const built = await agendaOf(next!.id)
    expect(built.length, "two requests due at the sitting after next").toBeGreaterThanOrEqual(2)
    const [first, second] = built

    await press(stdin, "J")
    await waitFor(lastFrame, "Agenda reordered; the time slots follow the new order.")
    const moved = await agendaOf(next!.id)
    expect(moved.slice(0, 2).map((item) => item.referralId)).toEqual([second!.referralId, first!.referralId])
    expect(moved[0]!.startsAt).toEqual(first!.startsAt)

    await press(stdin, "K")
    await expect.poll(async () => (await agendaOf(next!.id)).slice(0, 2).map((item) => item.referralId)).toEqual([first!.referralId, second!.referralId])
    unmount()
  })

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
