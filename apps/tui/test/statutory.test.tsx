import { AccessLog, ChildId, ChildRecords, type LocalDate, Placements } from "@carepanel/core"
import { connectedPlacement } from "@carepanel/core/testing"
import { DateTime, Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { statutoryTracker } from "../src/data/statutory.js"
import { keys, press, renderTui, seededCore, staff, type TestCore, testNow, waitFor } from "./support/harness.js"

// Fictional children, each with one kind of statutory record beside the demonstration authority's seed.
const epoChild = ChildId.make("wx-child-41")
const secureChild = ChildId.make("wx-child-42")
const proceedingsChild = ChildId.make("wx-child-43")
const retainedChild = ChildId.make("wx-child-44")
const protectedChild = ChildId.make("wx-child-45")
const s20Child = ChildId.make("wx-child-46")

// Anchors half an hour off the hour: the countdowns read the same however long the test takes to run.
const ago = (hours: number) => DateTime.unsafeMake(testNow.getTime() - hours * 3_600_000)
const day = (text: string) => text as LocalDate

let tui: TestCore
beforeAll(async () => {
  tui = await seededCore()
  const worker = staff.socialWorker
  await tui.runtime.runPromise(
    Effect.gen(function* () {
      const records = yield* ChildRecords
      yield* records.recordEmergencyProtectionOrder(worker, epoChild, ago(1.5), 8)
      yield* records.recordDateOfBirth(worker, secureChild, day("2012-03-14"))
      yield* records.recordSecureAccommodation(worker, secureChild, ago(10.5))
      yield* records.recordLetterBeforeProceedings(worker, proceedingsChild, ago(24 * 20 + 0.5))
      yield* records.recordProceedingsIssued(worker, proceedingsChild, ago(24 * 7 + 0.5))
      yield* records.recordDateOfBirth(worker, retainedChild, day("2000-01-10"))
      yield* records.recordChildDeath(worker, retainedChild, day("2005-06-01"))
      const placements = yield* Placements
      const { id } = yield* placements.recordBasicTest(worker, protectedChild, {
        wouldRefuseToSupportReturnHome: false,
        wouldAskPoliceToUsePoliceProtection: true,
        wouldSeekLegalAdviceToStartCareProceedings: false
      })
      yield* placements.recordPolicePowers(worker, id, true, ago(20.5))
      const s20 = yield* placements.recordBasicTest(worker, s20Child, {
        wouldRefuseToSupportReturnHome: true,
        wouldAskPoliceToUsePoliceProtection: false,
        wouldSeekLegalAdviceToStartCareProceedings: false
      })
      const consent = { name: "Jo Tarrant", relationship: "mother", consentGivenAt: ago(2.5), consentGivenTo: "Priya Ashdown", toldOfRightToObjectAndRemove: true }
      yield* placements.recordS20Accommodation(worker, s20.id, { consents: [consent], childWishes: { _tag: "Ascertained", wishesAndFeelings: "Wants to stay with her aunt" } })
      yield* placements.recordS20ConsentWithdrawn(worker, s20.id, "Jo Tarrant", ago(1.5))
    })
  )
})
afterAll(() => tui.runtime.dispose())

const loggedFor = (childId: ChildId) => tui.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(staff.administrator.authorityId, childId)))

