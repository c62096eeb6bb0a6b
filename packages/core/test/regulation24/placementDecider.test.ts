import { describe, expect, it } from "@effect/vitest"
import type { DateTime } from "effect"
import { approvalActiveAt } from "../../src/regulation24/Placement.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"
import {
  playOn,
  allNo,
  authorised,
  basicTest,
  carers,
  childId,
  cmd,
  identified,
  lincolnshire,
  placed,
  placedAt,
  placementId,
  readyToExtend,
  staff
} from "./fixtures.js"

const expiry = london("2027-07-16", "10:00")
const extend = (weeks: number, when = london("2027-07-01", "09:00"), by: "headOfService" | "teamManager" | "serviceManager" = "headOfService") =>
  cmd(by, { _tag: "ExtendApproval", weeks }, when)
const review = (facts = { fullAssessmentRefused: true, independentReviewSought: true }, when = london("2027-07-12", "09:00")) =>
  cmd("assistantDirector", { _tag: "ExtendPendingReview", facts }, when)

describe("placement decider: the basic test (LIN-14)", () => {
  it("LIN-14: any yes makes it a Regulation 24 placement", () => {
    for (const question of ["wouldRefuseToSupportReturnHome", "wouldAskPoliceToUsePoliceProtection", "wouldSeekLegalAdviceToStartCareProceedings"]) {
      const events = lincolnshire.given([]).when(basicTest({ ...allNo, [question]: true })).events()
      expect(events).toMatchObject([{ _tag: "BasicTestRecorded", placementId, childId, authorityId: "lincolnshire", isRegulation24: true }])
      expect(lincolnshire.given([]).when(basicTest({ ...allNo, [question]: true })).state()?.status).toBe("identified")
    }
  })

  it("LIN-14: all no means not a Regulation 24 placement, and nothing more is recorded on it", () => {
    const history = lincolnshire.play([basicTest(allNo)])
    expect(lincolnshire.given([]).when(basicTest(allNo)).state()).toMatchObject({ status: "not_regulation24", basicTest: { isRegulation24: false } })
    const refusal = lincolnshire.given(history).when(cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })).refusal()
    expect(refusal).toMatchObject({
      _tag: "PlacementNotInStatus",
      message: "You cannot record the placement: the basic test found this is not a Regulation 24 placement, so nothing more is recorded on it."
    })
    expect(lincolnshire.given(history).when(cmd("socialWorker", { _tag: "RecordViabilityAssessment" })).refusal()._tag).toBe("PlacementNotInStatus")
  })

  it("refuses a second basic test under the same id", () => {
    expect(lincolnshire.given(identified()).when(basicTest()).refusal()._tag).toBe("PlacementAlreadyExists")
  })

  it("refuses every other command on a placement that does not exist", () => {
    expect(lincolnshire.given([]).when(cmd("socialWorker", { _tag: "RecordViabilityAssessment" })).refusal()._tag).toBe("NoSuchRecord")
  })
})

describe("placement decider: police powers (LIN-15)", () => {
  it("LIN-15: a child under police protection makes the placement urgent: act now", () => {
    const since = london("2027-03-25", "22:00")
    const spec = lincolnshire.given(identified()).when(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since }))
    expect(spec.events()).toMatchObject([{ _tag: "PolicePowersRecorded", underPoliceProtection: true, since }])
    expect(spec.state()).toMatchObject({ urgent: true, policePowers: { underPoliceProtection: true } })
  })

  it("LIN-15: police protection starts now unless said otherwise; not under police protection is not urgent", () => {
    const now = lincolnshire.given(identified()).when(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true })).events()
    expect(now).toMatchObject([{ since: placedAt }])
    const no = lincolnshire.given(identified()).when(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: false })).state()
    expect(no).toMatchObject({ urgent: false, policePowers: { underPoliceProtection: false } })
  })

  it("refuses police protection starting in the future, and a second record", () => {
    const future = cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true, since: london("2027-03-27", "10:00") })
    expect(lincolnshire.given(identified()).when(future).refusal()._tag).toBe("NotYetHappened")
    const history = playOn(identified(), cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: false }))
    const again = lincolnshire.given(history).when(cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true })).refusal()
    expect(again).toMatchObject({ _tag: "AlreadyRecorded", message: "The police powers check was already recorded at 10:00 Fri 26 Mar 2027." })
  })
})

