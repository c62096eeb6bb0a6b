import { describe, expect, it } from "@effect/vitest"
import { DateTime } from "effect"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { SittingCommand } from "../../src/sitting/SittingCommands.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import type { SittingEvent } from "../../src/sitting/SittingEvents.js"
import { ChildId, PanelId, PersonId, ReferralId, SittingId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"

const staff = staffOf("care-planning")
const cpr = deciderSpec(sittingDecider, contextOf("care-planning"))
const knowsleyStaff = staffOf("knowsley")
const knowsley = deciderSpec(sittingDecider, contextOf("knowsley"))
const nso = deciderSpec(sittingDecider, contextOf("north-somerset"))

const monday = london("2027-06-07", "09:00")
const cmd = (actor: keyof typeof staff, body: Record<string, unknown>, when = monday) =>
  ({ ...body, by: as(staff[actor]), at: when }) as SittingCommand

const scheduled = (): SittingEvent[] => [
  ...cpr
    .given([])
    .when(cmd("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-09" }))
    .events()
]

const entry = (n: number) => ({
  referralId: ReferralId.make(`ref_${n}`),
  childIds: [ChildId.make(`child-${n}`)],
  kind: "request" as const,
  summary: `Placement request ${n}`
})

const withAgenda = (count: number) => {
  const history = scheduled()
  const entries = Array.from({ length: count }, (_, i) => entry(i + 1))
  return [...history, ...cpr.given(history).when(cmd("administrator", { _tag: "BuildAgenda", entries })).events()]
}

const afterSitting = london("2027-06-09", "13:30")
const withDraft = () => {
  const history = withAgenda(2)
  return [...history, ...cpr.given(history).when(cmd("administrator", { _tag: "SendDraftRecordToChair" }, afterSitting)).events()]
}
const withFinal = () => {
  const history = withDraft()
  return [...history, ...cpr.given(history).when(cmd("chair", { _tag: "ReturnFinalRecord" }, london("2027-06-10", "16:00"))).events()]
}

describe("sitting decider: schedule", () => {
  it("CPR-1: schedules a Wednesday sitting from 09:30 to 13:00 London time", () => {
    const state = cpr.given([]).when(
      cmd("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("s"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-09" })
    ).state()
    expect(DateTime.formatIso(state!.startsAt)).toBe("2027-06-09T08:30:00.000Z")
    expect(DateTime.formatIso(state!.endsAt)).toBe("2027-06-09T12:00:00.000Z")
  })

  it("refuses a panel the authority does not run, and a sitting id used twice", () => {
    expect(
      cpr.given([]).when(cmd("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("s"), panelId: PanelId.make("nope"), date: "2027-06-09" })).refusal().message
    ).toBe("This authority has no panel called nope.")
    expect(
      cpr.given(scheduled()).when(cmd("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("sit_1"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-16" })).refusal()._tag
    ).toBe("SittingAlreadyScheduled")
  })

  it("cancels a sitting before it starts; refuses afterwards, and refuses commands on a cancelled sitting", () => {
    const cancelled = [...scheduled(), ...cpr.given(scheduled()).when(cmd("chair", { _tag: "CancelSitting", reason: "no requests" })).events()]
    expect(cpr.given(cancelled).when(cmd("administrator", { _tag: "PublishAgenda" })).refusal().message).toBe("The sitting on Wed 9 Jun 2027 was cancelled.")
    expect(cpr.given(scheduled()).when(cmd("chair", { _tag: "CancelSitting", reason: "x" }, afterSitting)).refusal()._tag).toBe("SittingNotInState")
  })

  it("an extra sitting at other hours: the same day at 15:00-16:30; hours that end before they start are refused", () => {
    const extra = (start: string, end: string) =>
      cpr.given([]).when(
        cmd("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("s"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-07", hours: { start, end } })
      )
    expect(DateTime.formatIso(extra("15:00", "16:30").state()!.startsAt)).toBe("2027-06-07T14:00:00.000Z")
    expect(DateTime.formatIso(extra("15:00", "16:30").state()!.endsAt)).toBe("2027-06-07T15:30:00.000Z")
    expect(extra("15:00", "15:00").refusal().message).toBe("A sitting must end after it starts: 15:00 to 15:00 is not a sitting's hours.")
    expect(extra("08:00", "10:00").refusal().message).toBe("A sitting on Mon 7 Jun 2027 would be in the past.")
  })

  it("refuses to schedule a sitting in the past", () => {
    const refusal = cpr.given([]).when(
      cmd("administrator", { _tag: "ScheduleSitting", sittingId: SittingId.make("s"), panelId: PanelId.make("care-planning-and-resources"), date: "2027-06-02" })
    ).refusal()
    expect(refusal.message).toBe("A sitting on Wed 2 Jun 2027 would be in the past.")
  })

  it("refuses commands on a sitting that does not exist", () => {
    expect(cpr.given([]).when(cmd("administrator", { _tag: "PublishAgenda" })).refusal()._tag).toBe("NoSuchRecord")
  })
})

