import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor, sendMutation } from "./support/scenario.js"

let app: TestApp
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const hour = 3_600_000
const day = 24 * hour
const iso = (millis: number) => new Date(millis).toISOString()

const recorded = "by { name } at"
const onPlacement = `... on Placement {
  id status underPoliceProtection policeProtectionSince s20Basis s20ConsentWithdrawnAt s20ConsentSignedBy endedReason endedAt
  viabilityAssessment { late ${recorded} } authorisation { ${recorded} } kinshipReferral { late ${recorded} } lookedAfterConsent { ${recorded} }
  extensionGrounds { reconsidered { stillMostAppropriate } fosteringPanelViewsSought { ${recorded} } iroInformed { iroName } }
  approvalStanding approval { extendedByWeeks pendingReview endsAt reviewOutcome { carersApproved knownAt by { name } } }
  visits { visitedAt visitor seenAlone notSeenAloneReason } placementPlan { preparedAt ${recorded} } firstLookedAfterReview { heldAt ${recorded} }
  clocks { id ruleId state }
}`
const onRefusal = `... on NotPermitted { action allowed }
  ... on NotFound { what notFoundId: id }
  ... on ViabilityAssessmentNeeded { ruleId }
  ... on KinshipReferralIncomplete { missing { name label ruleId } }
  ... on S20ConsentNeedsParentalResponsibility { ruleId notEligible }
  ... on EndReasonNotApplicable { endRuleId: ruleId }
  ... on S20ConsentIncomplete { s20RuleId: ruleId s20Missing: missing }
  ... on NoReviewPending { reviewRuleId: ruleId }
  ... on LookedAfterRefused { lookedAfterRuleId: ruleId }
  ... on PlacementEndRefused { stepsAfter }`
const placementQuery = `query Placement($id: ID!) { placement(id: $id) { __typename ... on DomainError { code message } ... on InvalidInput { problems { path message } } ${onPlacement} } }`

beforeAll(async () => {
  app = await startTestApp([policy])
})
afterAll(() => app.close())

/** Runs one placement mutation as `member` and returns its payload (a Placement or a refusal). */
const send = (member: keyof typeof staff, name: string, input: Record<string, unknown>) => sendMutation(app, staff[member], name, `${onPlacement} ${onRefusal}`, input)

/** A Lincolnshire basic test answered yes to refusing to support a return home: a Regulation 24 placement, not yet made. */
const identified = async (childId: string) => {
  const tested = await send("socialWorker", "recordBasicTest", {
    childId,
    wouldRefuseToSupportReturnHome: true,
    wouldAskPoliceToUsePoliceProtection: false,
    wouldSeekLegalAdviceToStartCareProceedings: false
  })
  return tested.id as string
}

const carers = [
  { name: "Della Penrose", relationship: "maternal aunt", hasParentalResponsibility: true },
  { name: "Rob Penrose", relationship: "aunt's husband", hasParentalResponsibility: false }
]

/** The placement made with the aunt and her husband `hoursAgo` hours ago. */
const placed = async (childId: string, hoursAgo: number) => {
  const placementId = await identified(childId)
  const made = await send("socialWorker", "recordPlacementMade", { placementId, placedAt: iso(Date.now() - hoursAgo * hour), carers })
  expect(made.status, JSON.stringify(made)).toBe("placed")
  return placementId
}

