import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import { Deadlines } from "../../src/deadlines/Deadlines.js"
import { Decisions } from "../../src/decision/Decisions.js"
import { preset } from "../../src/policy/authorities/index.js"
import { Referrals } from "../../src/referral/Referrals.js"
import { Sittings } from "../../src/sitting/Sittings.js"
import { staffOf } from "../../src/testing/actors.js"
import { exampleDecision } from "../../src/testing/exampleDecision.js"
import { inMemoryCore } from "../../src/testing/playWeek.js"
import { requestWithPapers } from "../../src/testing/readyRequest.js"
import { signOffAll } from "../../src/testing/signOffAll.js"
import { sittingNotifications } from "../../src/notifications/sittingNotifications.js"
import { ChildId, PanelId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { as, contextOf, london } from "../fixtures.js"
import { story } from "../notifications/fixtures.js"
import { sittingMinutes } from "../../src/documents/sittingMinutes.js"
import { paragraph } from "../../src/documents/DocumentModel.js"
import { minutesOf9June, readerAs } from "../documents/fixtures.js"

// DEF-QUORUM-CHAIR-DECIDES: the chair says whether enough members are present. Members leave part-way through a
// sitting: the chair records "not enough" after the first child was decided. The sitting was read as one that decided
// nothing, for the whole sitting: CPR-11 no longer asked for the decided child's record to be uploaded, although that
// child's decision stands and its sheet still has to reach the file. Now the finding keeps the requests decided before
// it (`quorum.decided`): their records are uploaded; the request not yet heard is treated as at an inquorate sitting
// (NSO-1's route: put on another sitting).

const cpr = preset("care-planning")
const staff = staffOf("care-planning")

describe("a sitting whose members left after its first decision", () => {
  it.effect("CPR-11: the child decided while the sitting was quorate is still asked to be uploaded once the chair records too few members", () =>
    Effect.gen(function* () {
      const [referrals, decisions, sittings, deadlines] = yield* Effect.all([Referrals, Decisions, Sittings, Deadlines])
      yield* TestClock.setTime(london("2027-06-01", "09:00").epochMillis)
      const first = yield* requestWithPapers(cpr, "placement_change", { id: "child-1", name: "Ari Penrose" })
      const second = yield* requestWithPapers(cpr, "placement_change", { id: "child-2", name: "Bo Penrose" })
      const sitting = yield* sittings.schedule(staff.administrator, cpr.panels[0].id, "2027-06-09" as LocalDate)
      for (const request of [first, second]) yield* referrals.acceptOntoSitting(staff.administrator, request.id, sitting.id)
      yield* sittings.buildAgenda(
        staff.administrator,
        sitting.id,
        [first, second].map((request) => ({ referralId: request.id, childIds: request.form.children.map((child) => child.childId), kind: "request" as const, summary: "Placement change" }))
      )
      yield* TestClock.setTime(sitting.startsAt.epochMillis)
      yield* sittings.confirmQuorum(staff.chair, sitting.id, true, "Chair and five members present")
      const content = exampleDecision(cpr, "placement_change", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "first" })
      yield* signOffAll(yield* decisions.recordAtPanel(staff.administrator, first.id, sitting.id, content), staff.chair, () => staff.chair)
      // 11:00: three members leave for an emergency; the chair records that too few remain.
      yield* TestClock.setTime(london("2027-06-09", "11:00").epochMillis)
      yield* sittings.confirmQuorum(staff.chair, sitting.id, false, "Three members called away; too few remain")

      // The second child was not heard: no decision at this sitting, and the administrator puts it on the next one.
      const unheard = exampleDecision(cpr, "placement_change", "approve", { actionsDue: "2027-06-23" as LocalDate, key: "second" })
      const refused = yield* Effect.flip(decisions.recordAtPanel(staff.administrator, second.id, sitting.id, unheard))
      expect(refused.message).toContain("Put the request on another sitting.")
      const next = yield* sittings.schedule(staff.administrator, cpr.panels[0].id, "2027-06-16" as LocalDate)
      expect(yield* referrals.acceptOntoSitting(staff.administrator, second.id, next.id)).toMatchObject({ status: "accepted", sittingId: next.id })

      yield* TestClock.setTime(london("2027-06-09", "14:00").epochMillis)
      yield* sittings.sendDraftRecordToChair(staff.administrator, sitting.id)
      yield* sittings.returnFinalRecord(staff.chair, sitting.id)
      const uploads = (yield* deadlines.forAuthority(staff.administrator)).filter((deadline) => deadline.id.startsWith(`${sitting.id}:upload:`))
      expect(uploads.map((deadline) => deadline.id)).toEqual([`${sitting.id}:upload:child-1`])
    }).pipe(Effect.provide(inMemoryCore(cpr)))
  )

  it("CPR-11: the administrator is told to upload the records of the children decided before members left, and only theirs", () => {
    const context = contextOf("care-planning")
    const step = story(sittingDecider, context)
    const notify = (actor: keyof typeof staff, body: Record<string, unknown>, when: string) => {
      const { events, state } = step({ ...body, by: as(staff[actor]), at: london(when.slice(0, 10), when.slice(11)) } as SittingCommand)
      return sittingNotifications(events, state, context)
    }
    const entry = (id: string, ...children: ReadonlyArray<string>) => ({ referralId: ReferralId.make(id), childIds: children.map((child) => ChildId.make(child)), kind: "request", summary: "Placement change" })
    notify("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-09" }, "2027-06-07 09:00")
    notify("administrator", { _tag: "BuildAgenda", entries: [entry("ref_1", "child-1", "child-2"), entry("ref_2", "child-3")] }, "2027-06-07 09:00")
    notify("chair", { _tag: "ConfirmQuorum", enough: true, note: "Chair and five members present" }, "2027-06-09 09:30")
    notify("chair", { _tag: "ConfirmQuorum", enough: false, note: "Three members called away", decided: [ReferralId.make("ref_1")] }, "2027-06-09 11:00")
    notify("administrator", { _tag: "SendDraftRecordToChair" }, "2027-06-09 14:00")
    const [final] = notify("chair", { _tag: "ReturnFinalRecord" }, "2027-06-10 16:00")
    expect(final?.body).toEqual(["Too few members remained part-way through: upload the record of each child decided before then to the case system: 2 child records."])
  })

  it("CPR-10: the minutes say when members left and that the decisions made before then stand", () => {
    const minutes = sittingMinutes(
      minutesOf9June(readerAs("chair"), (inputs) => ({
        ...inputs,
        sitting: {
          ...inputs.sitting,
          quorum: {
            enough: false,
            note: "Three members called away",
            decided: [ReferralId.make("ref_1")],
            at: london("2027-06-09", "11:00"),
            by: { personId: inputs.reader.actor.personId, name: "Martin Gorsley", role: "panel_chair" }
          }
        }
      }))
    )
    expect(minutes.sections.find((section) => section.heading === "Attendance")!.blocks).toContainEqual(
      paragraph("Martin Gorsley (chair) found too few members remaining to go on at 11:00 Wed 9 Jun 2027, after 1 request was decided (those decisions stand; the rest were not heard): Three members called away.")
    )
  })
})
