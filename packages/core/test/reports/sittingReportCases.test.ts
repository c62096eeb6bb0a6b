import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import type { Deadline } from "../../src/deadlines/Deadline.js"
import type { Decision } from "../../src/decision/Decision.js"
import type { Disagreement } from "../../src/disagreement/Disagreement.js"
import type { Referral } from "../../src/referral/Referral.js"
import type { ReportInputs } from "../../src/reports/ReportInputs.js"
import { sittingReport } from "../../src/reports/sittingReport.js"
import { membersCounted } from "../../src/sitting/quorum.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import { juneInputs } from "./fixtures.js"

// Small changes of the June records, each made inside the test that reads the report.
const withDecisions = (inputs: ReportInputs, change: (decision: Decision) => Decision | undefined): ReportInputs => ({
  ...inputs,
  decisions: inputs.decisions.flatMap((decision) => change(decision) ?? [])
})
const withSitting = (inputs: ReportInputs, id: string, change: (sitting: Sitting) => Sitting): ReportInputs => ({
  ...inputs,
  sittings: inputs.sittings.map((sitting) => (sitting.id === id ? change(sitting) : sitting))
})
const withReferral = (inputs: ReportInputs, id: string, change: (referral: Referral) => Referral | undefined): ReportInputs => ({
  ...inputs,
  referrals: inputs.referrals.flatMap((referral) => (referral.id === id ? (change(referral) ?? []) : [referral]))
})

describe("sitting report: what the chair reads of each slot", () => {
  it("each slot names its children, request types, decision and its status, actions set and disagreements raised", () => {
    const report = sittingReport("sit_9jun", juneInputs())!
    expect(report.items).toEqual([
      { slot: "10:00-10:30", referralId: "ref_1", kind: "request", childIds: "child-1", requestTypes: "s20_accommodation", acceptedLate: false, decisionId: "dec_1", outcome: "approve", decisionStatus: "final", deferralsToDate: 0, repeatDeferral: false, calendarDaysFromRequest: 8, workingDaysFromRequest: 6, actions: 2, disagreements: 1 },
      // ref_2 was last accepted onto 23 June: whether it came in late is known there, not here.
      { slot: "10:30-11:00", referralId: "ref_2", kind: "request", childIds: "child-2", requestTypes: "legal_planning_meeting", acceptedLate: undefined, decisionId: "dec_2", outcome: "defer", decisionStatus: "final", deferralsToDate: 1, repeatDeferral: false, calendarDaysFromRequest: 8, workingDaysFromRequest: 6, actions: 0, disagreements: 0 },
      { slot: "11:00-11:30", referralId: "ref_3", kind: "request", childIds: "child-3", requestTypes: "edge_of_care_resource", acceptedLate: false, decisionId: "dec_5", outcome: "approve", decisionStatus: "final", deferralsToDate: 0, repeatDeferral: false, calendarDaysFromRequest: 7, workingDaysFromRequest: 5, actions: 2, disagreements: 0 },
      { slot: "11:30-12:00", referralId: "ref_5", kind: "request", childIds: "child-5", requestTypes: "edge_of_care_resource", acceptedLate: false, decisionId: "dec_7", outcome: "decline", decisionStatus: "final", deferralsToDate: 0, repeatDeferral: false, calendarDaysFromRequest: 7, workingDaysFromRequest: 5, actions: 0, disagreements: 0 }
    ])
  })

  it("the summary shows when the agenda went out, no record yet, no late items and the sitting not cancelled", () => {
    expect(sittingReport("sit_9jun", juneInputs())!.summary).toMatchObject({
      panelId: "support-panel",
      cancelled: false,
      agendaPublishedAt: "2027-06-09T07:00:00.000Z",
      deputies: 0,
      observers: 0,
      lateItems: 0,
      repeatDeferrals: 0,
      actions: 4,
      draftRecordAt: undefined,
      finalRecordAt: undefined,
      recordsUploaded: 0
    })
  })

  it("a slot with no decision yet is undecided: no outcome, no days from request, no actions, left out of the medians", () => {
    const inputs = withDecisions(juneInputs(), (decision) => (decision.id === "dec_7" ? undefined : decision))
    const report = sittingReport("sit_9jun", inputs)!
    expect(report.items[3]).toEqual({
      slot: "11:30-12:00",
      referralId: "ref_5",
      kind: "request",
      childIds: "child-5",
      requestTypes: "edge_of_care_resource",
      acceptedLate: false,
      decisionId: undefined,
      outcome: undefined,
      decisionStatus: undefined,
      deferralsToDate: 0,
      repeatDeferral: false,
      calendarDaysFromRequest: undefined,
      workingDaysFromRequest: undefined,
      actions: 0,
      disagreements: 0
    })
    // 8, 8, 7 calendar days; 6, 6, 5 working days.
    expect(report.summary).toMatchObject({ declined: 0, undecided: 1, medianCalendarDaysFromRequest: 8, medianWorkingDaysFromRequest: 6 })
  })

  it("a decision agreed outside panel and not yet final has no outcome on the sitting", () => {
    const inputs = withDecisions(juneInputs(), (decision) => (decision.id === "dec_7" ? ({ ...decision, madeAt: "outside_panel", status: "draft" } as unknown as Decision) : decision))
    const report = sittingReport("sit_9jun", inputs)!
    expect(report.items[3]).toMatchObject({ decisionId: "dec_7", outcome: undefined, decisionStatus: "draft" })
    expect(report.summary).toMatchObject({ declined: 0, undecided: 1 })
  })

  it("a decision whose request is not among the records still shows the decision's request types, no deferrals and no days", () => {
    const inputs = withReferral(juneInputs(), "ref_5", () => undefined)
    const item = sittingReport("sit_9jun", inputs)!.items[3]!
    expect(item).toMatchObject({ referralId: "ref_5", requestTypes: "edge_of_care_resource", acceptedLate: undefined, outcome: "decline", deferralsToDate: 0, calendarDaysFromRequest: undefined, workingDaysFromRequest: undefined })
  })

  it("a slot whose request and decision are both missing from the records shows no request types", () => {
    const inputs = withReferral(
      withDecisions(juneInputs(), (decision) => (decision.id === "dec_7" ? undefined : decision)),
      "ref_5",
      () => undefined
    )
    expect(sittingReport("sit_9jun", inputs)!.items[3]).toMatchObject({ referralId: "ref_5", requestTypes: "", decisionId: undefined, deferralsToDate: 0 })
  })

  it("a request deferred at a sitting whose decision is missing shows all its deferrals so far", () => {
    const inputs = withDecisions(juneInputs(), (decision) => (decision.id === "dec_4" ? undefined : decision))
    const item = sittingReport("sit_23jun", inputs)!.items.find((row) => row.referralId === "ref_2")!
    expect(item).toMatchObject({ decisionId: undefined, outcome: undefined, deferralsToDate: 2, repeatDeferral: true })
  })

  it("a request approved after two deferrals is not a repeat deferral of the sitting that approved it", () => {
    const report = sittingReport("sit_23jun", juneInputs())!
    expect(report.items.find((row) => row.referralId === "ref_2")).toMatchObject({ outcome: "approve", deferralsToDate: 2, repeatDeferral: true })
    expect(report.summary.repeatDeferrals).toBe(0)
  })

  it("CPR-4: a request accepted late onto this sitting counts as a late item", () => {
    const inputs = withReferral(juneInputs(), "ref_1", (referral) => ({ ...referral, acceptedLate: true }) as Referral)
    const report = sittingReport("sit_9jun", inputs)!
    expect(report.items[0]!.acceptedLate).toBe(true)
    expect(report.summary.lateItems).toBe(1)
  })
})

