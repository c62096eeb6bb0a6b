import type { Key } from "ink"
import { Effect } from "effect"
import { Sittings } from "@carepanel/core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { upcomingSittings } from "../src/data/requests.js"
import { keysIn } from "../src/ui/keysIn.js"
import { keys, press, renderTui, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"

// Keys that reach the app in one read of the terminal (a held backspace repeating, tabs pressed faster than the screen
// is drawn, tmux or a slow link): before, "\x7f\x7f\x7f" was typed into the field as three DEL characters, and "\t\t"
// as blanks that then made the core refuse the field "must not start or end with spaces".

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

const none = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false } as unknown as Key
/** What each key in the read is, as a person would name it. */
const named = (input: string) =>
  keysIn(input, none).map(([text, key]) => (key.tab ? "tab" : key.return ? "enter" : key.backspace ? "backspace" : `"${text}"`))

describe("several keys in one read", () => {
  it("are taken one by one: held backspace, tabs and enters; text stays one piece, its line ends and tabs as spaces", () => {
    expect(named("\x7f\x7f\x7f")).toEqual(["backspace", "backspace", "backspace"])
    expect(named("\t\t")).toEqual(["tab", "tab"])
    expect(named("\r\r\n")).toEqual(["enter", "enter"])
    expect(named("ab\x7fc")).toEqual(['"ab"', "backspace", '"c"'])
    expect(named("Set up the payment\r")).toEqual(['"Set up the payment"', "enter"])
    expect(named("First line\r\nsecond\tline\n")).toEqual(['"First line second line"', "enter"])
    // Typed, then tab to the next field, in one read (a slow link): the tab moves on, it is not a blank in the field.
    expect(named("Funding agreed for school transport.\t")).toEqual(['"Funding agreed for school transport."', "tab"])
    expect(named("Paid termly\t\t\r")).toEqual(['"Paid termly"', "tab", "tab", "enter"])
    expect(named("jjj")).toEqual(['"jjj"'])
  })

  it("in the decision form: a held backspace deletes, tabs move on, a pasted paragraph stays in its field", async () => {
    const [sitting] = await tui.runtime.runPromise(upcomingSittings(staff.administrator))
    tui.travelTo(new Date("2027-06-02T09:10:00Z"))
    await tui.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.confirmQuorum(staff.chair, sitting!.id, true, "Chair and members present")))
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "meeting", sittingId: sitting!.id } })
    await waitFor(lastFrame, "Not decided yet")
    await press(stdin, keys.enter)
    await waitFor(lastFrame, "› Outcome")
    await press(stdin, keys.down, "The family can meet the costs")
    await press(stdin, "\x7f\x7f\x7f\x7f\x7f\x7f")
    expect(await waitFor(lastFrame, "› Rationale")).toMatch(/› Rationale: The family can meet the\s*▏/)
    await press(stdin, "\t\t")
    await press(stdin, "Rent arrears\r\nand a bailiff's letter\t")
    expect(await waitFor(lastFrame, "› Needs to happen")).toMatch(/› Needs to happen: *▏/)
    await press(stdin, keys.up)
    const frame = await waitFor(lastFrame, "› Worries")
    expect(frame).toMatch(/› Worries: Rent arrears and a bailiff's letter\s*▏/)
    expect(frame).toMatch(/ {3}Working well: *│/)
    unmount()
  })
})
