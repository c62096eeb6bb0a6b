import { describe, expect, it } from "@effect/vitest"
import type { PlacementCommand } from "../../src/regulation24/PlacementCommands.js"
import { placementDecider } from "../../src/regulation24/PlacementDecider.js"
import type { PlacementEvent } from "../../src/regulation24/PlacementEvents.js"
import { ChildId, PersonId, PlacementId } from "../../src/shared/ids.js"
import { staffOf } from "../../src/testing/actors.js"
import { deciderSpec } from "../../src/testing/decider.js"
import { as, contextOf, london } from "../fixtures.js"
import { allNo, basicTest, carers, cmd, identified, lincolnshire, mother, placed, placedAt, playOn, readyToExtend } from "./fixtures.js"

// The words a social worker reads when a step of a connected-person placement is refused: what was asked, why not, and
// what to do instead.

const notRegulation24 = () => lincolnshire.play([basicTest(allNo)])
const ended = () => playOn(placed(), cmd("socialWorker", { _tag: "EndPlacement", reason: "child_returned_home" }, london("2027-04-02", "09:00")))
const complete = { consents: [mother], childWishes: { _tag: "Ascertained" as const, wishesAndFeelings: "Wants to stay with her aunt" } }
const facts = { fullAssessmentRefused: true, independentReviewSought: true }
const pendingReview = (history: ReadonlyArray<PlacementEvent>) =>
  playOn(history, cmd("assistantDirector", { _tag: "ExtendPendingReview", facts }, london("2027-07-12", "09:00")))

const notYetPlaced = "the child has not been placed with the carers yet"
const notReg24 = "the basic test found this is not a Regulation 24 placement, so nothing more is recorded on it"
const hasEnded = "this placement has ended"

const refusedForStatus: ReadonlyArray<{ history: () => PlacementEvent[]; command: PlacementCommand; words: string }> = [
  { history: ended, command: cmd("socialWorker", { _tag: "RecordPolicePowers", underPoliceProtection: true }), words: `You cannot record police powers: ${hasEnded}.` },
  {
    history: notRegulation24,
    command: cmd("socialWorker", { _tag: "RecordPoliceProtectionOutcome", outcome: "returned_home" }),
    words: `You cannot record how police protection ended: ${notReg24}.`
  },
  { history: ended, command: cmd("socialWorker", { _tag: "RecordKinshipReferral", bacsFormSigned: true }), words: `You cannot refer to the kinship team: ${hasEnded}.` },
  { history: ended, command: cmd("assistantDirector", { _tag: "RecordLookedAfterConsent" }), words: `You cannot record the Assistant Director's consent: ${hasEnded}.` },
  { history: ended, command: cmd("socialWorker", { _tag: "RecordS20Accommodation", record: complete }), words: `You cannot record s20 accommodation: ${hasEnded}.` },
  {
    history: notRegulation24,
    command: cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow" }),
    words: `You cannot record s20 consent withdrawn: ${notReg24}.`
  },
  {
    history: identified,
    command: cmd("socialWorker", { _tag: "RecordPlacementReconsidered", stillMostAppropriate: true, reasons: "Settled" }),
    words: `You cannot record the placement's reconsideration: ${notYetPlaced}.`
  },
  {
    history: identified,
    command: cmd("socialWorker", { _tag: "RecordFosteringPanelViewsSought" }),
    words: `You cannot record that the fostering panel's views were sought: ${notYetPlaced}.`
  },
  {
    history: identified,
    command: cmd("socialWorker", { _tag: "RecordIroInformed", iroName: "Nadia Quarrie" }),
    words: `You cannot record that the IRO was informed: ${notYetPlaced}.`
  },
  { history: identified, command: cmd("headOfService", { _tag: "ExtendApproval", weeks: 8 }), words: `You cannot extend the temporary approval: ${notYetPlaced}.` },
  {
    history: identified,
    command: cmd("assistantDirector", { _tag: "ExtendPendingReview", facts }),
    words: `You cannot extend the approval pending a review: ${notYetPlaced}.`
  },
  {
    history: notRegulation24,
    command: cmd("socialWorker", { _tag: "RecordVisit", visitedAt: placedAt, seenAlone: true }),
    words: `You cannot record a visit, placement plan or review: ${notReg24}.`
  }
]