describe("sitting report: attendance, cancellation, actions, disagreements and clocks", () => {
  it("counts members recorded present apart from those who only confirmed in advance, deputies and observers apart, and shows a cancelled sitting", () => {
    const inputs = withSitting(juneInputs(), "sit_9jun", (sitting) => {
      const [chair] = sitting.attendance
      const entry = (personId: string, status: string) => ({ ...chair!, personId, name: `Member ${personId}`, status })
      return {
        ...sitting,
        cancelled: { reason: "Not quorate", by: sitting.attendance[0] },
        attendance: [...sitting.attendance, entry("p-confirmed", "confirmed"), entry("p-deputy", "deputy"), entry("p-observer-1", "observer"), entry("p-observer-2", "observer")]
      } as unknown as Sitting
    })
    expect(sittingReport("sit_9jun", inputs)!.summary).toMatchObject({ cancelled: true, present: 1, confirmed: 1, apologies: 1, deputies: 1, observers: 2 })
  })

  it("KNO-2: members away whom a member present represents count as represented, not present, and the seats filled agree with the quorum's count", () => {
    const inputs = withSitting(juneInputs(), "sit_9jun", (sitting) => {
      const [chair, away] = sitting.attendance
      const entry = (personId: string, status: string, more: object = {}) => ({ ...chair!, personId, name: `Member ${personId}`, status, ...more })
      return {
        ...sitting,
        attendance: [
          ...sitting.attendance,
          // Jo represents the member who sent apologies and Cora, who had confirmed she would come.
          entry("p-jo", "present", { represents: [away!.personId, "p-cora"] }),
          entry("p-cora", "confirmed"),
          entry("p-rhys", "deputy", { standsInForPersonId: "p-tom" }),
          entry("p-tom", "confirmed")
        ]
      } as unknown as Sitting
    })
    const sitting = inputs.sittings.find((one) => one.id === "sit_9jun")!
    const { summary } = sittingReport("sit_9jun", inputs)!
    expect(summary).toMatchObject({ present: 2, confirmed: 0, apologies: 1, deputies: 1, represented: 2 })
    // The chair and Jo in their own seats, Rhys in Tom's: the seats the chair's quorum counts, each once.
    expect(summary.present + summary.deputies).toBe(membersCounted(sitting.attendance))
  })

  it("KNO-2: representation drawn for members present moves a represented member who had confirmed from confirmed to represented, and counts each member away represented once", () => {
    const people = ["m-0", "m-1", "m-2", "m-3", "m-4", "m-5"]
    const drawn = fc.uniqueArray(
      fc.record({
        personId: fc.constantFrom(...people),
        status: fc.constantFrom("present", "apologies", "deputy", "observer", "confirmed"),
        represents: fc.subarray(people)
      }),
      { selector: (one) => one.personId }
    )
    const inputs = juneInputs()
    const summaryOf = (entries: ReadonlyArray<{ personId: string; status: string; represents: ReadonlyArray<string> }>, represented: boolean) =>
      sittingReport(
        "sit_9jun",
        withSitting(inputs, "sit_9jun", (sitting) => {
          const [chair] = sitting.attendance
          const attendance = entries.map((one) => ({
            ...chair!,
            personId: one.personId,
            name: `Member ${one.personId}`,
            status: one.status,
            ...(represented && one.status === "present" ? { represents: one.represents } : {})
          }))
          return { ...sitting, attendance } as unknown as Sitting
        })
      )!.summary
    fc.assert(
      fc.property(drawn, (entries) => {
        const named = new Set(entries.flatMap((one) => (one.status === "present" ? one.represents : [])))
        const away = entries.filter((one) => (one.status === "apologies" || one.status === "confirmed") && named.has(one.personId))
        const before = summaryOf(entries, false)
        const after = summaryOf(entries, true)
        expect(after.represented).toBe(away.length)
        expect(after.confirmed).toBe(before.confirmed - away.filter((one) => one.status === "confirmed").length)
        expect([after.present, after.apologies, after.deputies, after.observers]).toEqual([before.present, before.apologies, before.deputies, before.observers])
      })
    )
  })

  it("LIN-5: an action whose clock is overdue counts as missed; an action without a clock has no clock state", () => {
    const inputs = juneInputs()
    const report = sittingReport("sit_16jun", inputs)!
    expect(report.actions.map((action) => [action.actionId, action.clockState, action.metLate])).toEqual([
      ["act_8a", "overdue", false],
      ["act_8b", "pending", false]
    ])
    expect(report.summary.actionsMissed).toBe(1)
    const noClock = sittingReport("sit_16jun", { ...inputs, deadlines: inputs.deadlines.filter((deadline) => deadline.id !== "dec_8:action:act_8a") })!
    expect(noClock.actions[0]).toMatchObject({ actionId: "act_8a", clockState: undefined, metLate: false })
    expect(noClock.summary.actionsMissed).toBe(0)
  })

  it("shows only the disagreements raised at this sitting, each against its own slot", () => {
    const inputs = juneInputs()
    const [dissent] = inputs.disagreements
    const elsewhere = { ...dissent!, id: "dis_2", sittingId: "sit_16jun" } as unknown as Disagreement
    const onRef3 = { ...dissent!, id: "dis_3", referralId: "ref_3" } as unknown as Disagreement
    const report = sittingReport("sit_9jun", { ...inputs, disagreements: [dissent!, elsewhere, onRef3] })!
    expect(report.disagreements.map((row) => row.disagreementId)).toEqual(["dis_1", "dis_3"])
    expect(report.items.map((item) => item.disagreements)).toEqual([1, 0, 1, 0])
    expect(report.summary.disagreements).toBe(2)
  })

  it("CPR-9, CPR-11: lists the sitting's own clocks and no other sitting's or record's", () => {
    const inputs = juneInputs()
    const [template] = inputs.deadlines
    const clock = (id: string, kind: string, about: string) => ({ ...template!, id, about: { kind, id: about } }) as unknown as Deadline
    const deadlines = [...inputs.deadlines, clock("sit_9jun:papers", "sitting", "sit_9jun"), clock("sit_16jun:papers", "sitting", "sit_16jun"), clock("x:record", "referral", "sit_9jun")]
    expect(sittingReport("sit_9jun", { ...inputs, deadlines })!.clocks.map((row) => row.deadlineId)).toEqual(["sit_9jun:papers"])
  })
})