describe("placement decider: placement and temporary approval (STAT-R24)", () => {
  it("STAT-R24: records the carers as connected-persons carers, temporarily approved for 16 weeks from the placement", () => {
    const spec = lincolnshire.given(identified()).when(cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers }, london("2027-03-26", "15:00")))
    expect(spec.events()).toMatchObject([{ _tag: "PlacementMade", placedAt, carers, approvalExpiresAt: expiry }])
    const state = spec.state()!
    expect(state).toMatchObject({ status: "placed", approval: { startsAt: placedAt, originalExpiresAt: expiry, expiresAt: expiry } })
    expect(approvalActiveAt(state, london("2027-07-16", "09:59"))).toBe(true)
    expect(approvalActiveAt(state, expiry)).toBe(false)
  })

  it("refuses a placement still to come, and a second placement", () => {
    const future = cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt: london("2027-03-26", "10:01"), carers })
    expect(lincolnshire.given(identified()).when(future).refusal()).toMatchObject({ _tag: "NotYetHappened" })
    expect(lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })).refusal()._tag).toBe("AlreadyRecorded")
  })
})

describe("placement decider: viability assessment (LIN-16) and authorisation (LIN-17)", () => {
  it("LIN-16: a viability assessment before the placement is on time", () => {
    const events = lincolnshire.given(identified()).when(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-25", "16:00"))).events()
    expect(events).toMatchObject([{ _tag: "ViabilityAssessmentRecorded", late: false }])
  })

  it("LIN-16: within 24 hours of the placement it is on time; after, it is recorded late, not refused", () => {
    const at = (when: DateTime.Utc) => lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, when)).events()
    expect(at(london("2027-03-27", "10:00"))).toMatchObject([{ late: false }])
    expect(at(london("2027-03-27", "10:01"))).toMatchObject([{ late: true }])
  })

  it("refuses a second viability assessment", () => {
    expect(lincolnshire.given(authorised()).when(cmd("socialWorker", { _tag: "RecordViabilityAssessment" })).refusal()._tag).toBe("AlreadyRecorded")
  })

  it("LIN-17: the service manager authorises the placement on the viability assessment", () => {
    expect(authorised().at(-1)).toMatchObject({ _tag: "PlacementAuthorised", by: { name: "Owen Ellery", role: "service_manager" } })
  })

  it("LIN-17: refuses authorisation before the viability assessment", () => {
    const refusal = lincolnshire.given(placed()).when(cmd("serviceManager", { _tag: "AuthorisePlacement" })).refusal()
    expect(refusal).toMatchObject({
      _tag: "ViabilityAssessmentNeeded",
      ruleId: "LIN-17",
      message: "The locality service manager authorises the placement on the viability assessment (LIN-17): record the viability assessment first."
    })
  })

  it("LIN-17: refuses a second authorisation", () => {
    expect(lincolnshire.given(authorised()).when(cmd("serviceManager", { _tag: "AuthorisePlacement" })).refusal()._tag).toBe("AlreadyRecorded")
  })
})

describe("placement decider: kinship team referral (LIN-18)", () => {
  const refer = (bacsFormSigned: boolean, when = london("2027-03-27", "12:00")) =>
    cmd("socialWorker", { _tag: "RecordKinshipReferral", bacsFormSigned }, when)

  it("LIN-18: sent with the signed BACS form within 48 hours is on time; after, it is late", () => {
    expect(lincolnshire.given(authorised()).when(refer(true)).events()).toMatchObject([{ _tag: "KinshipReferralSent", late: false }])
    // 48 elapsed hours from 10:00 GMT on Friday is 11:00 BST on Sunday, across the clock change.
    expect(lincolnshire.given(authorised()).when(refer(true, london("2027-03-28", "11:00"))).events()).toMatchObject([{ late: false }])
    expect(lincolnshire.given(authorised()).when(refer(true, london("2027-03-28", "11:01"))).events()).toMatchObject([{ late: true }])
  })

  it("LIN-18: refuses the referral without the carers' signed BACS form", () => {
    expect(lincolnshire.given(authorised()).when(refer(false)).refusal()).toMatchObject({
      _tag: "KinshipReferralIncomplete",
      missing: [{ ruleId: "LIN-18" }],
      message: "The referral cannot go to the kinship team without the BACS form signed by the carers (LIN-18)."
    })
  })

  it("LIN-18: refuses the referral before the viability assessment (LIN-16) and authorisation (LIN-17), naming each", () => {
    const refusal = lincolnshire.given(placed()).when(refer(false)).refusal()
    expect(refusal).toMatchObject({ _tag: "KinshipReferralIncomplete", missing: [{ ruleId: "LIN-18" }, { ruleId: "LIN-16" }, { ruleId: "LIN-17" }] })
  })

  it("LIN-18: refuses a second referral", () => {
    expect(lincolnshire.given(playOn(authorised(), refer(true))).when(refer(true)).refusal()._tag).toBe("AlreadyRecorded")
  })
})

