import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { sittingNotifications } from "../../src/notifications/sittingNotifications.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { ChildId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { as, contextOf, london } from "../fixtures.js"
import { story } from "../notifications/fixtures.js"
import { onAThinSitting } from "../readyRequest.js"

// CPR-11: the draft record goes to the chair within 48 hours of the sitting, the chair returns the final record within
// 48 hours, and each child's record is uploaded to the case system within 24 hours. The chair decides whether enough
// members are present (DEF-QUORUM-CHAIR-DECIDES at this panel, as NSO-1 at North Somerset): a sitting found too thin
// hears no child, so its short record (that it did not proceed) is still drafted and returned, but no child has a
// record of that sitting to upload.

const cpr = preset("care-planning")
const staff = staffOf("care-planning")

describe("the record of a sitting the chair found too few members for", () => {
  it.effect("CPR-11: is drafted and returned as usual, but asks no upload to the file of a child who was never heard", () =>
    Effect.gen(function* () {
      const [sittings, deadlines] = yield* Effect.all([Sittings, Deadlines])
      const { on } = yield* onAThinSitting(cpr, "placement_change", "child-p", staff.chair)
      yield* TestClock.setTime(london("2027-06-10", "10:00").epochMillis)
      yield* sittings.sendDraftRecordToChair(staff.administrator, on("2027-06-09").id)
      yield* TestClock.setTime(london("2027-06-10", "15:00").epochMillis)
      yield* sittings.returnFinalRecord(staff.chair, on("2027-06-09").id)
      // Two days on, nothing has been uploaded: there is nothing of the child's to upload.
      yield* TestClock.setTime(london("2027-06-12", "10:00").epochMillis)
      const clocks = (yield* deadlines.forAuthority(staff.administrator, { includeMet: true }))
        .filter((deadline) => deadline.id.startsWith(`${on("2027-06-09").id}:record`) || deadline.id.startsWith(`${on("2027-06-09").id}:upload`))
        .map((deadline) => [deadline.title, deadline.state])
      expect(clocks).toEqual([
        ["Draft record of the sitting on Wed 9 Jun 2027 to the chair", "met"],
        ["Final record of the sitting on Wed 9 Jun 2027 back from the chair", "met"]
      ])
    }).pipe(Effect.provide(inMemoryCore(cpr)))
  )

  it("CPR-11: the administrator is not told to upload the children's records when the final record comes back", () => {
    const context = contextOf("care-planning")
    const step = story(sittingDecider, context)
    const notify = (actor: keyof typeof staff, body: Record<string, unknown>, when: string) => {
      const { events, state } = step({ ...body, by: as(staff[actor]), at: london(when.slice(0, 10), when.slice(11)) } as SittingCommand)
      return sittingNotifications(events, state, context)
    }
    notify("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-09" }, "2027-06-07 09:00")
    notify("administrator", { _tag: "BuildAgenda", entries: [{ referralId: ReferralId.make("ref_1"), childIds: [ChildId.make("child-1"), ChildId.make("child-2")], kind: "request", summary: "Siblings" }] }, "2027-06-07 09:00")
    notify("chair", { _tag: "ConfirmQuorum", enough: false, note: "Only the chair could come" }, "2027-06-09 09:30")
    notify("administrator", { _tag: "SendDraftRecordToChair" }, "2027-06-09 14:00")
    const [final] = notify("chair", { _tag: "ReturnFinalRecord" }, "2027-06-10 16:00")
    expect(final?.body).toEqual(["Too few members were present: the sitting heard no child, so there is no child's record to upload."])
    expect(final?.actBy).toBeUndefined()
  })
})
