import { mkdtempSync, readdirSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { AccessLog, type AttendanceEntry, PersistenceError, PersonId, Sittings } from "@carepanel/core"
import { DateTime, Effect, Layer } from "effect"
import { render } from "ink-testing-library"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bar, sparkline } from "../src/ui/charts.js"
import { Live } from "../src/ui/Live.js"
import { keys, press, seededCore, staff, type TestCore, waitFor } from "./support/harness.js"
import type { TuiRuntime } from "../src/core/runtime.js"

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
})
afterAll(() => tui.runtime.dispose())

const renderReports = (exportDir: string, core: TuiRuntime = tui) => {
  const rendered = render(<Live tui={core} actor={core.inbox.operator} colour={false} size={{ columns: 100, rows: 30 }} initial={{ name: "reports" }} exportDir={exportDir} />)
  Object.defineProperty(rendered.stdout, "columns", { value: 100 })
  return rendered
}

describe("charts", () => {
  it("draws bars in proportion and sparklines from the least to the most", () => {
    expect(bar(5, 10, 10)).toBe("█████")
    expect(bar(1, 16, 2)).toBe("▏")
    expect(bar(0, 10, 10)).toBe("")
    expect(sparkline([0, 1, 7, 0])).toBe("▁▂█▁")
  })

  it("draws no bar where nothing was counted, or where there is no room for one", () => {
    expect(bar(3, 0, 10)).toBe("")
    expect(bar(5, 10, 0)).toBe("")
    expect(bar(5, 10, 1)).toBe("▌")
  })
})

describe("Reports", () => {
  it("shows the period with sparklines and bars beside their numbers, exports a table to CSV and says where", async () => {
    const exportDir = mkdtempSync(join(tmpdir(), "carepanel-tui-export-"))
    const { lastFrame, stdin, unmount } = renderReports(exportDir)
    const frame = await waitFor(lastFrame, "Decisions by outcome")
    expect(frame).toContain("▸ Period 2027-04-07 to 2027-06-01 (p)")
    expect(frame).toMatch(/Requests submitted\/week +[▁-█]{8} +\d+ in all, most \d+ a week \((\d+ ){7}\d+\)/)
    expect(frame).toMatch(/approve +█+[▉▊▋▌▍▎▏]? +\d+ \(\d+ at panel, 0 outside\)/)
    await press(stdin, "j", "e")
    const written = await waitFor(lastFrame, "✓ Wrote")
    const file = join(exportDir, "period-2027-04-07-to-2027-06-01-requests-by-type.csv")
    expect(written).toContain(`"Requests by type" to ${exportDir}`)
    expect(readFileSync(file, "utf8").split("\r\n")[0]).toBe("requestType,label,requests,approved,declined,deferred,awaitingDecision,closed")

    // The requests table names children: exporting it is a read of their records, logged.
    await press(stdin, "j", "j", "e")
    await waitFor(lastFrame, `"Requests submitted" to`)
    const requests = readFileSync(join(exportDir, "period-2027-04-07-to-2027-06-01-requests.csv"), "utf8")
    const child = /wx-child-\d+/.exec(requests)![0]
    const logged = await tui.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(staff.administrator.authorityId, child as never)))
    expect(logged).toContainEqual(expect.objectContaining({ fields: ["export:requests"], purpose: "tui: Reports" }))
    unmount()
  })

  it("writes no export it cannot log: the file is not written and the screen says why", async () => {
    const unwritable = Layer.succeed(
      AccessLog,
      AccessLog.of({ record: () => Effect.fail(new PersistenceError({ operation: "access log", message: "The access log could not be written." })), forChild: () => Effect.succeed([]) })
    )
    const failing = await seededCore(staff.administrator, undefined, unwritable)
    const exportDir = mkdtempSync(join(tmpdir(), "carepanel-tui-export-"))
    const { lastFrame, stdin, unmount } = renderReports(exportDir, failing)
    await waitFor(lastFrame, "Decisions by outcome")
    await press(stdin, "j", "j", "j", "e")
    expect(await waitFor(lastFrame, "Nothing was exported")).toContain("The access log could not be written.")
    expect(readdirSync(exportDir)).toEqual([])
    unmount()
    await failing.runtime.dispose()
  })

  it("refuses a period that ends before it starts, keeping what was typed; shows a sitting's report", async () => {
    const { lastFrame, stdin, unmount } = renderReports(tmpdir())
    await waitFor(lastFrame, "Decisions by outcome")
    await press(stdin, "p")
    await waitFor(lastFrame, "The report's period")
    await press(stdin, keys.tab, ...Array.from({ length: 5 }, () => keys.backspace), "03-01", keys.enter)
    const refused = await waitFor(lastFrame, "✗ Refused: The period starts on 2027-04-07, after it ends on 2027-03-01.")
    expect(refused).toContain("To (YYYY-MM-DD): 2027-03-01")
    await press(stdin, keys.escape)
    await waitFor(lastFrame, "? help  / search")
    await press(stdin, keys.tab)
    const sitting = await waitFor(lastFrame, "▸ Sitting Wed 26 May 2027 10:00")
    expect(sitting).toMatch(/approve +█* +\d+ approved/)
    expect(sitting).toContain("Agenda items and outcomes")
    unmount()
  })

  it("KNO-2: a sitting's report counts a member away whom a member present represents as represented, not present", async () => {
    const core = await seededCore()
    const now = await core.runtime.runPromise(DateTime.now)
    const [sitting] = (await core.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.list(staff.administrator))))
      .filter((one) => one.cancelled === undefined && DateTime.lessThanOrEqualTo(one.startsAt, now))
      .reverse()
    const record = (entry: Omit<AttendanceEntry, "seat" | "membership">) =>
      core.runtime.runPromise(Effect.flatMap(Sittings, (use) => use.recordAttendance(staff.administrator, sitting!.id, { seat: "Member", membership: "standing", ...entry })))
    await record({ personId: PersonId.make("ada-fenn"), name: "Ada Fenn", status: "apologies" })
    await record({ personId: PersonId.make("jo-pellow"), name: "Jo Pellow", status: "present", represents: [PersonId.make("ada-fenn")] })
    const { lastFrame, stdin, unmount } = renderReports(tmpdir(), core)
    await waitFor(lastFrame, "Decisions by outcome")
    await press(stdin, keys.tab)
    const shown = await waitFor(lastFrame, "▸ Sitting")
    expect(shown).toContain("4 present, 1 apologies, 1 represented ·")
    unmount()
    // One who said she would come but was not recorded present is not counted present.
    await record({ personId: PersonId.make("cora-pell"), name: "Cora Pell", status: "confirmed" })
    const again = renderReports(tmpdir(), core)
    await waitFor(again.lastFrame, "Decisions by outcome")
    await press(again.stdin, keys.tab)
    expect(await waitFor(again.lastFrame, "▸ Sitting")).toContain("4 present, 1 confirmed only, 1 apologies, 1 represented ·")
    again.unmount()
    await core.runtime.dispose()
  })
})