describe("a step refused because of where the placement stands: the refusal says what was asked and why not", () => {
  for (const { history, command, words } of refusedForStatus) {
    it(`${command._tag}: "${words}"`, () => {
      expect(lincolnshire.given(history()).when(command).refusal()).toMatchObject({ _tag: "PlacementNotInStatus", message: words })
    })
  }

  it("STAT-S20-CONSENT: consent withdrawn after the placement ended is still recorded, since the s20 basis outlives the placement", () => {
    const accommodated = playOn(placed(), cmd("socialWorker", { _tag: "RecordS20Accommodation", record: complete }))
    const endedAfterS20 = playOn(accommodated, cmd("socialWorker", { _tag: "EndPlacement", reason: "child_moved" }, london("2027-04-02", "09:00")))
    const withdrawn = cmd("socialWorker", { _tag: "RecordS20ConsentWithdrawn", withdrawnBy: "Dana Harrow" }, london("2027-04-03", "09:00"))
    expect(lincolnshire.given(endedAfterS20).when(withdrawn).events()).toMatchObject([{ _tag: "S20ConsentWithdrawn", withdrawnBy: "Dana Harrow" }])
  })

  it("STAT-R28: a visit made before the placement ended can still be recorded after it ended", () => {
    const visit = cmd("socialWorker", { _tag: "RecordVisit", visitedAt: london("2027-03-30", "14:00"), seenAlone: true }, london("2027-04-05", "09:00"))
    expect(lincolnshire.given(ended()).when(visit).events()).toMatchObject([{ _tag: "VisitRecorded", visitedAt: london("2027-03-30", "14:00") }])
  })
})

describe("s20 consent signed by the carers (LIN-14)", () => {
  const twoHolders = () =>
    playOn(
      identified(),
      cmd("socialWorker", {
        _tag: "RecordPlacementMade",
        placedAt,
        carers: [...carers, { name: "Maud Penrose", relationship: "maternal grandmother", hasParentalResponsibility: true }]
      })
    )
  const sign = (...signedBy: string[]) => cmd("socialWorker", { _tag: "RecordS20Consent", signedBy })

  it("LIN-14: nobody named as signing: the refusal lists every carer with parental responsibility who could", () => {
    expect(lincolnshire.given(twoHolders()).when(sign()).refusal()).toMatchObject({
      _tag: "S20ConsentNeedsParentalResponsibility",
      ruleId: "LIN-14",
      notEligible: [],
      message: "Name the carers with parental responsibility who signed s20 consent (LIN-14): Della Penrose, Maud Penrose."
    })
  })

  it("LIN-14: names signing without parental responsibility are each listed", () => {
    expect(lincolnshire.given(twoHolders()).when(sign("Owain Penrose", "Sam Penrose", "Maud Penrose")).refusal()).toMatchObject({
      ruleId: "LIN-14",
      notEligible: ["Owain Penrose", "Sam Penrose"],
      message: "Only carers with parental responsibility sign s20 consent (LIN-14); not recorded as such: Owain Penrose, Sam Penrose."
    })
  })

  it("LIN-14: s20 consent is recorded once, and a second is refused with when the first was", () => {
    const signed = playOn(placed(), sign("Della Penrose"))
    expect(lincolnshire.given(signed).when(sign("Della Penrose")).refusal()).toMatchObject({
      _tag: "AlreadyRecorded",
      what: "s20 consent",
      message: "The s20 consent was already recorded at 10:00 Fri 26 Mar 2027."
    })
  })

  it("STAT-S20-CONSENT: s20 accommodation in force is not recorded twice; the refusal says when it was", () => {
    const accommodated = playOn(placed(), cmd("socialWorker", { _tag: "RecordS20Accommodation", record: complete }))
    const again = cmd("socialWorker", { _tag: "RecordS20Accommodation", record: complete }, london("2027-03-27", "09:00"))
    expect(lincolnshire.given(accommodated).when(again).refusal()).toMatchObject({
      _tag: "AlreadyRecorded",
      what: "s20 accommodation",
      message: "The s20 accommodation was already recorded at 10:00 Fri 26 Mar 2027."
    })
  })
})