describe("a Lincolnshire Regulation 24 placement played step by step over GraphQL (LIN-14 to LIN-18)", () => {
  it("LIN-14: a placement just made reads every later step as not yet recorded, police protection never checked", async () => {
    const placementId = await placed("steps-child-1", 1)
    const read = await app.post(await tokenFor(app, staff.socialWorker), placementQuery, { id: placementId })
    expect(read.body.data.placement, read.text).toMatchObject({
      __typename: "Placement",
      underPoliceProtection: null,
      policeProtectionSince: null,
      s20Basis: false,
      s20ConsentWithdrawnAt: null,
      s20ConsentSignedBy: null,
      endedReason: null,
      viabilityAssessment: null,
      authorisation: null,
      kinshipReferral: null,
      lookedAfterConsent: null,
      extensionGrounds: null,
      approval: { extendedByWeeks: null, pendingReview: false, reviewOutcome: null },
      visits: [],
      placementPlan: null,
      firstLookedAfterReview: null
    })
  })

  it("LIN-16, LIN-17, LIN-18: refused out of order naming what is missing and who may act; in order each step reads back with who and when", async () => {
    const placementId = await placed("steps-child-2", 2)
    const early = await send("serviceManager", "authorisePlacement", { placementId })
    expect(early, JSON.stringify(early)).toMatchObject({ __typename: "ViabilityAssessmentNeeded", code: "ViabilityAssessmentNeeded", ruleId: "LIN-17" })
    expect(early.message).toMatch(/record the viability assessment first/)

    const incomplete = await send("socialWorker", "recordKinshipReferral", { placementId, bacsFormSigned: false })
    expect(incomplete, JSON.stringify(incomplete)).toMatchObject({
      __typename: "KinshipReferralIncomplete",
      missing: [
        { name: "the BACS form signed by the carers", label: "the BACS form signed by the carers", ruleId: "LIN-18" },
        { name: "the viability assessment", label: "the viability assessment", ruleId: "LIN-16" },
        { name: "the locality service manager's authorisation", label: "the locality service manager's authorisation", ruleId: "LIN-17" }
      ]
    })

    const viability = await send("socialWorker", "recordViabilityAssessment", { placementId })
    expect(viability.viabilityAssessment, JSON.stringify(viability)).toMatchObject({ late: false, by: { name: staff.socialWorker.name } })
    expect(viability.authorisation).toBeNull()

    const byWorker = await send("socialWorker", "authorisePlacement", { placementId })
    expect(byWorker, JSON.stringify(byWorker)).toMatchObject({ __typename: "NotPermitted", code: "NotPermitted", action: "authorise a Regulation 24 placement", allowed: ["service_manager"] })
    const authorised = await send("serviceManager", "authorisePlacement", { placementId })
    expect(authorised.authorisation, JSON.stringify(authorised)).toMatchObject({ by: { name: staff.serviceManager.name } })
    expect(authorised.kinshipReferral).toBeNull()

    const referred = await send("socialWorker", "recordKinshipReferral", { placementId, bacsFormSigned: true })
    expect(referred.kinshipReferral, JSON.stringify(referred)).toMatchObject({ late: false, by: { name: staff.socialWorker.name } })
    expect(referred.lookedAfterConsent).toBeNull()

    const consentByWorker = await send("socialWorker", "recordLookedAfterConsent", { placementId })
    expect(consentByWorker).toMatchObject({ __typename: "NotPermitted", allowed: ["assistant_director"] })
    const consented = await send("assistantDirector", "recordLookedAfterConsent", { placementId })
    expect(consented.lookedAfterConsent, JSON.stringify(consented)).toMatchObject({ by: { name: staff.assistantDirector.name } })
    expect(new Date(consented.lookedAfterConsent.at).getTime()).toBeGreaterThan(new Date(authorised.authorisation.at).getTime() - 1)
  })

  it("LIN-16, LIN-18: a viability assessment and kinship referral recorded days after the placement read back as late", async () => {
    const placementId = await placed("steps-child-3", 5 * 24)
    const viability = await send("socialWorker", "recordViabilityAssessment", { placementId })
    expect(viability.viabilityAssessment, JSON.stringify(viability)).toMatchObject({ late: true })
    await send("serviceManager", "authorisePlacement", { placementId })
    const referred = await send("socialWorker", "recordKinshipReferral", { placementId, bacsFormSigned: true })
    expect(referred.kinshipReferral, JSON.stringify(referred)).toMatchObject({ late: true })
  })

  it("LIN-14: s20 consent is signed only by carers with parental responsibility, named back as signed", async () => {
    const placementId = await placed("steps-child-4", 1)
    const wrong = await send("socialWorker", "recordS20Consent", { placementId, signedBy: ["Della Penrose", "Rob Penrose"] })
    expect(wrong, JSON.stringify(wrong)).toMatchObject({ __typename: "S20ConsentNeedsParentalResponsibility", ruleId: "LIN-14", notEligible: ["Rob Penrose"] })
    expect(wrong.message).toMatch(/not recorded as such: Rob Penrose/)
    const signed = await send("socialWorker", "recordS20Consent", { placementId, signedBy: ["Della Penrose"] })
    expect(signed.s20ConsentSignedBy, JSON.stringify(signed)).toEqual(["Della Penrose"])
  })
})