describe("placement decider: consents (LIN-14)", () => {
  const consent = cmd("assistantDirector", { _tag: "RecordLookedAfterConsent" })
  const s20 = (signedBy: ReadonlyArray<string>) => cmd("socialWorker", { _tag: "RecordS20Consent", signedBy })

  it("LIN-14: the Assistant Director consents to looked-after status, once", () => {
    expect(lincolnshire.given(identified()).when(consent).events()).toMatchObject([{ _tag: "LookedAfterConsentGiven", by: { role: "assistant_director" } }])
    expect(lincolnshire.given(playOn(identified(), consent)).when(consent).refusal()._tag).toBe("AlreadyRecorded")
  })

  it("LIN-14: carers with parental responsibility sign s20 consent, once", () => {
    expect(lincolnshire.given(placed()).when(s20([" Della Penrose "])).events()).toMatchObject([{ _tag: "S20ConsentSigned", signedBy: ["Della Penrose"] }])
    expect(lincolnshire.given(playOn(placed(), s20(["Della Penrose"]))).when(s20(["Della Penrose"])).refusal()._tag).toBe("AlreadyRecorded")
  })

  it("LIN-14: refuses s20 consent from a carer without parental responsibility, or from nobody", () => {
    expect(lincolnshire.given(placed()).when(s20(["Della Penrose", "Owain Penrose"])).refusal()).toMatchObject({
      _tag: "S20ConsentNeedsParentalResponsibility",
      notEligible: ["Owain Penrose"],
      message: "Only carers with parental responsibility sign s20 consent (LIN-14); not recorded as such: Owain Penrose."
    })
    expect(lincolnshire.given(placed()).when(s20([])).refusal().message).toBe(
      "Name the carers with parental responsibility who signed s20 consent (LIN-14): Della Penrose."
    )
  })

  it("LIN-14: refuses s20 consent where no carer holds parental responsibility", () => {
    const noPr = lincolnshire.play(
      [cmd("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers: [{ ...carers[0], hasParentalResponsibility: false }] })],
      identified()
    )
    expect(lincolnshire.given(noPr).when(s20(["Della Penrose"])).refusal().message).toBe(
      "None of the carers holds parental responsibility, so nobody here can sign s20 consent (LIN-14)."
    )
  })

  it("LIN-14: refuses s20 consent before the child is placed with the carers", () => {
    expect(lincolnshire.given(identified()).when(s20(["Della Penrose"])).refusal()).toMatchObject({
      _tag: "PlacementNotInStatus",
      message: "You cannot record s20 consent: the child has not been placed with the carers yet."
    })
  })
})

describe("placement decider: extension (STAT-R25-1, STAT-R25-3)", () => {
  it("STAT-R25-1, STAT-R25-3: extends once, by up to 8 weeks from the original expiry, on the steps recorded with who and when, by the nominated officer", () => {
    const spec = lincolnshire.given(readyToExtend()).when(extend(8))
    const recordedBy = { by: { name: "Priya Ashdown", role: "social_worker" }, at: london("2027-06-28", "09:00") }
    expect(spec.events()).toMatchObject([
      {
        _tag: "ApprovalExtended",
        weeks: 8,
        from: expiry,
        expiresAt: london("2027-09-10", "10:00"),
        by: { name: "Grace Dunmore", role: "head_of_service" },
        grounds: {
          reconsidered: { stillMostAppropriate: true, reasons: "Settled with her aunt; the full assessment needs six more weeks", ...recordedBy },
          fosteringPanelViewsSought: recordedBy,
          iroInformed: { iroName: "Nadia Quarrie", ...recordedBy }
        }
      }
    ])
    const state = spec.state()!
    expect(state.approval).toMatchObject({ originalExpiresAt: expiry, expiresAt: london("2027-09-10", "10:00"), extension: { weeks: 8, grounds: { iroInformed: { iroName: "Nadia Quarrie" } } } })
    // The steps are used up: another extension (the review route) needs them recorded again.
    expect(state.extensionGrounds).toBeUndefined()
    expect(lincolnshire.given(readyToExtend()).when(extend(3)).events()).toMatchObject([{ expiresAt: london("2027-08-06", "10:00") }])
  })

  it("STAT-R25-1: refuses a second extension", () => {
    expect(lincolnshire.given(playOn(readyToExtend(), extend(4))).when(extend(4, london("2027-08-01", "09:00"))).refusal()).toMatchObject({
      _tag: "AlreadyExtended",
      ruleId: "STAT-R25-1",
      message: "The temporary approval was already extended once, to 10:00 Fri 13 Aug 2027; regulation 25 allows one extension only (STAT-R25-1)."
    })
  })

  it("STAT-R25-1: refuses more than 8 weeks, none, or part of a week", () => {
    for (const weeks of [9, 0, -1, 2.5]) {
      expect(lincolnshire.given(placed()).when(extend(weeks)).refusal()).toMatchObject({ _tag: "InvalidExtension", ruleId: "STAT-R25-1", maxWeeks: 8 })
    }
    expect(lincolnshire.given(placed()).when(extend(9)).refusal().message).toBe("An extension is a whole number of weeks from 1 to 8, not 9 (STAT-R25-1).")
  })

  it("STAT-R25-3: refuses an extension naming each step not recorded", () => {
    const refusal = lincolnshire.given(placed()).when(extend(8)).refusal()
    expect(refusal).toMatchObject({ _tag: "ExtensionConditionsNotMet", ruleId: "STAT-R25-3" })
    expect(refusal.message).toBe(
      "Before the temporary approval can be extended (STAT-R25-3), record that: the placement was reconsidered and is still the most appropriate, with reasons; " +
        "the fostering panel's views were sought; the child's Independent Reviewing Officer was informed."
    )
    const onlyIro = lincolnshire.given(playOn(placed(), cmd("socialWorker", { _tag: "RecordIroInformed", iroName: "Nadia Quarrie" }))).when(extend(8)).refusal()
    expect(onlyIro).toMatchObject({ missing: ["the placement was reconsidered and is still the most appropriate, with reasons", "the fostering panel's views were sought"] })
  })

  it("STAT-R25-3: a reconsideration that finds the placement no longer the most appropriate refuses the extension, saying so", () => {
    const history = playOn(readyToExtend(), cmd("teamManager", { _tag: "RecordPlacementReconsidered", stillMostAppropriate: false, reasons: "The aunt is moving abroad" }, london("2027-06-29", "09:00")))
    expect(lincolnshire.given(history).when(extend(8)).refusal()).toMatchObject({
      _tag: "ExtensionConditionsNotMet",
      message:
        "Before the temporary approval can be extended: the placement was reconsidered at 09:00 Tue 29 Jun 2027 and found no longer the most appropriate (STAT-R25-3). Record a new reconsideration if that has changed."
    })
  })

  it("STAT-R25-3, DEF-R25-NOMINATED-OFFICER: only the nominated officer the policy names extends; a policy naming nobody allows no extension", () => {
    expect(lincolnshire.given(readyToExtend()).when(extend(8, undefined, "teamManager")).refusal()).toMatchObject({
      _tag: "NotNominatedOfficer",
      message: "Only the authority's nominated officer (a head of service or Assistant Director) approves an extension (STAT-R25-3)."
    })
    const lincs = contextOf("lincolnshire")
    const named = (nominatedOfficer: unknown) =>
      deciderSpec(placementDecider, { ...lincs, policy: { ...lincs.policy, regulation24: { ...lincs.policy.regulation24!, nominatedOfficer } as never } })
    // The authority names its service manager Owen Ellery: he may, a head of service may not.
    const owen = named({ ruleId: "STAT-R25-3", people: [{ personId: staff.serviceManager.personId, name: "Owen Ellery" }], posts: [] })
    expect(owen.given(readyToExtend()).when(extend(8, undefined, "serviceManager")).events()).toMatchObject([{ _tag: "ApprovalExtended", by: { name: "Owen Ellery" } }])
    expect(owen.given(readyToExtend()).when(extend(8)).refusal().message).toBe("Only the authority's nominated officer (Owen Ellery) approves an extension (STAT-R25-3).")
    expect(named(undefined).given(readyToExtend()).when(extend(8)).refusal().message).toBe(
      "This authority's policy names no nominated officer for regulation 25, so no extension can be approved: the policy must name one (STAT-R25-3)."
    )
  })

  it("STAT-R25-3: refuses a reconsideration without reasons and an IRO without a name, and any step before the child is placed", () => {
    expect(lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordPlacementReconsidered", stillMostAppropriate: true, reasons: "  " })).refusal()).toMatchObject({
      _tag: "InvalidExtensionStep",
      field: "reasons"
    })
    expect(lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordIroInformed", iroName: "" })).refusal()).toMatchObject({ _tag: "InvalidExtensionStep", field: "iroName" })
    expect(lincolnshire.given(identified()).when(cmd("socialWorker", { _tag: "RecordFosteringPanelViewsSought" })).refusal()._tag).toBe("PlacementNotInStatus")
  })

  it("STAT-R25-4: refuses an extension once the approval has expired, even at the very minute", () => {
    for (const when of [expiry, london("2027-08-01", "09:00")]) {
      expect(lincolnshire.given(readyToExtend()).when(extend(8, when)).refusal()).toMatchObject({
        _tag: "ApprovalExpired",
        ruleId: "STAT-R25-4",
        message: "The temporary approval expired at 10:00 Fri 16 Jul 2027 and cannot be extended now. The placement must end once other accommodation is arranged (STAT-R25-4)."
      })
    }
    expect(lincolnshire.given(readyToExtend()).when(extend(8, london("2027-07-16", "09:59"))).events()).toHaveLength(1)
  })

  it("STAT-R25-1: an authority may allow a shorter extension than 8 weeks, never a longer one", () => {
    const lincolnshirePolicy = contextOf("lincolnshire")
    const withExtension = (weeks: number) =>
      deciderSpec(placementDecider, {
        ...lincolnshirePolicy,
        policy: { ...lincolnshirePolicy.policy, regulation24: { ...lincolnshirePolicy.policy.regulation24!, extension: { ruleId: "STAT-R25-1", clock: { _tag: "WeeksAfter", weeks } } } }
      })
    expect(withExtension(4).given(placed()).when(extend(5)).refusal()).toMatchObject({ _tag: "InvalidExtension", maxWeeks: 4 })
    expect(withExtension(12).given(placed()).when(extend(9)).refusal()).toMatchObject({ _tag: "InvalidExtension", maxWeeks: 8 })
    expect(withExtension(0).given(placed()).when(extend(1)).refusal().message).toBe("This authority's policy allows no extension of a temporary approval (STAT-R25-1).")
  })

  it("refuses an extension before the child is placed", () => {
    expect(lincolnshire.given(identified()).when(extend(8)).refusal()._tag).toBe("PlacementNotInStatus")
  })

  it("STAT-R25-1: the extended approval is not active past 16 + 8 weeks", () => {
    const state = lincolnshire.given(readyToExtend()).when(extend(8)).state()!
    expect(approvalActiveAt(state, london("2027-09-10", "09:59"))).toBe(true)
    expect(approvalActiveAt(state, london("2027-09-10", "10:00"))).toBe(false)
  })
})

describe("placement decider: pending an independent review (STAT-R25-2)", () => {
  it("STAT-R25-2: runs on until the review's outcome, after a refused full assessment and a review sought", () => {
    const extended = playOn(readyToExtend(), extend(8))
    // The steps were used by the extension: the review route needs them again.
    expect(lincolnshire.given(extended).when(review(undefined, london("2027-09-01", "09:00"))).refusal()).toMatchObject({ _tag: "ExtensionConditionsNotMet", ruleId: "STAT-R25-3" })
    const state = lincolnshire.given(readyToExtend(extended, london("2027-08-30", "09:00"))).when(review(undefined, london("2027-09-01", "09:00"))).state()!
    expect(state.approval?.pendingReview).toMatchObject({ by: { role: "assistant_director" }, grounds: { iroInformed: { iroName: "Nadia Quarrie" } } })
    expect(approvalActiveAt(state, london("2027-12-01", "09:00"))).toBe(true)
  })

  it("STAT-R25-2: refuses without both facts, naming them", () => {
    const refusal = lincolnshire.given(placed()).when(review({ fullAssessmentRefused: false, independentReviewSought: false })).refusal()
    expect(refusal).toMatchObject({
      _tag: "ExtensionConditionsNotMet",
      ruleId: "STAT-R25-2",
      missing: ["the full assessment ended in refusal", "the carers have sought an independent review"]
    })
  })

  it("STAT-R25-2: refuses after expiry, twice, and a reg 25 extension once running until the review", () => {
    expect(lincolnshire.given(placed()).when(review(undefined, london("2027-07-17", "09:00"))).refusal()._tag).toBe("ApprovalExpired")
    const pending = playOn(readyToExtend(), review())
    expect(lincolnshire.given(pending).when(review()).refusal()).toMatchObject({ _tag: "AlreadyExtended", ruleId: "STAT-R25-2" })
    expect(lincolnshire.given(pending).when(extend(8)).refusal()).toMatchObject({ _tag: "AlreadyExtended", ruleId: "STAT-R25-2" })
  })
})

describe("placement decider: the ending (STAT-R25-4)", () => {
  const end = (reason: string, when = london("2027-06-01", "12:00")) => cmd("socialWorker", { _tag: "EndPlacement", reason }, when)

  it("ends with the full assessment approved, the child moving, or returning home", () => {
    for (const reason of ["approved_as_foster_carer", "child_moved", "child_returned_home"]) {
      const spec = lincolnshire.given(placed()).when(end(reason))
      expect(spec.events()).toMatchObject([{ _tag: "PlacementEnded", reason }])
      expect(spec.state()).toMatchObject({ status: "ended", ended: { reason } })
      expect(approvalActiveAt(spec.state()!, london("2027-06-02", "12:00"))).toBe(false)
    }
  })

  it("a child identified but never placed may return home", () => {
    expect(lincolnshire.given(identified()).when(end("child_returned_home")).state()?.status).toBe("ended")
  })

  it("STAT-R25-4: after the approval expired, the placement ends with the child moved", () => {
    expect(lincolnshire.given(placed()).when(end("approval_expired_child_moved", expiry)).events()).toMatchObject([{ reason: "approval_expired_child_moved" }])
  })

  it("STAT-R25-4: refuses 'approval expired' while the approval runs", () => {
    expect(lincolnshire.given(placed()).when(end("approval_expired_child_moved")).refusal()).toMatchObject({
      _tag: "EndReasonNotApplicable",
      ruleId: "STAT-R25-4",
      message: 'The temporary approval has not expired: it runs until 10:00 Fri 16 Jul 2027. If the child moved anyway, the reason is "child moved" (STAT-R25-4).'
    })
    expect(lincolnshire.given(playOn(readyToExtend(), review())).when(end("approval_expired_child_moved", london("2027-10-01", "09:00"))).refusal().message).toContain(
      "it runs until the independent review's outcome"
    )
  })

  it("refuses approval as foster carers for a child never placed with them, and an ending before the child was placed", () => {
    expect(lincolnshire.given(identified()).when(end("approved_as_foster_carer")).refusal()._tag).toBe("EndReasonNotApplicable")
    expect(lincolnshire.given(placed()).when(end("child_moved", london("2027-03-25", "10:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The child was placed at 10:00 Fri 26 Mar 2027: the placement cannot end before it started, at 10:00 Thu 25 Mar 2027."
    })
    expect(lincolnshire.given(identified()).when(end("child_moved", london("2027-03-26", "09:00"))).refusal()).toMatchObject({
      _tag: "NotYetHappened",
      message: "The placement was identified at 10:00 Fri 26 Mar 2027: it cannot end before it began, at 09:00 Fri 26 Mar 2027."
    })
  })

  it("refuses anything after the ending", () => {
    const ended = playOn(placed(), end("child_returned_home"))
    expect(lincolnshire.given(ended).when(end("child_moved")).refusal()).toMatchObject({
      _tag: "PlacementNotInStatus",
      message: "You cannot end this placement: this placement has ended."
    })
    expect(lincolnshire.given(ended).when(extend(2, london("2027-06-02", "09:00"))).refusal()._tag).toBe("PlacementNotInStatus")
  })
})

describe("placement decider: an authority without local clocks", () => {
  it("LIN-16 is Lincolnshire's: elsewhere a late viability assessment is not flagged, and STAT-R24 still holds", () => {
    const knowsleyStaff = staffOf("knowsley")
    const knowsley = deciderSpec(placementDecider, contextOf("knowsley"))
    const by = as(knowsleyStaff.socialWorker)
    const history = knowsley.play([
      { _tag: "RecordBasicTest", placementId, childId, answers: { ...allNo, wouldSeekLegalAdviceToStartCareProceedings: true }, by, at: placedAt },
      { _tag: "RecordPlacementMade", placedAt, carers, by, at: placedAt }
    ])
    const spec = knowsley.given(history).when({ _tag: "RecordViabilityAssessment", by, at: london("2027-03-30", "10:00") })
    expect(spec.events()).toMatchObject([{ late: false }])
    expect(spec.state()?.approval?.expiresAt).toEqual(expiry)
  })
})