describe("the steps before an extension (STAT-R25-3) and the extensions themselves (STAT-R25-1, STAT-R25-2)", () => {
  it("STAT-R25-3: a reconsideration with blank reasons is refused, saying the reasons are empty", () => {
    const blank = cmd("socialWorker", { _tag: "RecordPlacementReconsidered", stillMostAppropriate: false, reasons: " \n " })
    expect(lincolnshire.given(placed()).when(blank).refusal()).toMatchObject({
      _tag: "InvalidExtensionStep",
      ruleId: "STAT-R25-3",
      field: "reasons",
      message: "Say why the placement is, or is not, still the most appropriate (STAT-R25-3): the reasons are empty."
    })
  })

  it("STAT-R25-3: the IRO informed is named: a blank name is refused, and a name is kept without the spaces around it", () => {
    expect(lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordIroInformed", iroName: "   " })).refusal()).toMatchObject({
      _tag: "InvalidExtensionStep",
      ruleId: "STAT-R25-3",
      field: "iroName",
      message: "Name the child's Independent Reviewing Officer who was informed (STAT-R25-3)."
    })
    const informed = lincolnshire.given(placed()).when(cmd("socialWorker", { _tag: "RecordIroInformed", iroName: "  Nadia Quarrie " }))
    expect(informed.events()).toMatchObject([{ _tag: "IroInformed", iroName: "Nadia Quarrie" }])
    expect(informed.state()?.extensionGrounds?.iroInformed?.iroName).toBe("Nadia Quarrie")
  })

  it("STAT-R25-3: a reconsideration that found the placement no longer right is listed as still missing, with the other steps done", () => {
    const history = lincolnshire.play(
      [
        cmd("socialWorker", { _tag: "RecordPlacementReconsidered", stillMostAppropriate: false, reasons: "The aunt cannot manage contact" }, london("2027-06-28", "09:00")),
        cmd("socialWorker", { _tag: "RecordFosteringPanelViewsSought" }, london("2027-06-28", "09:00")),
        cmd("socialWorker", { _tag: "RecordIroInformed", iroName: "Nadia Quarrie" }, london("2027-06-28", "09:00"))
      ],
      placed()
    )
    expect(lincolnshire.given(history).when(cmd("headOfService", { _tag: "ExtendApproval", weeks: 8 }, london("2027-07-01", "09:00"))).refusal()).toMatchObject({
      _tag: "ExtensionConditionsNotMet",
      ruleId: "STAT-R25-3",
      missing: ["the placement was reconsidered and is still the most appropriate, with reasons"]
    })
  })

  it("STAT-R25-2: once the approval runs until the review's outcome, neither an 8-week extension nor a second review extension is made", () => {
    const running = pendingReview(readyToExtend())
    const words = "The approval already runs until the independent review's outcome is known (STAT-R25-2)."
    const extend = cmd("headOfService", { _tag: "ExtendApproval", weeks: 4 }, london("2027-07-13", "09:00"))
    expect(lincolnshire.given(running).when(extend).refusal()).toMatchObject({ _tag: "AlreadyExtended", ruleId: "STAT-R25-2", message: words })
    const again = cmd("assistantDirector", { _tag: "ExtendPendingReview", facts }, london("2027-07-13", "09:00"))
    expect(lincolnshire.given(running).when(again).refusal()).toMatchObject({ _tag: "AlreadyExtended", ruleId: "STAT-R25-2", message: words })
  })

  it("STAT-R25-2: without a refused full assessment and a review sought, the refusal names both", () => {
    const neither = cmd("assistantDirector", { _tag: "ExtendPendingReview", facts: { fullAssessmentRefused: false, independentReviewSought: false } }, london("2027-07-12", "09:00"))
    expect(lincolnshire.given(readyToExtend()).when(neither).refusal()).toMatchObject({
      _tag: "ExtensionConditionsNotMet",
      ruleId: "STAT-R25-2",
      message:
        "Before the approval can run on until a review's outcome (STAT-R25-2), record that: the full assessment ended in refusal; the carers have sought an independent review."
    })
  })

  it("STAT-R25-2, STAT-R25-3: a review extension before the regulation 25 steps are recorded names the steps", () => {
    const review = cmd("assistantDirector", { _tag: "ExtendPendingReview", facts }, london("2027-07-12", "09:00"))
    expect(lincolnshire.given(placed()).when(review).refusal()).toMatchObject({
      _tag: "ExtensionConditionsNotMet",
      ruleId: "STAT-R25-3",
      message:
        "Before the approval can run on until a review's outcome (STAT-R25-3), record that: the placement was reconsidered and is still the most appropriate, with reasons; the fostering panel's views were sought; the child's Independent Reviewing Officer was informed."
    })
  })

  it("STAT-R25-3: where the policy names a person and posts as nominated officer, the refusal names both", () => {
    const lincs = contextOf("lincolnshire")
    const nominatedOfficer = { ruleId: "STAT-R25-3" as const, people: [{ personId: PersonId.make("p-iris"), name: "Iris Wendell" }], posts: ["head_of_service" as const] }
    const withIris = deciderSpec(placementDecider, { ...lincs, policy: { ...lincs.policy, regulation24: { ...lincs.policy.regulation24!, nominatedOfficer } } })
    const byTeamManager = cmd("teamManager", { _tag: "ExtendApproval", weeks: 8 }, london("2027-07-01", "09:00"))
    expect(withIris.given(readyToExtend()).when(byTeamManager).refusal()).toMatchObject({
      _tag: "NotNominatedOfficer",
      message: "Only the authority's nominated officer (Iris Wendell, or a head of service) approves an extension (STAT-R25-3)."
    })
  })
})