describe("the placement's police protection, s20 accommodation, extension and ending read back over GraphQL", () => {
  it("STAT-S46, STAT-S20-CONSENT: police protection since when; s20 accommodation with the child's wishes not ascertained and why; the withdrawal's time", async () => {
    const placementId = await placed("steps-child-5", 1)
    const since = iso(Date.now() - 3 * hour)
    const powers = await send("socialWorker", "recordPolicePowers", { placementId, underPoliceProtection: true, since })
    expect(powers, JSON.stringify(powers)).toMatchObject({ underPoliceProtection: true, policeProtectionSince: since, s20ConsentWithdrawnAt: null })
    const consent = { name: "Kara Penrose", relationship: "mother", consentGivenAt: iso(Date.now() - hour), consentGivenTo: staff.socialWorker.name, toldOfRightToObjectAndRemove: true }
    const accommodated = await send("socialWorker", "recordS20Accommodation", {
      placementId,
      consents: [consent],
      childWishesNotAscertainedBecause: "He is eight months old"
    })
    expect(accommodated, JSON.stringify(accommodated)).toMatchObject({ __typename: "Placement", s20Basis: true, s20ConsentWithdrawnAt: null })
    const withdrawn = await send("socialWorker", "recordS20ConsentWithdrawn", { placementId, withdrawnBy: "Kara Penrose" })
    expect(withdrawn.s20Basis, JSON.stringify(withdrawn)).toBe(false)
    expect(Math.abs(new Date(withdrawn.s20ConsentWithdrawnAt).getTime() - Date.now())).toBeLessThan(60_000)
  })

  it("STAT-S20-CONSENT: consent withdrawn reads back when it was withdrawn (withdrawnAt), not when recorded; a withdrawal before the accommodation began is refused naming both times", async () => {
    const placementId = await placed("steps-child-32", 5)
    const now = Date.now()
    const consent = { name: "Kara Penrose", relationship: "mother", consentGivenAt: iso(now - 3 * hour), consentGivenTo: staff.socialWorker.name, toldOfRightToObjectAndRemove: true }
    await send("socialWorker", "recordS20Accommodation", { placementId, consents: [consent], childWishesNotAscertainedBecause: "He is eight months old" })
    const early = await send("socialWorker", "recordS20ConsentWithdrawn", { placementId, withdrawnBy: "Kara Penrose", withdrawnAt: iso(now - 4 * hour) })
    expect(early, JSON.stringify(early)).toMatchObject({ __typename: "NotYetHappened", code: "NotYetHappened" })
    expect(early.message).toMatch(/^The s20 accommodation began at .*: consent cannot have been withdrawn before it, at .* \(STAT-S20-CONSENT\)\.$/)
    const withdrawnAt = iso(now - 2 * hour)
    const withdrawn = await send("socialWorker", "recordS20ConsentWithdrawn", { placementId, withdrawnBy: "Kara Penrose", withdrawnAt })
    expect(withdrawn, JSON.stringify(withdrawn)).toMatchObject({ s20Basis: false, s20ConsentWithdrawnAt: withdrawnAt })
  })

  it("STAT-S46: police powers checked and not used read false, not null, with no time", async () => {
    const placementId = await placed("steps-child-6", 1)
    const powers = await send("socialWorker", "recordPolicePowers", { placementId, underPoliceProtection: false })
    expect(powers, JSON.stringify(powers)).toMatchObject({ underPoliceProtection: false, policeProtectionSince: null })
  })

  it("STAT-R25-2, STAT-R25-3, STAT-R25-4: the fostering panel's views read with who sought them; pending a review the approval reads so and cannot end as expired", async () => {
    const placementId = await placed("steps-child-7", 2)
    await send("socialWorker", "recordPlacementReconsidered", { placementId, stillMostAppropriate: true, reasons: "Settled with his aunt; the assessment was refused and is under review" })
    const sought = await send("teamManager", "recordFosteringPanelViewsSought", { placementId })
    expect(sought.extensionGrounds.fosteringPanelViewsSought, JSON.stringify(sought)).toMatchObject({ by: { name: staff.teamManager.name } })
    await send("socialWorker", "recordIroInformed", { placementId, iroName: "Nadia Quarrie" })
    const pending = await send("headOfService", "extendApprovalPendingReview", { placementId, fullAssessmentRefused: true, independentReviewSought: true })
    expect(pending.approval, JSON.stringify(pending)).toEqual({ extendedByWeeks: null, pendingReview: true, endsAt: null, reviewOutcome: null })

    const expired = await send("socialWorker", "endPlacement", { placementId, reason: "approval_expired_child_moved" })
    expect(expired, JSON.stringify(expired)).toMatchObject({ __typename: "EndReasonNotApplicable", endRuleId: "STAT-R25-4" })
    expect(expired.message).toMatch(/runs until the independent review's outcome/)
    const ended = await send("socialWorker", "endPlacement", { placementId, reason: "child_returned_home" })
    expect(ended, JSON.stringify(ended)).toMatchObject({ status: "ended", endedReason: "child_returned_home" })
  })

  it("STAT-R25-2, STAT-R25-4: the review's outcome leaving the carers unapproved ends the approval: the placement reads expired, the alternative-arrangement clock is overdue, and the child's move ends it", async () => {
    const placementId = await placed("steps-child-21", 2)
    const nothingPending = await send("socialWorker", "recordIndependentReviewOutcome", { placementId, carersApproved: false })
    expect(nothingPending, JSON.stringify(nothingPending)).toMatchObject({ __typename: "NoReviewPending", code: "NoReviewPending", reviewRuleId: "STAT-R25-2" })
    await send("socialWorker", "recordPlacementReconsidered", { placementId, stillMostAppropriate: true, reasons: "Settled with his grandmother; the refusal is under review" })
    await send("socialWorker", "recordFosteringPanelViewsSought", { placementId })
    await send("socialWorker", "recordIroInformed", { placementId, iroName: "Nadia Quarrie" })
    await send("headOfService", "extendApprovalPendingReview", { placementId, fullAssessmentRefused: true, independentReviewSought: true })

    const refused = await send("socialWorker", "recordIndependentReviewOutcome", { placementId, carersApproved: false })
    expect(refused, JSON.stringify(refused)).toMatchObject({
      status: "placed",
      approvalStanding: "expired",
      approval: { pendingReview: true, reviewOutcome: { carersApproved: false, knownAt: expect.any(String), by: { name: staff.socialWorker.name } } }
    })
    expect(refused.approval.endsAt).toBe(refused.approval.reviewOutcome.knownAt)
    expect(refused.clocks).toContainEqual({ id: `${placementId}:alternative-arrangement`, ruleId: "STAT-R25-4", state: "overdue" })
    const moved = await send("socialWorker", "endPlacement", { placementId, reason: "approval_expired_child_moved" })
    expect(moved, JSON.stringify(moved)).toMatchObject({ status: "ended", endedReason: "approval_expired_child_moved" })
  })

  it("STAT-R25-1: the one extension, in weeks, reads back its weeks and not pending a review", async () => {
    const placementId = await placed("steps-child-8", 2)
    await send("socialWorker", "recordPlacementReconsidered", { placementId, stillMostAppropriate: true, reasons: "The full assessment needs four more weeks" })
    await send("socialWorker", "recordFosteringPanelViewsSought", { placementId })
    await send("socialWorker", "recordIroInformed", { placementId, iroName: "Nadia Quarrie" })
    const extended = await send("headOfService", "extendApproval", { placementId, weeks: 4 })
    expect(extended.approval, JSON.stringify(extended)).toEqual({ extendedByWeeks: 4, pendingReview: false, endsAt: expect.any(String), reviewOutcome: null })
  })

  it("the placement ends when the child left (endedAt), not when it is recorded; an end before a visit recorded on it is refused naming the visit", async () => {
    const placementId = await placed("steps-child-31", 5 * 24)
    const now = Date.now()
    await send("socialWorker", "recordVisit", { placementId, visitedAt: iso(now - 2 * day), seenAlone: true })
    const refused = await send("socialWorker", "endPlacement", { placementId, reason: "child_moved", endedAt: iso(now - 3 * day) })
    expect(refused, JSON.stringify(refused)).toMatchObject({ __typename: "PlacementEndRefused", code: "PlacementEndRefused", stepsAfter: [expect.stringMatching(/^the visit at /)] })
    const leftAt = iso(now - 1 * day)
    const ended = await send("socialWorker", "endPlacement", { placementId, reason: "child_moved", endedAt: leftAt })
    expect(ended, JSON.stringify(ended)).toMatchObject({ status: "ended", endedReason: "child_moved", endedAt: leftAt })
  })

  it("a placement never made cannot end with the carers' approval as foster carers: refused with no rule id", async () => {
    const placementId = await identified("steps-child-9")
    const refused = await send("socialWorker", "endPlacement", { placementId, reason: "approved_as_foster_carer" })
    expect(refused, JSON.stringify(refused)).toMatchObject({ __typename: "EndReasonNotApplicable", endRuleId: null })
    expect(refused.message).toMatch(/never placed with these carers/)
  })
})

describe("a placement for a child whose record says she died (STAT-R33)", () => {
  it("STAT-R33: the placement is refused with the child record's LookedAfterRefused, naming the death and withdrawChildDeath, and stays unplaced", async () => {
    const childId = "steps-child-died"
    const diedOn = new Date(Date.now() - 3 * day).toLocaleDateString("en-CA", { timeZone: "Europe/London" })
    const died = await sendMutation(app, staff.socialWorker, "recordChildDeath", "... on ChildRecord { diedOn }", { childId, diedOn })
    expect(died, JSON.stringify(died)).toMatchObject({ diedOn })
    const placementId = await identified(childId)
    const refused = await send("socialWorker", "recordPlacementMade", { placementId, placedAt: iso(Date.now() - hour), carers })
    expect(refused, JSON.stringify(refused)).toMatchObject({ __typename: "LookedAfterRefused", lookedAfterRuleId: "STAT-R33", code: "LookedAfterRefused" })
    expect(refused.message).toContain("The child is recorded as having died on")
    expect(refused.message).toContain("withdraw it first (withdrawChildDeath)")
    const read = await app.post(await tokenFor(app, staff.socialWorker), placementQuery, { id: placementId })
    expect(read.body.data.placement.status, read.text).not.toBe("placed")
  })
})

describe("visits, the plan, the first review and the placement query over GraphQL (STAT-R28, STAT-R9)", () => {
  it("STAT-R28, STAT-R9: visits recorded out of order read earliest first; the plan and the first review read back with who recorded them; clocks are this placement's only", async () => {
    const now = Date.now()
    const other = await placed("steps-child-10", 5 * 24)
    const placementId = await placed("steps-child-11", 6 * 24)
    await send("socialWorker", "recordVisit", { placementId, visitedAt: iso(now - 2 * day), seenAlone: true })
    await send("socialWorker", "recordVisit", { placementId, visitedAt: iso(now - 5 * day), seenAlone: false, notSeenAloneReason: "He wanted his aunt with him", visitor: "Amir Holloway" })
    const planned = await send("socialWorker", "recordPlacementPlan", { placementId, preparedAt: iso(now - 6 * day) })
    expect(planned.placementPlan, JSON.stringify(planned)).toMatchObject({ preparedAt: iso(now - 6 * day), by: { name: staff.socialWorker.name } })
    expect(planned.visits).toEqual([
      { visitedAt: iso(now - 5 * day), visitor: "Amir Holloway", seenAlone: false, notSeenAloneReason: "He wanted his aunt with him" },
      { visitedAt: iso(now - 2 * day), visitor: staff.socialWorker.name, seenAlone: true, notSeenAloneReason: null }
    ])
    const reviewed = await send("serviceManager", "recordFirstLookedAfterReview", { placementId, heldAt: iso(now - day) })
    expect(reviewed.firstLookedAfterReview, JSON.stringify(reviewed)).toMatchObject({ heldAt: iso(now - day), by: { name: staff.serviceManager.name } })

    const read = await app.post(await tokenFor(app, staff.socialWorker), placementQuery, { id: placementId })
    const clocks: ReadonlyArray<{ id: string }> = read.body.data.placement.clocks
    expect(clocks.length, read.text).toBeGreaterThan(0)
    expect(clocks.filter((clock) => !clock.id.startsWith(`${placementId}:`))).toEqual([])
    const otherRead = await app.post(await tokenFor(app, staff.socialWorker), placementQuery, { id: other })
    expect(otherRead.body.data.placement.clocks.some((clock: { id: string }) => clock.id.startsWith(`${other}:`))).toBe(true)
  })

  it("placement(id) with an empty id answers InvalidInput naming the argument `id`", async () => {
    const read = await app.post(await tokenFor(app, staff.socialWorker), placementQuery, { id: "" })
    expect(read.body.data.placement, read.text).toEqual({
      __typename: "InvalidInput",
      code: "InvalidInput",
      message: "Please correct: id must not be empty.",
      problems: [{ path: "id", message: "must not be empty" }]
    })
  })

  it("a step on a placement that does not exist answers NotFound naming it; an s20 consent signed by nobody answers InvalidInput naming the field", async () => {
    const missing = await send("socialWorker", "recordViabilityAssessment", { placementId: "no-such-placement" })
    expect(missing, JSON.stringify(missing)).toMatchObject({ __typename: "NotFound", code: "NotFound", notFoundId: "no-such-placement" })
    expect(missing.what).not.toBe("")
    const placementId = await placed("steps-child-12", 1)
    const nobody = await send("socialWorker", "recordS20Consent", { placementId, signedBy: [] })
    expect(nobody, JSON.stringify(nobody)).toMatchObject({ __typename: "InvalidInput", problems: [{ path: "input.signedBy" }] })
    expect(nobody.problems[0].message).not.toBe("")
  })
})
