import { describe, expect, it } from "@effect/vitest"
import type { DateTime } from "effect"
import { englandAndWales } from "../../src/calendar/englandAndWales.js"
import { toDeadline } from "../../src/deadlines/clock.js"
import { preset } from "../../src/policy/authorities/index.js"
import { placementClocks } from "../../src/regulation24/placementClocks.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { fold } from "../../src/shared/decider.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"
import { authorised, basicTest, carers, childId, cmd, lincolnshire, mother, placed, placedAt, placementId, playOn, readyToExtend } from "./fixtures.js"

const titles = (events: ReadonlyArray<PlacementEvent>, slug: Parameters<typeof preset>[0] = "lincolnshire", at?: DateTime.Utc) =>
  placementClocks(fold(placementDecider, events)!, preset(slug), at).map((spec) => spec.title)

const withS20 = () =>
  playOn(placed(), cmd("socialWorker", { _tag: "RecordS20Accommodation", record: { consents: [mother], childWishes: "Wants to stay with her aunt" } }, london("2027-03-26", "12:00")))

describe("what a placement's refusals say, so the social worker knows what to do", () => {
  it("LIN-16, LIN-17, LIN-18: a step recorded twice is refused, naming the step and when it was recorded", () => {
    const referred = playOn(authorised(), cmd("socialWorker", { _tag: "RecordKinshipReferral", bacsFormSigned: true }, london("2027-03-27", "10:00")))
    const consented = playOn(referred, cmd("assistantDirector", { _tag: "RecordLookedAfterConsent" }, london("2027-03-29", "10:00")))
    const again = (command: Parameters<typeof lincolnshire.play>[0][number]) => lincolnshire.given(consented).when(command).refusal()
    expect(again(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-29", "11:00")))).toMatchObject({
      _tag: "AlreadyRecorded",
      message: "The viability assessment was already recorded at 18:00 Fri 26 Mar 2027."
    })
    expect(again(cmd("serviceManager", { _tag: "AuthorisePlacement" }, london("2027-03-29", "11:00")))).toMatchObject({
      message: "The service manager's authorisation was already recorded at 09:00 Sat 27 Mar 2027."
    })
    expect(again(cmd("socialWorker", { _tag: "RecordKinshipReferral", bacsFormSigned: true }, london("2027-03-29", "11:00")))).toMatchObject({
      message: "The referral to the kinship team was already recorded at 10:00 Sat 27 Mar 2027."
    })
    expect(again(cmd("assistantDirector", { _tag: "RecordLookedAfterConsent" }, london("2027-03-29", "11:00")))).toMatchObject({
      message: "The Assistant Director's consent to looked-after status was already recorded at 10:00 Mon 29 Mar 2027."
    })
  })

  it("LIN-18: a kinship referral before the assessment and the authorisation names all three things missing, each with its rule", () => {
    expect(lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordKinshipReferral", bacsFormSigned: false })).refusal()).toMatchObject({
      _tag: "KinshipReferralIncomplete",
      message:
        "The referral cannot go to the kinship team without the BACS form signed by the carers (LIN-18), the viability assessment (LIN-16), the locality service manager's authorisation (LIN-17)."
    })
  })

  it("a step on a placement that has ended, or was never made, says what cannot be done and why", () => {
    const ended = playOn(placed(), cmd("serviceManager", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-04-01", "10:00")))
    expect(lincolnshire.given(ended).when(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-04-02", "10:00"))).refusal()).toMatchObject({
      _tag: "PlacementNotInStatus",
      message: "You cannot record the viability assessment: this placement has ended."
    })
    expect(lincolnshire.given([]).when(cmd("serviceManager", { _tag: "AuthorisePlacement" })).refusal()).toMatchObject({
      _tag: "NoSuchRecord",
      message: "There is no placement to authorise the placement."
    })
    expect(lincolnshire.given(placed()).when(basicTest()).refusal()).toMatchObject({
      _tag: "PlacementAlreadyExists",
      message: "A placement with id plc_1 already exists."
    })
  })

  it("times still to come are refused saying what and when", () => {
    const later = london("2027-03-26", "11:00")
    expect(lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: later })).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "Police protection cannot be recorded as starting at 11:00 Fri 26 Mar 2027, which is still to come."
    })
    expect(lincolnshire.given(lincolnshire.play([basicTest()])).when(cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: later, carers })).refusal()).toMatchObject({
      message: "A placement at 11:00 Fri 26 Mar 2027 has not happened yet: record it once it has."
    })
    const protectedChild = playOn(placed(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true }))
    expect(
      lincolnshire.given(protectedChild).when(cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: "returned_home", endedAt: later })).refusal()
    ).toMatchObject({ message: "Police protection cannot be recorded as ending at 11:00 Fri 26 Mar 2027, which is still to come." })
  })

  it("STAT-S20-CONSENT: s20 accommodation already recorded is refused with when; a withdrawal must name who withdrew, and needs consent in force", () => {
    const accommodated = withS20()
    expect(lincolnshire.given(accommodated).when(cmd("socialWorker", { _tag: "RecordS20Accommodation", record: { consents: [mother], childWishes: "Again" } }, london("2027-03-27", "09:00"))).refusal()).toMatchObject({
      _tag: "AlreadyRecorded",
      message: "The s20 accommodation was already recorded at 12:00 Fri 26 Mar 2027."
    })
    expect(lincolnshire.given(accommodated).when(cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "   " }, london("2027-03-27", "09:00"))).refusal()).toMatchObject({
      _tag: "S20ConsentIncomplete",
      missing: ["who withdrew consent"],
      message: "Name the person with parental responsibility who withdrew consent (STAT-S20-CONSENT)."
    })
    expect(lincolnshire.given(accommodated).when(cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: " Dana Harrow " }, london("2027-03-27", "09:00"))).events()).toMatchObject([
      { _tag: "S20ConsentWithdrawn", withdrawnBy: "Dana Harrow" }
    ])
    expect(lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow" })).refusal()).toMatchObject({
      _tag: "S20ConsentIncomplete",
      missing: []
    })
  })

  it("STAT-R25-4: ending a placement never made as 'approval expired' says the approval has not expired, with nothing after it", () => {
    const identifiedOnly = lincolnshire.play([basicTest()])
    expect(lincolnshire.given(identifiedOnly).when(cmd("serviceManager", { _tag: "EndPlacement", reason: "approval_expired_child_moved" })).refusal()).toMatchObject({
      _tag: "EndReasonNotApplicable",
      message: `The temporary approval has not expired. If the child moved anyway, the reason is "child moved" (STAT-R25-4).`
    })
  })
})

