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

/**
 * Types one attendance into the open form: name, seat, the status and deputy choices by → presses, the keys pressed in
 * "also represents" (→ to a member away, space to add or remove them), then saves.
 */
const attendance = async (stdin: { readonly write: (data: string) => void }, name: string, seat: string, statusSteps: number, deputySteps = 0, represents: ReadonlyArray<string> = []) => {
  await press(stdin, "t", name, keys.tab, seat, keys.tab)
  for (let step = 0; step < statusSteps; step++) await press(stdin, keys.right)
  await press(stdin, keys.tab, keys.tab)
  for (let step = 0; step < deputySteps; step++) await press(stdin, keys.right)
  await press(stdin, keys.tab, keys.tab)
  await press(stdin, ...represents, keys.enter)
}

/** The next sitting on the Sitting screen, its attendance pane chosen, on its morning as members arrive. */
const attendancePane = async () => {
  const [sitting] = await tui.runtime.runPromise(upcomingSittings(staff.administrator))
  tui.travelTo(new Date(sitting!.startsAt.epochMillis - 30 * 60_000))
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
    await waitFor(lastFrame, "Also represents: nobody  ‹ [ ] Amira Patel (Finance) ›")
    await press(stdin, keys.right, " ")
    await waitFor(lastFrame, "Also represents: Tom Reed (IRO)  ‹ [x] Tom Reed (IRO) ›")
    await press(stdin, keys.enter)
    const recorded = await waitFor(lastFrame, "✓ Attendance recorded for Jo Pellow.")
    expect(recorded).toMatch(/✓ present +Jo Pellow +Education +standing representing Tom Reed/)
    const read = await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.get(staff.administrator, sitting!.id)))
    expect(read.attendance.find((entry) => entry.name === "Jo Pellow")).toMatchObject({ status: "present", represents: ["tom-reed"] })
    // Amira Patel has a deputy: representing her too is refused in the core's words, nothing recorded.
    await attendance(stdin, "Ben Morrow", "Finance", 0, 0, [" "])
    await waitFor(lastFrame, "✗ Refused: Kit Aldous is already recorded as the deputy for Amira Patel: a member away has one")
    unmount()
  })

  it("KNO-2: a member present represents several members away, each added or taken off with space, and the pane shows them all", async () => {
    const { sitting, lastFrame, stdin, unmount } = await attendancePane()
    await attendance(stdin, "Ada Fenn", "Health", 1)
    await waitFor(lastFrame, "✓ Attendance recorded for Ada Fenn.")
    await attendance(stdin, "Cora Pell", "SEND", 1)
    await waitFor(lastFrame, "✓ Attendance recorded for Cora Pell.")
    await press(stdin, "t", "Lena Voss", keys.tab, "Education", keys.tab, keys.tab, keys.tab, keys.tab, keys.tab)
    // Amira Patel and Tom Reed are covered already; Ada Fenn and Cora Pell come after them among the members away.
    await press(stdin, keys.right, keys.right, " ", keys.right, " ")
    await waitFor(lastFrame, "Also represents: Ada Fenn (Health), Cora Pell (SEND)  ‹ [x] Cora Pell (SEND) ›")
    // Taken off again, then back on: the list keeps the attendance's order, not the order chosen.
    await press(stdin, keys.left, " ")
    await waitFor(lastFrame, "Also represents: Cora Pell (SEND)  ‹ [ ] Ada Fenn (Health) ›")
    await press(stdin, " ")
    await waitFor(lastFrame, "Also represents: Ada Fenn (Health), Cora Pell (SEND)  ‹ [x] Ada Fenn (Health) ›")
    await press(stdin, keys.enter)
    const recorded = await waitFor(lastFrame, "✓ Attendance recorded for Lena Voss.")
    expect(recorded).toMatch(/✓ present +Lena Voss +Education +standing representing Ada Fenn, Cora Pell/)
    const read = await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.get(staff.administrator, sitting!.id)))
    expect(read.attendance.find((entry) => entry.name === "Lena Voss")).toMatchObject({ status: "present", represents: ["ada-fenn", "cora-pell"] })
    unmount()
  })

  it("days before the sitting the form offers a confirmation first, and a confirmation is what it records", async () => {
    const { sitting, lastFrame, stdin, unmount } = await attendancePane()
    tui.travelTo(new Date(sitting!.startsAt.epochMillis - 2 * 24 * 3600_000))
    await press(stdin, "t", "Nell Varga", keys.tab, "Housing", keys.tab)
    await waitFor(lastFrame, "› Status: ‹ confirmed ›")
    await press(stdin, keys.tab, keys.tab, keys.tab, keys.tab, keys.enter)
    await waitFor(lastFrame, "✓ Attendance recorded for Nell Varga.")
    const read = await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.get(staff.administrator, sitting!.id)))
    expect(read.attendance.find((entry) => entry.name === "Nell Varga")).toMatchObject({ status: "confirmed" })
    unmount()
  })
})
