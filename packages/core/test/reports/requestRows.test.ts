import { describe, expect, it } from "@effect/vitest"
import type { Referral } from "../../src/referral/Referral.js"
import { requestRow, standingOf, typeRows } from "../../src/reports/requestRows.js"
import { timelines } from "../../src/reports/timeline.js"
import { ChildId, ReferralId } from "../../src/shared/ids.js"
import { juneInputs } from "./fixtures.js"

/** ref_1 (s20, child-1) copied under another id, with no hearing, as it stands in one of the statuses before or after panel. */
const ref1As = (referral: Referral, id: string, status: Referral["status"]): Referral => ({
  ...referral,
  id: ReferralId.make(id),
  status,
  hearings: [],
  submittedAt: status === "draft" ? undefined : referral.submittedAt
})

const juneTimelines = (extra: (ref1: Referral) => ReadonlyArray<Referral> = () => []) => {
  const june = juneInputs()
  return timelines([...june.referrals, ...extra(june.referrals[0]!)], june.decisions, june.calendar)
}

describe("where each request stands", () => {
  it("June: ref_2 approved after two deferrals, ref_5 declined, the rest approved", () => {
    expect(juneTimelines().map((timeline) => [timeline.referral.id, standingOf(timeline)])).toEqual([
      ["ref_1", "approved"],
      ["ref_2", "approved"],
      ["ref_3", "approved"],
      ["ref_4", "approved"],
      ["ref_5", "declined"],
      ["ref_6", "approved"]
    ])
  })

  it("a draft, one waiting for panel, one withdrawn and one redirected stand as such", () => {
    const list = juneTimelines((ref1) => [ref1As(ref1, "ref_7", "draft"), ref1As(ref1, "ref_8", "accepted"), ref1As(ref1, "ref_9", "withdrawn"), ref1As(ref1, "ref_10", "redirected")])
    expect(list.slice(6).map(standingOf)).toEqual(["draft", "awaiting_decision", "withdrawn", "redirected"])
  })

  it("a request withdrawn after a deferral stands withdrawn, not deferred", () => {
    const june = juneInputs()
    const ref2 = june.referrals[1]!
    const withdrawn = { ...ref2, status: "withdrawn" as const }
    const [timeline] = timelines([withdrawn], june.decisions.filter((decision) => decision.id === "dec_2"), june.calendar)
    expect(timeline!.hearings).toHaveLength(3)
    expect(standingOf(timeline!)).toBe("withdrawn")
    const [redirected] = timelines([{ ...ref2, status: "redirected" as const }], [], june.calendar)
    expect(standingOf(redirected!)).toBe("redirected")
  })
})

describe("a request's row in the CSV", () => {
  it("ref_2: submitted 1 Jun, first decided (deferred) 9 Jun, approved 23 Jun after two deferrals", () => {
    const ref2 = juneTimelines()[1]!
    expect(requestRow(ref2)).toEqual({
      referralId: "ref_2",
      panelId: "support-panel",
      requestTypes: "legal_planning_meeting",
      children: 1,
      childIds: "child-2",
      submittedAt: "2027-06-01T08:30:00.000Z",
      submittedOn: "2027-06-01",
      acceptedLate: ref2.referral.acceptedLate,
      standing: "approved",
      firstDecisionOn: "2027-06-09",
      firstOutcome: "defer",
      outcomeOn: "2027-06-23",
      outcome: "approve",
      hearings: 3,
      deferrals: 2,
      calendarDaysToFirstDecision: 8,
      workingDaysToFirstDecision: 6,
      calendarDaysToOutcome: 22,
      workingDaysToOutcome: 16
    })
  })

  it("a request about two children lists both, separated by a semicolon", () => {
    const list = juneTimelines((ref1) => {
      const [child] = ref1.form.children
      return [{ ...ref1, id: ReferralId.make("ref_7"), form: { ...ref1.form, children: [child!, { ...child!, childId: ChildId.make("child-8") }] } }]
    })
    expect(requestRow(list[6]!)).toMatchObject({ children: 2, childIds: "child-1;child-8" })
  })

  it("a draft has no submission, no decision and no time to decision", () => {
    const list = juneTimelines((ref1) => [ref1As(ref1, "ref_7", "draft")])
    expect(requestRow(list[6]!)).toMatchObject({
      standing: "draft",
      submittedAt: undefined,
      submittedOn: undefined,
      firstDecisionOn: undefined,
      firstOutcome: undefined,
      outcomeOn: undefined,
      outcome: undefined,
      hearings: 0,
      deferrals: 0,
      calendarDaysToFirstDecision: undefined,
      workingDaysToFirstDecision: undefined,
      calendarDaysToOutcome: undefined,
      workingDaysToOutcome: undefined
    })
  })

  it("a request deferred once and not yet decided again: first decided 9 Jun, no outcome yet", () => {
    const june = juneInputs()
    const ref2 = { ...june.referrals[1]!, status: "accepted" as const, hearings: [] }
    const [timeline] = timelines([ref2], june.decisions.filter((decision) => decision.id === "dec_2"), june.calendar)
    expect(requestRow(timeline!)).toMatchObject({ standing: "deferred", firstDecisionOn: "2027-06-09", firstOutcome: "defer", outcomeOn: undefined, outcome: undefined, deferrals: 1 })
  })
})

describe("requests by type", () => {
  it("counts each standing under the request's type: deferred, awaiting (drafts included) and closed (withdrawn or redirected)", () => {
    const june = juneInputs()
    const ref1 = june.referrals[0]!
    const ref2 = { ...june.referrals[1]!, id: ReferralId.make("ref_11"), form: { ...june.referrals[1]!.form, requestTypes: ["s20_accommodation" as const] }, hearings: [] }
    const referrals = [ref1, ref1As(ref1, "ref_7", "draft"), ref1As(ref1, "ref_8", "accepted"), ref1As(ref1, "ref_9", "withdrawn"), ref1As(ref1, "ref_10", "redirected"), ref2]
    const deferral = { ...june.decisions.find((decision) => decision.id === "dec_2")!, subject: { ...june.decisions[1]!.subject, referralId: ReferralId.make("ref_11") } }
    const rows = typeRows(timelines(referrals, [june.decisions[0]!, deferral], june.calendar))
    expect(rows).toEqual([
      { requestType: "s20_accommodation", label: "accommodation under section 20", requests: 6, approved: 1, declined: 0, deferred: 1, awaitingDecision: 2, closed: 2 }
    ])
  })
})
