import { type AttendanceEntry, Decisions, Disagreements, PersonId, Referrals, Sittings } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { decisionFields } from "../src/data/decisionContent.js"
import { upcomingSittings } from "../src/data/requests.js"
import { demoPolicy, keys, press, renderTui, seededCore, staff, type TestCore, typedDecision, waitFor } from "./support/harness.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())


describe("Meeting mode", () => {
  it("records the panel's decision with a review date and two actions, item by item, on the sitting under way", async () => {
    const [sitting] = await tui.runtime.runPromise(upcomingSittings(staff.administrator))
    tui.travelTo(new Date("2027-06-02T09:10:00Z")) // 10:10 in London: the sitting began at 10:00
    // NSO-1's rule as the demonstration policy runs it: the chair says enough members are present before any decision.
    await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.confirmQuorum(staff.chair, sitting!.id, true, "Chair and members present")))
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "meeting", sittingId: sitting!.id } })
    const opened = await waitFor(lastFrame, "Not decided yet")
    expect(opened).toMatch(/item 1 of 1 · ⏱ \d+ min left in the slot/)
    const referralId = sitting!.agenda[0]!.referralId
    const request = await tui.runtime.runPromise(Effect.flatMap(Referrals, (use) => use.get(staff.administrator, referralId)))
    await press(stdin, keys.enter)
    await waitFor(lastFrame, `Decision on ${referralId}`)
    // The form as it will stand once everything is typed: each action started opens the next.
    const fields = decisionFields(demoPolicy, request, typedDecision)
    expect(fields.at(-1)).toMatchObject({ key: "action3", savesWhenEmpty: true })
    for (const field of fields) {
      if (field.key !== "rationale" && typedDecision[field.key] !== undefined) await press(stdin, typedDecision[field.key]!)
      await press(stdin, keys.enter)
    }
    // No rationale: the core's refusal in one line, and everything typed still there.
    const refused = await waitFor(lastFrame, "✗ Refused:")
    expect(refused).toContain("Action 1: Set up the weekly payment")
    for (const _ of fields.slice(2)) await press(stdin, keys.up)
    // With a blank typed after it by habit: kept out of the record, not refused.
    await press(stdin, `${typedDecision.rationale!} `)
    for (const _ of fields.slice(2)) await press(stdin, keys.down)
    await press(stdin, keys.enter)
    await waitFor(lastFrame, `✓ Decision recorded on ${referralId}.`)
    const done = await waitFor(lastFrame, "Decided: approve")
    expect(done).toContain("→ Set up the weekly payment · ")
    expect(done).toContain("→ Review the budget plan with the family · social worker (Sam Okafor) · due 2027-06-30")
    expect(done).toContain("Review: by Wed 14 Jul 2027 (LIN-7) · 2 actions")
    const [hearing] = (await tui.runtime.runPromise(Effect.flatMap(Referrals, (use) => use.get(staff.administrator, referralId)))).hearings
    const decision = await tui.runtime.runPromise(Effect.flatMap(Decisions, (use) => use.get(staff.administrator, hearing!.decisionId)))
    expect(decision.content.actions).toMatchObject([
      { description: "Set up the weekly payment", ownerName: "Priya Ashdown", dueDate: "2027-06-16" },
      { description: "Review the budget plan with the family", ownerName: "Sam Okafor", dueDate: "2027-06-30" }
    ])
    expect(decision.content.returnToPanel).toEqual({ withinWeeks: 6, ruleId: "LIN-7" })
    expect(decision.content.rationale).toBe(typedDecision.rationale)
    unmount()
  })

  it("KNO-2: a member away is chosen for a dissent voiced by the member present who represents them, and it is recorded as theirs", async () => {
    const [sitting] = await tui.runtime.runPromise(upcomingSittings(staff.administrator))
    const attend = (entry: Omit<AttendanceEntry, "seat" | "membership">, seat: string) =>
      tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.recordAttendance(staff.administrator, sitting!.id, { seat, membership: "standing", ...entry })))
    await attend({ personId: PersonId.make("ada-fenn"), name: "Ada Fenn", status: "apologies" }, "Health")
    await attend({ personId: PersonId.make("jo-pellow"), name: "Jo Pellow", status: "present", represents: [PersonId.make("ada-fenn")] }, "Education")
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "meeting", sittingId: sitting!.id } })
    await waitFor(lastFrame, "Decided: approve")
    await press(stdin, "x")
    await waitFor(lastFrame, "Member: ‹ Jo Pellow (Education) ›")
    // The members away represented come after those at the sitting: ← from the first goes round to them.
    await press(stdin, keys.left)
    await waitFor(lastFrame, "Member: ‹ Ada Fenn (Health), voiced by Jo Pellow ›")
    await press(stdin, keys.tab, "Health should be asked before funding is agreed", keys.enter)
    await waitFor(lastFrame, "✓ Dissent recorded on")
    const [dissent] = await tui.runtime.runPromise(Effect.flatMap(Disagreements, (use) => use.list(staff.administrator, { sittingId: sitting!.id })))
    expect(dissent).toMatchObject({ member: { personId: "ada-fenn", name: "Ada Fenn" }, attendance: "represented", onBehalf: { memberSeat: "Health", voicedBy: { name: "Jo Pellow" }, voicedBySeat: "Education" } })
    unmount()
  })
})