describe("sitting decider: agenda", () => {
  it("CPR-2: gives each child a 20-minute slot when the morning has room", () => {
    const state = cpr.given(withAgenda(0)).when(cmd("administrator", { _tag: "BuildAgenda", entries: [entry(1), entry(2)] })).state()
    const times = state!.agenda.map((item) => [DateTime.formatIso(item.startsAt).slice(11, 16), DateTime.formatIso(item.endsAt).slice(11, 16)])
    expect(times).toEqual([["08:30", "08:50"], ["08:50", "09:10"]])
  })

  it("CPR-2: shortens slots towards 15 minutes to fit a busy morning, never past 13:00", () => {
    const state = cpr.given(scheduled()).when(cmd("administrator", { _tag: "BuildAgenda", entries: Array.from({ length: 12 }, (_, i) => entry(i)) })).state()
    const last = state!.agenda.at(-1)!
    expect(DateTime.distance(last.startsAt, last.endsAt)).toBe(17 * 60_000)
    expect(DateTime.lessThanOrEqualTo(last.endsAt, state!.endsAt)).toBe(true)
  })

  it("CPR-2: refuses more children than fit at 15 minutes each", () => {
    const refusal = cpr.given(scheduled()).when(cmd("administrator", { _tag: "BuildAgenda", entries: Array.from({ length: 15 }, (_, i) => entry(i)) })).refusal()
    expect(refusal).toMatchObject({ _tag: "AgendaFull", capacity: 14, requested: 15 })
    expect(refusal.message).toBe("Only 14 children fit in this sitting at 15 minutes each (CPR-2); 15 were asked for. Move some to the next sitting.")
  })

  it("CPR-10: reviews brought forward take their own slots on the agenda", () => {
    const review = { ...entry(9), kind: "review" as const, summary: "Review of placement" }
    const state = cpr.given(scheduled()).when(cmd("administrator", { _tag: "BuildAgenda", entries: [entry(1), review] })).state()
    expect(state!.agenda.map((item) => item.kind)).toEqual(["request", "review"])
  })

  it("refuses to change the agenda once the sitting has started", () => {
    expect(cpr.given(scheduled()).when(cmd("administrator", { _tag: "BuildAgenda", entries: [] }, london("2027-06-09", "09:31"))).refusal()._tag).toBe(
      "SittingNotInState"
    )
  })

  it("CPR-9: publishes the agenda; a rebuilt agenda must be published again", () => {
    const published = [...withAgenda(1), ...cpr.given(withAgenda(1)).when(cmd("administrator", { _tag: "PublishAgenda" })).events()]
    expect(cpr.given(published).when(cmd("administrator", { _tag: "BuildAgenda", entries: [entry(1), entry(2)] })).state()!.agendaPublishedAt).toBeUndefined()
  })

  it("CPR-9: the agenda may go before its papers; the papers follow, and a rebuilt agenda needs both again", () => {
    const agendaFirst = [...withAgenda(1), ...cpr.given(withAgenda(1)).when(cmd("administrator", { _tag: "PublishAgenda", papersToFollow: true })).events()]
    const state = cpr.given(agendaFirst).when(cmd("administrator", { _tag: "SendPapers" }, london("2027-06-08", "11:00"))).state()!
    expect([state.agendaPublishedAt, state.papersSentAt]).toEqual([monday, london("2027-06-08", "11:00")])
    const rebuilt = cpr.given(agendaFirst).when(cmd("administrator", { _tag: "BuildAgenda", entries: [entry(1), entry(2)] })).state()!
    expect([rebuilt.agendaPublishedAt, rebuilt.papersSentAt]).toEqual([undefined, undefined])
    expect(cpr.given(withAgenda(1)).when(cmd("administrator", { _tag: "PublishAgenda" })).state()!.papersSentAt).toEqual(monday)
  })

  it("CPR-9: refuses papers before the agenda has gone, and papers sent twice", () => {
    expect(cpr.given(withAgenda(1)).when(cmd("administrator", { _tag: "SendPapers" })).refusal().message).toBe(
      "Send the agenda to members first; the papers go with it or after it."
    )
    const published = [...withAgenda(1), ...cpr.given(withAgenda(1)).when(cmd("administrator", { _tag: "PublishAgenda" })).events()]
    expect(cpr.given(published).when(cmd("administrator", { _tag: "SendPapers" })).refusal().message).toBe(
      "The papers for this agenda have already gone to members."
    )
  })

  it("refuses to publish an empty agenda", () => {
    expect(cpr.given(scheduled()).when(cmd("administrator", { _tag: "PublishAgenda" })).refusal().message).toBe(
      "There is nothing on the agenda to send to members yet."
    )
  })
})

