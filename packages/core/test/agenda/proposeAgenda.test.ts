import { describe, expect, it } from "@effect/vitest"
import { DateTime, Effect } from "effect"
import { proposeAgenda } from "../../src/agenda/proposeAgenda.js"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import type { LocalDate } from "../../src/calendar/LocalDate.js"
import type { Decision } from "../../src/decision/Decision.js"
import type { DecisionContent } from "../../src/decision/DecisionParts.js"
import { decisionDecider } from "../../src/decision/DecisionDecider.js"
import { type PresetSlug, preset } from "../../src/policy/authorities/index.js"
import type { Referral } from "../../src/referral/Referral.js"
import { referralDecider } from "../../src/referral/ReferralDecider.js"
import { fold } from "../../src/shared/decider.js"
import { DecisionId, DocumentId, ReferralId, SittingId } from "../../src/shared/ids.js"
import type { Sitting } from "../../src/sitting/Sitting.js"
import { sittingDecider } from "../../src/sitting/SittingDecider.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, completeForm, contextOf, london } from "../fixtures.js"
import { content, subject } from "../decision/fixtures.js"
import { beforeAnySitting } from "./fixtures.js"

const staff = staffOf("care-planning")
const before = london("2027-06-01", "08:00")

/** Sittings of the authority's panel on these dates; `published` ones have sent their agenda out. */
const sittingsOn = (slug: PresetSlug, dates: ReadonlyArray<string>, published: ReadonlyArray<string> = []): Sitting[] =>
  dates.map((date) => {
    const spec = deciderSpec(sittingDecider, contextOf(slug))
    const by = as(staff.administrator)
    const scheduled = spec.play([{ _tag: "ScheduleSitting", sittingId: SittingId.make(`sit_${date}`), panelId: preset(slug).panels[0].id, date: date as LocalDate, by, at: before }])
    if (!published.includes(date)) return fold(sittingDecider, scheduled)!
    const entries = [{ referralId: ReferralId.make("ref_other"), childIds: [], kind: "request" as const, summary: "Another request" }]
    return fold(sittingDecider, spec.play([{ _tag: "BuildAgenda", entries, by, at: before }, { _tag: "PublishAgenda", by, at: before }], scheduled))!
  })

/** A Care Planning request heard at these sittings, in turn. */
const requestHeard = (...hearings: ReadonlyArray<{ readonly at: Sitting; readonly outcome: "approve" | "defer" }>): Referral => {
  const by = as(staff.socialWorker)
  const admin = as(staff.administrator)
  const events = deciderSpec(referralDecider, contextOf("care-planning")).play([
    { _tag: "CreateDraft", referralId: ReferralId.make("ref_1"), form: completeForm("care-planning-and-resources"), by, at: before },
    { _tag: "RecordDocument", document: { documentId: DocumentId.make("doc"), kind: "referral_form", title: "Referral" }, by, at: before },
    { _tag: "Submit", by, at: before },
    ...hearings.map(({ at, outcome }, i) => ({ _tag: "RecordHearing" as const, decisionId: DecisionId.make(`dec_${i}`), sittingId: at.id, outcome, by: admin, at: at.endsAt }))
  ])
  return fold(referralDecider, events)!
}

/** A decision recorded at `sitting`, with what it says. */
const decidedAt = (slug: PresetSlug, sitting: Sitting, overrides: Partial<DecisionContent>, types = subject().requestTypes): Decision => {
  const by = as(staffOf(slug).administrator)
  const held = { sittingId: sitting.id, panelId: sitting.panelId, date: sitting.date, startsAt: sitting.startsAt, endsAt: sitting.endsAt, cancelled: false, agenda: [ReferralId.make("ref_1")], quorum: { enough: true, chair: staffOf(slug).chair } }
  const recorded = Effect.runSync(
    decisionDecider.decide({ _tag: "RecordDecision", decisionId: DecisionId.make("dec_1"), subject: subject(types), sitting: held, content: content(overrides), by, at: sitting.endsAt }, undefined, contextOf(slug))
  )
  return fold(decisionDecider, recorded)!
}

const propose = (slug: PresetSlug, sitting: Sitting, inputs: { referrals?: Referral[]; decisions?: Decision[]; sittings: Sitting[] }) =>
  proposeAgenda(sitting, { referrals: inputs.referrals ?? [], decisions: inputs.decisions ?? [], sittings: inputs.sittings, now: beforeAnySitting }, preset(slug), englandAndWales)
const proposedAt = (slug: PresetSlug, inputs: { referrals?: Referral[]; decisions?: Decision[]; sittings: Sitting[] }) =>
  inputs.sittings.filter((sitting) => propose(slug, sitting, inputs).length > 0).map((sitting) => sitting.date)