describe("Statutory tracker", () => {
  it("shows every statutory countdown by what it is about: Regulation 24, police protection, s20, EPO, secure accommodation, proceedings, retention", async () => {
    const { lastFrame, unmount } = renderTui(tui, { initial: { name: "statutory" }, columns: 120, rows: 40 })
    const frame = await waitFor(lastFrame, "with statutory clocks (9)")
    expect(frame).toMatch(/wx-child-09 +placed +\d+ weeks \d+ days left of the approval/)
    expect(frame).toMatch(/wx-child-45 +‼ identified +not placed yet · ‼ under police protection \(STAT-S46\)/)
    // Withdrawn an hour and a half before it was recorded (06:30 UTC, 07:30 in London): the tracker says when it was withdrawn.
    expect(frame).toMatch(/wx-child-46 +‼ identified +not placed yet · ✗ s20 consent withdrawn 07:30 Tue 1 Jun 2027/)
    expect(frame).toMatch(/wx-child-41 +child record +· pending STAT-S44 7 days 22 hours left/)
    expect(frame).toMatch(/wx-child-42 +child record +! due soon DEF-S25-WARN-48H 1 day 13 hours left · 2 clocks/)
    expect(frame).toMatch(/wx-child-43 +child record +· pending STAT-S31 2\d weeks \d days? left/)
    expect(frame).toMatch(/wx-child-44 +child record +‼ overdue STAT-R50 kept until Mon 1 Jun 2020/)
    unmount()
  })

  it("lists the selected child's clocks with their rules whole at 120 columns and the explanation beneath", async () => {
    const { lastFrame, stdin, unmount } = renderTui(tui, { initial: { name: "statutory" }, columns: 120, rows: 40 })
    await waitFor(lastFrame, "with statutory clocks (9)")
    const rows = (lastFrame() ?? "").split("\n").filter((line) => /^[›· ] wx-child-\d\d /.test(line))
    await press(stdin, ...Array(rows.findIndex((line) => line.includes("wx-child-42"))).fill("j"), keys.tab)
    const frame = await waitFor(lastFrame, "▸ Clocks of wx-child-42's record (2)")
    expect(frame).toMatch(/› ! due soon +\d\d:\d\d .* DEF-S25-WARN-48H +48 of the 72 hours in secure accommodation used/)
    expect(frame).toMatch(/· pending +\d\d:\d\d .* STAT-S25 +72 hours in secure accommodation in 28 days/)
    expect(frame).not.toContain("DEF-S25-WA…")
    expect(frame).toMatch(/DEF-S25-WARN-48H, Carepanel default/)
    unmount()
  })

  it("writes each child shown to the access log, with what of their record was on the screen", async () => {
    const { lastFrame, unmount } = renderTui(tui, { initial: { name: "statutory" } })
    await waitFor(lastFrame, "with statutory clocks (9)")
    await new Promise((resolve) => setTimeout(resolve, 200))
    const purpose = "tui: Statutory"
    expect(await loggedFor(epoChild)).toContainEqual(expect.objectContaining({ fields: ["childRecord.clocks"], purpose }))
    expect(await loggedFor(retainedChild)).toContainEqual(expect.objectContaining({ fields: ["childRecord.retention"], purpose }))
    expect(await loggedFor(retainedChild)).not.toContainEqual(expect.objectContaining({ fields: ["childRecord.clocks"] }))
    expect(await loggedFor(protectedChild)).toContainEqual(expect.objectContaining({ fields: ["placement"], purpose }))
    unmount()
  })

  it("leaves out a placement that has ended: the child who went home has no approval to count down", async () => {
    const core = await seededCore()
    try {
      const [home, staying] = [ChildId.make("wx-child-47"), ChildId.make("wx-child-48")]
      await core.runtime.runPromise(
        Effect.gen(function* () {
          const ended = yield* connectedPlacement(staff, home)
          yield* connectedPlacement(staff, staying)
          yield* Effect.flatMap(Placements, (use) => use.end(staff.serviceManager, ended.id, "child_returned_home"))
        })
      )
      const { tracked } = await core.runtime.runPromise(statutoryTracker(staff.administrator))
      const children = tracked.map((subject) => subject.childId)
      expect(children).toContain(staying)
      expect(children).not.toContain(home)
    } finally {
      await core.runtime.dispose()
    }
  })

  it.each([
    [80, 24],
    [120, 40]
  ])("at %ix%i, as committed beside the tests", async (columns, rows) => {
    const { lastFrame, unmount } = renderTui(tui, { initial: { name: "statutory" }, columns, rows })
    const frame = await waitFor(lastFrame, "with statutory clocks (9)")
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(columns)
    await expect(`${frame}\n`).toMatchFileSnapshot(`__snapshots__/statutory-records-${columns}x${rows}.txt`)
    unmount()
  })
})