describe("ending a placement, and the kinship referral (LIN-18)", () => {
  it("a child never placed with the carers cannot leave by their approval as foster carers", () => {
    expect(lincolnshire.given(identified()).when(cmd("socialWorker", { _tag: "EndPlacement", reason: "approved_as_foster_carer" })).refusal()).toMatchObject({
      _tag: "EndReasonNotApplicable",
      message: "The child was never placed with these carers, so the placement cannot end with their approval as foster carers."
    })
  })

  it("LIN-18: a kinship referral made before the child is placed is not late", () => {
    const ready = lincolnshire.play(
      [
        cmd("socialWorker", { _tag: "RecordViabilityAssessment" }, london("2027-03-20", "09:00")),
        cmd("serviceManager", { _tag: "AuthorisePlacement" }, london("2027-03-21", "09:00"))
      ],
      lincolnshire.play([basicTest(undefined, london("2027-03-19", "09:00"))])
    )
    const referral = cmd("socialWorker", { _tag: "RecordKinshipReferral", bacsFormSigned: true }, london("2027-03-22", "09:00"))
    expect(lincolnshire.given(ready).when(referral).events()).toMatchObject([{ _tag: "KinshipReferralSent", late: false }])
  })
})

describe("an authority whose policy has no connected-person procedure of its own: Carepanel's default steps (DEF-R24-PROCEDURE)", () => {
  const knowsley = deciderSpec(placementDecider, contextOf("knowsley"))
  const staff = staffOf("knowsley")
  const by = (actor: keyof typeof staff, body: Record<string, unknown>) => ({ ...body, by: as(staff[actor]), at: placedAt }) as PlacementCommand
  const knowsleyPlaced = () =>
    knowsley.play([
      by("socialWorker", { _tag: "RecordBasicTest", placementId: PlacementId.make("plc_9"), childId: ChildId.make("child-9"), answers: { ...allNo, wouldRefuseToSupportReturnHome: true } }),
      by("socialWorker", { _tag: "RecordPlacementMade", placedAt, carers })
    ])

  it("DEF-R24-PROCEDURE: authorising without the viability assessment cites Carepanel's default procedure", () => {
    const refusal = knowsley.given(knowsleyPlaced()).when(by("serviceManager", { _tag: "AuthorisePlacement" })).refusal()
    expect(refusal).toMatchObject({ _tag: "ViabilityAssessmentNeeded", ruleId: "DEF-R24-PROCEDURE" })
    expect(refusal.message).toMatch(/^The locality service manager authorises the placement on the viability assessment \(DEF-R24-PROCEDURE, .+\): record the viability assessment first\.$/)
  })
})
