import { AccessLog, SittingId, Sittings } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { sittingRecords } from "../src/data/records.js"
import { demoPolicy, keys, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

describe("Record", () => {
  it("takes a sitting's record from the chair to each child's file, refusing what the operator may not do in the core's words", async () => {
    const [latest] = await tui.runtime.runPromise(sittingRecords(staff.administrator))
    const sittingId = SittingId.make(latest!.sitting.id)
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "record" } })
    const opened = await waitFor(lastFrame, "Draft -> chair -> final")
    expect(opened).toMatch(/› Wed 26 May 2027 10:00 +Support Panel +with the chair/)
    expect(opened).toMatch(/Draft record to the chair +✓ done 11:00 Thu 27 May 2027/)
    expect(opened).toMatch(/Final record back from the chair +· to do \(no clock in the policy\)/)
    expect(opened).toMatch(/Uploaded to wx-child-05's file +· waits for the final record/)

    // The administrator may not return the final record: the chair does.
    await press(stdin, "f")
    await waitFor(lastFrame, "✗ Refused: Only a panel chair, vice chair")
    await press(stdin, "u")
    await waitFor(lastFrame, "✗ Refused: Only the final record is uploaded")

    // The chair returns it from another terminal: the screen follows, and the upload is recorded from here.
    await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.returnFinalRecord(staff.chair, sittingId)))
    await waitFor(lastFrame, /Final record back from the chair +✓ done/)
    await press(stdin, keys.tab, "j", "j", "u")
    await waitFor(lastFrame, "✓ Record uploaded to child wx-child-05's file.")
    await waitFor(lastFrame, /› Wed 26 May 2027 10:00 +Support Panel +✓ uploaded \(1 of 1\)|· Wed 26 May 2027 10:00 +Support Panel +✓ uploaded \(1 of 1\)/)
    const sitting = await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.get(staff.administrator, sittingId)))
    expect(sitting.record.uploads.map((upload) => upload.childId)).toEqual(["wx-child-05"])
    const logged = await tui.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(staff.administrator.authorityId, "wx-child-05" as never)))
    expect(logged).toContainEqual(expect.objectContaining({ personId: staff.administrator.personId, fields: ["recordUploads"], purpose: "tui: Record" }))
    unmount()
  })

  it("gives each step its clock where the authority's policy times the record (as CPR-11 does)", async () => {
    const timed = await seededCore(staff.administrator, {
      ...demoPolicy,
      sitting: {
        ...demoPolicy.sitting,
        record: {
          draftToChair: { ruleId: "CPR-11", clock: { _tag: "HoursAfter", hours: 48 } },
          finalFromChair: { ruleId: "CPR-11", clock: { _tag: "HoursAfter", hours: 48 } },
          uploadEachChild: { ruleId: "CPR-11", clock: { _tag: "HoursAfter", hours: 24 } },
          beforeNextSitting: true
        }
      }
    })
    const { lastFrame, stdin, unmount } = renderTui(timed, { initial: { name: "record" } })
    // The draft reached the chair at 11:00 on Thursday 27 May: the final record was due 48 hours later.
    const frame = await waitFor(lastFrame, "Final record back from the chair")
    expect(frame).toMatch(/Final record back from the chair +‼ overdue · CPR-11 · due 11:00 Sat 29 May 2027/)
    expect(frame).toContain("due 11:00 Sat 29 May 2027 - CPR-11: 48 hours after the draft reaching the chair")
    await press(stdin, "j")
    expect(await waitFor(lastFrame, /› Wed 19 May 2027/)).toMatch(/Draft record to the chair +✓ done/)
    unmount()
    await timed.runtime.dispose()
  })
})