describe("proposed agenda", () => {
  const wednesdays = ["2027-06-09", "2027-06-16", "2027-06-23", "2027-06-30"]

  it("CPR-8: a request deferred at a sitting comes back, saying so, on the next sitting of its panel only", () => {
    const sittings = sittingsOn("care-planning", wednesdays)
    const referrals = [requestHeard({ at: sittings[0]!, outcome: "defer" })]
    expect(propose("care-planning", sittings[1]!, { referrals, sittings })).toEqual([
      { referralId: "ref_1", childIds: ["child-1"], kind: "request", summary: "Request deferred from the sitting on Wed 9 Jun 2027: accommodation under section 20" }
    ])
    expect(proposedAt("care-planning", { referrals, sittings })).toEqual(["2027-06-16"])
    expect(proposedAt("lincolnshire", { referrals, sittings: sittingsOn("lincolnshire", wednesdays) })).toEqual([])
  })

  it("CPR-8: once heard again the request is not proposed; an agenda sent out without it passes it to the following sitting", () => {
    const sittings = sittingsOn("care-planning", wednesdays)
    expect(proposedAt("care-planning", { referrals: [requestHeard({ at: sittings[0]!, outcome: "defer" }, { at: sittings[1]!, outcome: "approve" })], sittings })).toEqual([])
    const twice = [requestHeard({ at: sittings[0]!, outcome: "defer" }, { at: sittings[1]!, outcome: "defer" })]
    expect(propose("care-planning", sittings[2]!, { referrals: twice, sittings })[0]!.summary).toContain("deferred from the sitting on Wed 16 Jun 2027")
    const passedOver = sittingsOn("care-planning", wednesdays, ["2027-06-16"])
    // 16 June's agenda went out without it: 23 June gets it (and 16 June too, should its agenda be rebuilt).
    expect(proposedAt("care-planning", { referrals: [requestHeard({ at: passedOver[0]!, outcome: "defer" })], sittings: passedOver })).toEqual(["2027-06-16", "2027-06-23"])
  })

  it("CPR-10: a review date falling due puts the child on the last sitting before it", () => {
    const sittings = sittingsOn("care-planning", [...wednesdays, "2027-07-07", "2027-07-14"])
    const decisions = [decidedAt("care-planning", sittings[0]!, { minutes: undefined, returnToPanel: { withinWeeks: 4, ruleId: "CPR-10" } })]
    expect(proposedAt("care-planning", { decisions, sittings })).toEqual(["2027-07-07"])
    expect(propose("care-planning", sittings[4]!, { decisions, sittings })).toMatchObject([{ kind: "review", summary: "Review (CPR-10) of accommodation under section 20" }])
  })

  it("NSO-9: approved pre-proceedings come back for review at the last sitting 8 to 10 weeks after", () => {
    const dates = ["2027-06-09", "2027-07-28", "2027-08-04", "2027-08-11", "2027-08-18", "2027-08-25"]
    const sittings = sittingsOn("north-somerset", dates)
    const decisions = [decidedAt("north-somerset", sittings[0]!, { minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"])]
    expect(proposedAt("north-somerset", { decisions, sittings })).toEqual(["2027-08-18"])
    expect(DateTime.lessThan(sittings[4]!.startsAt, london("2027-08-18", "16:30"))).toBe(true)
  })

  it("NSO-9: an earlier hearing of the request (a deferral at 7 weeks) is not its review: it still comes back in the window", () => {
    const dates = ["2027-06-09", "2027-07-28", "2027-08-04", "2027-08-11", "2027-08-18", "2027-08-25"]
    const sittings = sittingsOn("north-somerset", dates)
    const entry = decidedAt("north-somerset", sittings[0]!, { minutes: undefined, agreed: { preProceedings: true } }, ["pre_proceedings"])
    const deferred = { ...decidedAt("north-somerset", sittings[1]!, { minutes: undefined, outcome: "defer", agreed: {}, actions: [] }, ["pre_proceedings"]), id: "dec_deferred" as typeof entry.id }
    expect(proposedAt("north-somerset", { decisions: [entry, deferred], sittings })).toEqual(["2027-08-18"])
  })

  it("LIN-7: a case asked to return comes back within its timescale, unless a case note closed the return", () => {
    const sittings = sittingsOn("lincolnshire", [...wednesdays, "2027-07-07", "2027-07-14", "2027-07-21", "2027-07-28"])
    const decision = decidedAt("lincolnshire", sittings[0]!, { returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } })
    expect(proposedAt("lincolnshire", { decisions: [decision], sittings })).toEqual(["2027-07-21"])
    const waived = { ...decision, returnWaived: { caseNote: "Progress made; Safeguarding & Review told", by: decision.recordedBy, at: london("2027-07-01", "10:00") } }
    expect(proposedAt("lincolnshire", { decisions: [waived], sittings })).toEqual([])
  })
})