describe("sitting decider: attendance", () => {
  const person = { personId: PersonId.make("p1"), name: "Lee Marston", seat: "Finance Accountant", membership: "standing" as const }

  it("KNO-2, CPR-3: records apologies and a deputy who names the member they stand in for", () => {
    const history = scheduled()
    const apologies = cpr.given(history).when(cmd("administrator", { _tag: "RecordAttendance", entry: { ...person, status: "apologies" } })).events()
    const deputy = { ...person, personId: PersonId.make("p2"), name: "Kit Oldham", status: "deputy", standsInFor: "Finance Accountant" }
    const state = cpr.given([...history, ...apologies]).when(cmd("administrator", { _tag: "RecordAttendance", entry: deputy })).state()
    expect(state!.attendance.map((a) => [a.name, a.status])).toEqual([["Lee Marston", "apologies"], ["Kit Oldham", "deputy"]])
  })

  it("CPR-3: refuses a deputy who does not say whom they represent, citing the care planning panel's own rule", () => {
    const refusal = cpr.given(scheduled()).when(cmd("administrator", { _tag: "RecordAttendance", entry: { ...person, status: "deputy" } })).refusal()
    expect(refusal).toMatchObject({ _tag: "DeputyMustNameSeat", ruleId: "CPR-3", message: "Say which member the deputy stands in for (CPR-3)." })
  })

  it("DEF-DEPUTY-NAMES-SEAT: where the terms of reference say nothing of deputies, the same check cites Carepanel's default", () => {
    const supportPanels = deciderSpec(sittingDecider, contextOf("support-panels"))
    const supStaff = staffOf("support-panels")
    const history = supportPanels.given([]).when({
      _tag: "ScheduleSitting", sittingId: SittingId.make("s1"), panelId: PanelId.make("support-panel"), date: "2027-06-08" as LocalDate, by: as(supStaff.administrator), at: monday
    }).events()
    const refusal = supportPanels.given(history).when({ _tag: "RecordAttendance", entry: { ...person, status: "deputy" }, by: as(supStaff.administrator), at: monday } as SittingCommand).refusal()
    expect(refusal).toMatchObject({ _tag: "DeputyMustNameSeat", ruleId: "DEF-DEPUTY-NAMES-SEAT" })
    expect(refusal.message).toBe("Say which member the deputy stands in for (DEF-DEPUTY-NAMES-SEAT, Carepanel default, not in the terms of reference; set by the authority's policy).")
  })

  it("DEF-OBSERVERS-CHAIR-AGREES: refuses an observer without the chair's agreement, and records one with it; only Knowsley's cites KNO-2", () => {
    const observer = { ...person, membership: "observer" as const, status: "observer" }
    expect(cpr.given(scheduled()).when(cmd("administrator", { _tag: "RecordAttendance", entry: observer })).refusal()).toMatchObject({
      _tag: "ObserverNeedsChairAgreement",
      ruleId: "DEF-OBSERVERS-CHAIR-AGREES"
    })
    const knowsleySitting = knowsley.given([]).when({
      _tag: "ScheduleSitting", sittingId: SittingId.make("k1"), panelId: PanelId.make("circle-of-support"), date: "2027-06-10" as LocalDate, by: as(knowsleyStaff.administrator), at: monday
    }).events()
    const atKnowsley = knowsley.given(knowsleySitting).when({ _tag: "RecordAttendance", entry: observer, by: as(knowsleyStaff.administrator), at: monday } as SittingCommand).refusal()
    expect(atKnowsley).toMatchObject({ ruleId: "KNO-2", message: "An observer attends only with the chair's agreement (KNO-2)." })
    const state = cpr.given(scheduled()).when(cmd("administrator", { _tag: "RecordAttendance", entry: { ...observer, chairAgreed: true } })).state()
    expect(state!.attendance[0]!.status).toBe("observer")
  })

  it("KNO-2: a non-standing member confirming later than 3 days before is marked late", () => {
    const history = knowsley.given([]).when({
      _tag: "ScheduleSitting",
      sittingId: SittingId.make("k1"),
      panelId: PanelId.make("circle-of-support"),
      date: "2027-06-10" as LocalDate,
      by: as(knowsleyStaff.administrator),
      at: monday
    }).events()
    const confirm = (when: DateTime.Utc) =>
      knowsley.given(history).when({
        _tag: "RecordAttendance",
        entry: { ...person, seat: "Health", membership: "non_standing", status: "confirmed" },
        by: as(knowsleyStaff.administrator),
        at: when
      }).state()!.attendance[0]!.confirmedLate
    expect(confirm(london("2027-06-07", "16:59"))).toBe(false)
    expect(confirm(london("2027-06-07", "17:01"))).toBe(true)
  })

  it("NSO-1: the chair decides whether enough members are present", () => {
    const nsoStaff = staffOf("north-somerset")
    const history = nso.given([]).when({
      _tag: "ScheduleSitting", sittingId: SittingId.make("n1"), panelId: PanelId.make("care-and-resource"), date: "2027-06-09" as LocalDate, by: as(nsoStaff.administrator), at: monday
    }).events()
    const started = london("2027-06-09", "10:05")
    const byChair = nso.given(history).when({ _tag: "ConfirmQuorum", enough: true, note: "Chair and two deputies present", by: as(nsoStaff.assistantDirector), at: started }).state()
    expect(byChair!.quorum).toMatchObject({ enough: true, by: { name: "Ruth Fairholme" } })
    const refusal = nso.given(history).when({ _tag: "ConfirmQuorum", enough: true, note: "", by: as(nsoStaff.member), at: started }).refusal()
    expect(refusal._tag).toBe("NotTheChair")
    expect(refusal.message).toContain("(NSO-1)")
  })

  it("DEF-QUORUM-CHAIR-DECIDES: where the terms of reference set no quorum, the chair decides and the refusal says it is Carepanel's default", () => {
    const history = knowsley.given([]).when({
      _tag: "ScheduleSitting", sittingId: SittingId.make("k1"), panelId: PanelId.make("circle-of-support"), date: "2027-06-10" as LocalDate, by: as(knowsleyStaff.administrator), at: monday
    }).events()
    const refusal = knowsley.given(history).when({ _tag: "ConfirmQuorum", enough: true, note: "", by: as(knowsleyStaff.member), at: monday }).refusal()
    expect(refusal.message).toContain("(DEF-QUORUM-CHAIR-DECIDES, Carepanel default, not in the terms of reference; set by the authority's policy)")
  })

  it("DEF-SLOT-MINUTES: Knowsley's slot length is Carepanel's default: a full agenda is refused citing it, not KNO-1", () => {
    const history = knowsley.given([]).when({
      _tag: "ScheduleSitting", sittingId: SittingId.make("k1"), panelId: PanelId.make("circle-of-support"), date: "2027-06-10" as LocalDate, by: as(knowsleyStaff.administrator), at: monday
    }).events()
    const entries = Array.from({ length: 8 }, (_, i) => entry(i + 1))
    const refusal = knowsley.given(history).when({ _tag: "BuildAgenda", entries, by: as(knowsleyStaff.administrator), at: monday } as SittingCommand).refusal()
    expect(refusal).toMatchObject({ _tag: "AgendaFull", ruleId: "DEF-SLOT-MINUTES", capacity: 7 })
  })
})

