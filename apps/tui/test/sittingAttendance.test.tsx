import { Sittings } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { upcomingSittings } from "../src/data/requests.js"
import { keys, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

/** Types one attendance into the open form: name, seat, the status, deputy and "also represents" choices by → presses, then saves. */
const attendance = async (stdin: { readonly write: (data: string) => void }, name: string, seat: string, statusSteps: number, deputySteps = 0, representsSteps = 0) => {
  await press(stdin, "t", name, keys.tab, seat, keys.tab)
  for (let step = 0; step < statusSteps; step++) await press(stdin, keys.right)
  await press(stdin, keys.tab, keys.tab)
  for (let step = 0; step < deputySteps; step++) await press(stdin, keys.right)
  await press(stdin, keys.tab, keys.tab)
  for (let step = 0; step < representsSteps; step++) await press(stdin, keys.right)
  await press(stdin, keys.enter)
}

/** The next sitting on the Sitting screen, its attendance pane chosen. */
const attendancePane = async () => {
  const [sitting] = await tui.runtime.runPromise(upcomingSittings(staff.administrator))
  const rendered = renderTui(tui, { initial: { name: "sitting", sittingId: sitting!.id } })
  await waitFor(rendered.lastFrame, "Agenda (")
  await press(rendered.stdin, keys.tab)
  return { sitting, ...rendered }
}

describe("the sitting's attendance", () => {
  it("CPR-3, KNO-2: a deputy is recorded for a member chosen from those away on the attendance, not a typed name", async () => {
    const { sitting, lastFrame, stdin, unmount } = await attendancePane()
    await attendance(stdin, "Amira Patel", "Finance", 1)
    await waitFor(lastFrame, "✓ Attendance recorded for Amira Patel.")
    await press(stdin, "t", "Kit Aldous", keys.tab, "Finance", keys.tab, keys.right, keys.right, keys.tab, keys.tab)
    const form = await waitFor(lastFrame, "Deputy for: ‹ nobody ›")
    expect(form).toContain("Or deputy for (name):")
    await press(stdin, keys.right)
    await waitFor(lastFrame, "Deputy for: ‹ Amira Patel (Finance) ›")
    await press(stdin, keys.tab, keys.tab, keys.enter)
    const recorded = await waitFor(lastFrame, "✓ Attendance recorded for Kit Aldous.")
    expect(recorded).toMatch(/· deputy +Kit Aldous +Finance +standing for Amira Patel/)
    const read = await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.get(staff.administrator, sitting!.id)))
    expect(read.attendance.find((entry) => entry.name === "Kit Aldous")).toMatchObject({ status: "deputy", standsInForPersonId: "amira-patel" })
    // A second deputy for her seat: the core's refusal in its words, nothing recorded.
    await attendance(stdin, "Orla Fenwick", "Finance", 2, 1)
    await waitFor(lastFrame, "✗ Refused: Kit Aldous is already recorded as the deputy for Amira Patel")
    unmount()
  })

  it("KNO-2: a member present also represents a member away, chosen from the attendance, and stays present in her own seat", async () => {
    const { sitting, lastFrame, stdin, unmount } = await attendancePane()
    await attendance(stdin, "Tom Reed", "IRO", 1)
    await waitFor(lastFrame, "✓ Attendance recorded for Tom Reed.")
    await press(stdin, "t", "Jo Pellow", keys.tab, "Education", keys.tab, keys.tab, keys.tab, keys.tab, keys.tab)
    await waitFor(lastFrame, "Also represents: ‹ nobody ›")
    await press(stdin, keys.right, keys.right)
    await waitFor(lastFrame, "Also represents: ‹ Tom Reed (IRO) ›")
    await press(stdin, keys.enter)
    const recorded = await waitFor(lastFrame, "✓ Attendance recorded for Jo Pellow.")
    expect(recorded).toMatch(/✓ present +Jo Pellow +Education +standing representing Tom Reed/)
    const read = await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.get(staff.administrator, sitting!.id)))
    expect(read.attendance.find((entry) => entry.name === "Jo Pellow")).toMatchObject({ status: "present", represents: ["tom-reed"] })
    // Amira Patel has a deputy: representing her too is refused in the core's words, nothing recorded.
    await attendance(stdin, "Ben Morrow", "Finance", 0, 0, 1)
    await waitFor(lastFrame, "✗ Refused: Kit Aldous is already recorded as the deputy for Amira Patel: a member away has one")
    unmount()
  })
})