describe("what a placement's clocks are called", () => {
  it("LIN-14, LIN-16, LIN-18, STAT-R24, STAT-R25-1: each clock of an extended Lincolnshire placement under police protection says what is to be done", () => {
    const protectedChild = playOn(placed(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true }))
    const extended = playOn(readyToExtend(protectedChild), cmd("headOfService", { _tag: "ExtendApproval", weeks: 4 }, london("2027-07-01", "09:00")))
    expect(titles(extended)).toEqual([
      "Police protection ends in 24 hours: return the child, accommodate under s20 with consent, or obtain an order",
      "Police protection ends: the child is returned, accommodated under s20 with consent, or an order is obtained",
      "The Assistant Director's consent to looked-after status (LIN-14)",
      "Viability assessment written up",
      "Viability assessment and the carers' signed BACS form with the kinship team",
      "Temporary approval ends: approve as foster carers, extend, or end the placement (STAT-R25-4)",
      "Extended temporary approval ends: approve as foster carers or end the placement (STAT-R25-4)",
      "Temporary approval ends in 14 days: arrange the fostering panel, an extension or a move"
    ])
  })

  it("STAT-R24: where the authority sets no viability or kinship clock, a placed child has only the approval's end and its warning", () => {
    const spec = deciderSpec(placementDecider, contextOf("north-somerset"))
    const worker = as(staffOf("north-somerset").socialWorker)
    const events = spec.play([
      { _tag: "RecordBasicTest", placementId, childId, answers: { wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }, by: worker, at: placedAt },
      { _tag: "RecordPlacementMade", placedAt, carers, by: worker, at: placedAt }
    ])
    expect(titles(events, "north-somerset")).toEqual([
      "Temporary approval ends: approve as foster carers, extend, or end the placement (STAT-R25-4)",
      "Temporary approval ends in 14 days: arrange the fostering panel, an extension or a move"
    ])
  })

  it("LIN-14: a child identified but not yet placed has only the Assistant Director's consent to wait for; an ended placement none", () => {
    const identifiedOnly = lincolnshire.play([basicTest()])
    expect(titles(identifiedOnly)).toEqual(["The Assistant Director's consent to looked-after status (LIN-14)"])
    const ended = playOn(placed(), cmd("serviceManager", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-04-01", "10:00")))
    expect(titles(ended)).toEqual([])
  })

  it("DEF-R24-EXPIRY-WARNING: a warning that falls on a bank holiday is due the working day before, at the same time", () => {
    // Placed Monday 24 May 2027: the approval ends Monday 13 September; 14 days before is the summer bank holiday.
    const monday = london("2027-05-24", "10:00")
    const events = lincolnshire.play([basicTest(undefined, monday), cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: monday, carers }, monday)])
    const due = placementClocks(fold(placementDecider, events)!, preset("lincolnshire")).map((spec) => [
      spec.id.split(":")[1],
      toDeadline(spec, englandAndWales, { now: monday, dueSoonHours: 48 }).due
    ])
    expect(Object.fromEntries(due)).toMatchObject({ "temporary-approval": london("2027-09-13", "10:00"), "approval-warning": london("2027-08-27", "10:00") })
  })
})