describe("sitting decider: the record (CPR-11)", () => {
  it("CPR-11: refuses to send the draft before the sitting has ended", () => {
    expect(cpr.given(withAgenda(1)).when(cmd("administrator", { _tag: "SendDraftRecordToChair" }, london("2027-06-09", "12:00"))).refusal().message).toBe(
      "The record can be sent to the chair once the sitting has ended."
    )
  })

  it("CPR-11: draft to chair, final back, each child's record uploaded, in that order", () => {
    expect(cpr.given(withDraft()).when(cmd("administrator", { _tag: "SendDraftRecordToChair" }, afterSitting)).refusal().message).toBe(
      "The draft record has already gone to the chair."
    )
    expect(cpr.given(withAgenda(1)).when(cmd("chair", { _tag: "ReturnFinalRecord" }, afterSitting)).refusal().message).toBe(
      "There is no draft record with the chair yet."
    )
    expect(cpr.given(withFinal()).when(cmd("chair", { _tag: "ReturnFinalRecord" }, afterSitting)).refusal().message).toBe(
      "The final record has already been returned."
    )
    const upload = (childId: string) => cmd("administrator", { _tag: "RecordChildUploaded", childId: ChildId.make(childId), referralId: ReferralId.make("ref_1") })
    expect(cpr.given(withDraft()).when(upload("child-1")).refusal().message).toContain("the chair has not returned it yet")
    expect(cpr.given(withFinal()).when(upload("child-99")).refusal().message).toBe("That child was not on this sitting's agenda.")
    const uploaded = [...withFinal(), ...cpr.given(withFinal()).when(upload("child-1")).events()]
    expect(cpr.given(uploaded).when(upload("child-1")).refusal().message).toBe("That child's record has already been uploaded.")
    expect(cpr.given(uploaded).when(upload("child-2")).state()!.record.uploads.map((u) => u.childId)).toEqual(["child-1", "child-2"])
  })
})
