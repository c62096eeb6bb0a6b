import { describe, expect, it } from "@effect/vitest"
import type { Decision } from "../../src/decision/Decision.js"
import { DecisionId } from "../../src/shared/ids.js"
import { isMade, timelines } from "../../src/reports/timeline.js"
import { london } from "../fixtures.js"
import { juneInputs } from "./fixtures.js"

const ref2 = (list: ReturnType<typeof timelines>) => list.find((timeline) => timeline.referral.id === "ref_2")!
const summary = (timeline: ReturnType<typeof timelines>[number]) => ({
  hearings: timeline.hearings.map((hearing) => [hearing.decisionId, hearing.outcome, hearing.madeAt]),
  first: timeline.first?.decisionId,
  outcome: timeline.outcome?.decisionId,
  deferrals: timeline.deferrals
})

/** dec_1 as if agreed outside panel: final once every agreement is in, or still awaiting one. */
const outsidePanel = (decision: Decision, status: Decision["status"], id: string): Decision => ({ ...decision, id: DecisionId.make(id), madeAt: "outside_panel", status })

describe("a request's timeline", () => {
  it("ref_2 was deferred on 9 and 16 Jun and approved on 23 Jun, whichever order the decisions arrive in", () => {
    const june = juneInputs()
    const timeline = ref2(timelines(june.referrals, [...june.decisions].reverse(), june.calendar))
    expect(summary(timeline)).toEqual({
      hearings: [
        ["dec_2", "defer", "panel"],
        ["dec_3", "defer", "panel"],
        ["dec_4", "approve", "panel"]
      ],
      first: "dec_2",
      outcome: "dec_4",
      deferrals: 2
    })
    expect(timeline.toFirstDecision).toEqual({ calendarDays: 8, workingDays: 6 })
    expect(timeline.toOutcome).toEqual({ calendarDays: 22, workingDays: 16 })
  })

  it("a hearing both decided and on the request's record is counted once (ref_1: one hearing)", () => {
    const june = juneInputs()
    const list = timelines(june.referrals, june.decisions, june.calendar)
    expect(list.map((timeline) => timeline.hearings.length)).toEqual([1, 3, 1, 1, 1, 1])
  })

  it("hearings come from the decisions when the request's own record has none of them", () => {
    const june = juneInputs()
    const referrals = june.referrals.map((referral) => ({ ...referral, hearings: [] }))
    const timeline = ref2(timelines(referrals, june.decisions, june.calendar))
    expect(summary(timeline)).toMatchObject({ first: "dec_2", outcome: "dec_4", deferrals: 2 })
  })

  it("hearings come from the request's record when their decisions are not in the inputs; one with no sitting was outside panel", () => {
    const june = juneInputs()
    const referrals = june.referrals.map((referral) =>
      referral.id === "ref_2" ? { ...referral, hearings: referral.hearings.map((hearing, index) => (index === 2 ? { ...hearing, sittingId: undefined } : hearing)) } : referral
    )
    const timeline = ref2(timelines(referrals, [], june.calendar))
    expect(summary(timeline)).toEqual({
      hearings: [
        ["dec_2", "defer", "panel"],
        ["dec_3", "defer", "panel"],
        ["dec_4", "approve", "outside_panel"]
      ],
      first: "dec_2",
      outcome: "dec_4",
      deferrals: 2
    })
    expect(timeline.hearings[0]!.sittingId).toBe("sit_9jun")
    expect(timeline.hearings[2]!.sittingId).toBeUndefined()
  })

  it("an agreement outside panel counts once final, not while an agreement is awaited; a panel decision counts at once", () => {
    const dec1 = juneInputs().decisions[0]!
    expect(isMade(outsidePanel(dec1, "final", "dec_x"))).toBe(true)
    expect(isMade(outsidePanel(dec1, "awaiting_agreement", "dec_x"))).toBe(false)
    expect(isMade({ ...dec1, status: "awaiting_sign_off" })).toBe(true)
  })

  it("a decision agreed outside panel and still awaiting an agreement is not a hearing of its request", () => {
    const june = juneInputs()
    const referrals = june.referrals.map((referral) => ({ ...referral, hearings: [] }))
    const pending = outsidePanel(june.decisions[0]!, "awaiting_agreement", "dec_9")
    const final = outsidePanel(june.decisions[0]!, "final", "dec_10")
    const [ref1] = timelines(referrals, [pending], june.calendar)
    expect(ref1!.hearings).toEqual([])
    expect(ref1!.first).toBeUndefined()
    const [again] = timelines(referrals, [final], june.calendar)
    expect(again!.hearings.map((hearing) => [hearing.decisionId, hearing.madeAt])).toEqual([["dec_10", "outside_panel"]])
  })

  it("an agreement dated before the request was submitted has no time to decision; nor has a request with no submission on record, heard or not", () => {
    const june = juneInputs()
    const early = { ...june.decisions[0]!, heardAt: london("2027-05-28", "12:00") }
    const referrals = june.referrals.map((referral) => ({ ...referral, hearings: [] }))
    const [ref1] = timelines(referrals, [early], june.calendar)
    expect(ref1!.first?.decisionId).toBe("dec_1")
    expect(ref1!.toFirstDecision).toBeUndefined()
    expect(ref1!.toOutcome).toBeUndefined()
    const draft = { ...referrals[0]!, status: "draft" as const, submittedAt: undefined }
    const [none] = timelines([draft], [], june.calendar)
    expect(none!.toFirstDecision).toBeUndefined()
    const [decidedUnsubmitted] = timelines([draft], [june.decisions[0]!], june.calendar)
    expect(decidedUnsubmitted!.first?.decisionId).toBe("dec_1")
    expect(decidedUnsubmitted!.toFirstDecision).toBeUndefined()
    expect(decidedUnsubmitted!.toOutcome).toBeUndefined()
  })
})
