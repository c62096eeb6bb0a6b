import { EventStore, preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { schema } from "../src/schema/index.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { readyRequest, tokenFor } from "./support/scenario.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const form = exampleForm(policy.panels[0].id, "s20_accommodation", { id: "bad-child", name: "Rowan Espley" })
const content = { outcome: "approve", rationale: "Proportionate", agreed: {}, actions: [] }
const person = { personId: "sam-jessop", name: "Sam Jessop" }

/** For every mutation: an input with one thing wrong, and the path the refusal must name. */
const cases: Record<string, readonly [input: Record<string, unknown>, path: string]> = {
  createReferralDraft: [{ form: { ...form, children: [{ ...form.children[0], dateOfBirth: "2016-02-30" }] } }, "input.form.children[0].dateOfBirth"],
  editReferralDraft: [{ referralId: " ", form }, "input.referralId"],
  recordReferralDocument: [{ referralId: "ref_1", document: { documentId: "d1", kind: "genogram", title: "  " } }, "input.document.title"],
  submitReferral: [{ referralId: "" }, "input.referralId"],
  approveReferral: [{ referralId: "" }, "input.referralId"],
  returnReferralForChanges: [{ referralId: "ref_1", reason: " " }, "input.reason"],
  grantLatePermission: [{ referralId: "ref_1", sittingId: "", reason: "Placement breakdown" }, "input.sittingId"],
  acceptReferralOntoSitting: [{ referralId: "ref_1", sittingId: " " }, "input.sittingId"],
  withdrawReferral: [{ referralId: "ref_1", reason: "" }, "input.reason"],
  redirectReferral: [{ referralId: "ref_1", ruleId: "NSO-99", reason: "Respite" }, "input.ruleId"],
  scheduleSitting: [{ panelId: "support-panel", date: "2027-13-01" }, "input.date"],
  scheduleSittingsForYear: [{ panelId: "support-panel", year: 1999 }, "input.year"],
  cancelSitting: [{ sittingId: "sit_1", reason: "" }, "input.reason"],
  buildAgenda: [{ sittingId: "sit_1", entries: [{ referralId: "", childIds: [], kind: "request", summary: "Request" }] }, "input.entries[0].referralId"],
  buildProposedAgenda: [{ sittingId: "" }, "input.sittingId"],
  publishAgenda: [{ sittingId: "" }, "input.sittingId"],
  sendPapers: [{ sittingId: "" }, "input.sittingId"],
  recordAttendance: [{ sittingId: "sit_1", personId: "p1", name: "", seat: "Chair", membership: "standing", status: "present" }, "input.name"],
  confirmQuorum: [{ sittingId: "", enough: true, note: "Enough" }, "input.sittingId"],
  sendDraftRecordToChair: [{ sittingId: "" }, "input.sittingId"],
  returnFinalRecord: [{ sittingId: "" }, "input.sittingId"],
  recordChildRecordUploaded: [{ sittingId: "sit_1", childId: "", referralId: "ref_1" }, "input.childId"],
  uploadDecisionSheet: [{ decisionId: "dec_1", childId: "" }, "input.childId"],
  recordPanelDecision: [{ referralId: "ref_1", sittingId: "sit_1", content: { ...content, agreed: { accommodationWeeks: 0 } } }, "input.content.agreed.accommodationWeeks"],
  recordOutsidePanelAgreement: [{ referralId: "ref_1", content, whyOutsidePanel: "Urgent", timescales: "Now", placedAt: "yesterday" }, "input.placedAt"],
  agreeOutsidePanel: [{ decisionId: "" }, "input.decisionId"],
  refuseOutsidePanelAgreement: [{ decisionId: "dec_1", reason: " " }, "input.reason"],
  editDecision: [{ decisionId: "dec_1", content: { ...content, rationale: " " } }, "input.content.rationale"],
  signOffDecision: [{ decisionId: "dec_1", forTheChairBecause: "  " }, "input.forTheChairBecause"],
  amendDecision: [{ decisionId: "dec_1", content, whatChanged: "Dates", why: " " }, "input.why"],
  completeAction: [{ decisionId: "dec_1", actionId: "a1", evidence: "" }, "input.evidence"],
  markActionOutstanding: [{ decisionId: "dec_1", actionId: "a1", reason: "" }, "input.reason"],
  recordActionsCaseNote: [{ decisionId: "dec_1", note: "" }, "input.note"],
  recordFgcReferralReceived: [{ decisionId: "dec_1", actionId: "" }, "input.actionId"],
  approveChangeOfCircumstances: [{ decisionId: "dec_1", circumstances: "Moved", alternativeAction: "" }, "input.alternativeAction"],
  waiveReturnToPanel: [{ decisionId: "dec_1", caseNote: "" }, "input.caseNote"],
  recordComplexNeedsTemplateSent: [{ decisionId: "dec_1", note: "  " }, "input.note"],
  recordS20Task: [{ decisionId: " ", task: "supervision", note: "Done" }, "input.decisionId"],
  recordDissent: [{ decisionId: "dec_1", member: { ...person, name: "" }, grounds: "Risky" }, "input.member.name"],
  noteAreasOfDisagreement: [{ disagreementId: "dis_1", areas: [] }, "input.areas"],
  escalateDisagreement: [{ disagreementId: "dis_1", step: "assistant_director", to: { ...person, name: " " } }, "input.to.name"],
  recordDisagreementOutcome: [{ disagreementId: "dis_1", outcome: "upheld", rationale: "" }, "input.rationale"],
  withdrawDissent: [{ disagreementId: "dis_1", reason: "" }, "input.reason"],
  recordBasicTest: [{ childId: "", wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }, "input.childId"],
  recordPolicePowers: [{ placementId: "plc_1", underPoliceProtection: true, since: "last night" }, "input.since"],
  recordPlacementMade: [{ placementId: "plc_1", placedAt: "2026-01-01T10:00:00Z", carers: [] }, "input.carers"],
  recordViabilityAssessment: [{ placementId: "" }, "input.placementId"],
  authorisePlacement: [{ placementId: "" }, "input.placementId"],
  recordKinshipReferral: [{ placementId: "", bacsFormSigned: true }, "input.placementId"],
  recordLookedAfterConsent: [{ placementId: "" }, "input.placementId"],
  recordS20Consent: [{ placementId: "plc_1", signedBy: [] }, "input.signedBy"],
  extendApproval: [{ placementId: "plc_1", weeks: 0 }, "input.weeks"],
  recordPoliceProtectionOutcome: [{ placementId: "", outcome: "returned_home" }, "input.placementId"],
  recordEmergencyProtectionOrder: [{ childId: "", madeAt: "2027-03-25T10:00:00Z", days: 8 }, "input.childId"],
  extendEmergencyProtectionOrder: [{ childId: "child-1", days: 7, extendedAt: "yesterday" }, "input.extendedAt"],
  recordEmergencyProtectionOrderEnded: [{ childId: "child-1", outcome: "interim_care_order", endedAt: "yesterday" }, "input.endedAt"],
  recordChildDateOfBirth: [{ childId: "child-1", dateOfBirth: "2014-02-30" }, "input.dateOfBirth"],
  recordSecureAccommodation: [{ childId: " ", startedAt: "2027-03-27T09:00:00Z" }, "input.childId"],
  endSecureAccommodation: [{ childId: "" }, "input.childId"],
  recordSecureAccommodationCourtAuthority: [{ childId: "", from: "2027-03-27T09:00:00Z", until: "2027-04-24T09:00:00Z" }, "input.childId"],
  recordSecretaryOfStateApproval: [{ childId: "", approvedAt: "2027-03-27T09:00:00Z" }, "input.childId"],
  recordLetterBeforeProceedings: [{ childId: "", sentAt: "2027-01-11T10:00:00Z" }, "input.childId"],
  recordChildDeath: [{ childId: "child-1", diedOn: "2027-02-30" }, "input.diedOn"],
  withdrawChildDeath: [{ childId: "child-1", diedOn: "2027-02-10", reason: "  " }, "input.reason"],
  withdrawSecureAccommodationCourtAuthority: [{ childId: "child-1", from: "2027-03-27T09:00:00Z", until: "a month later", reason: "Another child's order" }, "input.until"],
  withdrawSecretaryOfStateApproval: [{ childId: " ", approvedAt: "2027-03-27T09:00:00Z", reason: "Another child's approval" }, "input.childId"],
  recordPreProceedingsContinued: [{ childId: "child-1", weeks: 6, reasons: "   " }, "input.reasons"],
  endPreProceedings: [{ childId: " " }, "input.childId"],
  recordProceedingsIssued: [{ childId: "", issuedAt: "2027-03-01T10:00:00Z" }, "input.childId"],
  extendProceedings: [{ childId: "child-1", weeks: 8, extendedAt: "last Thursday" }, "input.extendedAt"],
  recordProceedingsConcluded: [{ childId: "" }, "input.childId"],
  recordLegalStatus: [{ childId: " ", code: "C1", from: "2027-03-25T10:00:00Z" }, "input.childId"],
  recordLookedAfterReview: [{ childId: "child-1", heldAt: "2027-04-20T14:00:00Z", iroName: "  " }, "input.iroName"],
  recordLookedAfterEnded: [{ childId: "child-1", reason: "" }, "input.reason"],
  recordPlacementReconsidered: [{ placementId: "plc_1", stillMostAppropriate: true, reasons: "   " }, "input.reasons"],
  recordFosteringPanelViewsSought: [{ placementId: "" }, "input.placementId"],
  recordIroInformed: [{ placementId: "plc_1", iroName: "" }, "input.iroName"],
  recordS20Accommodation: [{ placementId: "plc_1", consents: [{ name: "Dana Harrow", relationship: "mother", consentGivenAt: "not a date", consentGivenTo: "Priya Ashdown", toldOfRightToObjectAndRemove: true }] }, "input.consents[0].consentGivenAt"],
  recordS20ConsentWithdrawn: [{ placementId: "plc_1", withdrawnBy: " " }, "input.withdrawnBy"],
  replayWebhookDelivery: [{ deliveryId: " " }, "input.deliveryId"],
  extendApprovalPendingReview: [{ placementId: "", fullAssessmentRefused: true, independentReviewSought: true }, "input.placementId"],
  recordIndependentReviewOutcome: [{ placementId: "plc_1", carersApproved: false, knownAt: "after the review" }, "input.knownAt"],
  endPlacement: [{ placementId: "", reason: "child_moved" }, "input.placementId"],
  recordVisit: [{ placementId: "plc_1", visitedAt: "2027-04-01T10:00:00Z", visitor: "  ", seenAlone: true }, "input.visitor"],
  recordPlacementPlan: [{ placementId: "plc_1", preparedAt: "yesterday" }, "input.preparedAt"],
  recordFirstLookedAfterReview: [{ placementId: "", heldAt: "2027-04-14T14:00:00Z" }, "input.placementId"]
}

let app: TestApp
const eventCount = () => app.runtime.runPromise(Effect.flatMap(EventStore, (store) => store.readAll({ after: 0, limit: 1_000_000 })).pipe(Effect.map((events) => events.length)))

beforeAll(async () => {
  app = await startTestApp([policy])
  await readyRequest(app, policy, { id: "bad-input-child", name: "Avery Tolland" })
})
afterAll(() => app.close())

describe("bad input", () => {
  it("has a case for every mutation in the schema that takes input", () => {
    const withInput = Object.values(schema.getMutationType()!.getFields()).filter((field) => field.args.some((arg) => arg.name === "input"))
    expect(withInput.map((field) => field.name).sort()).toEqual(Object.keys(cases).sort())
  })

  it.each(Object.entries(cases))("%s: refused with the field's path and a plain message, and nothing written", async (name, [input, path]) => {
    const before = await eventCount()
    const type = `${name.slice(0, 1).toUpperCase()}${name.slice(1)}Input`
    const document = `mutation Bad($input: ${type}!) { ${name}(input: $input) { __typename ... on InvalidInput { code message problems { path message } } } }`
    const response = await app.post(await tokenFor(app, staff.administrator), document, { input })
    expect(response.body.errors, response.text).toBeUndefined()
    const payload = response.body.data[name]
    expect(payload.__typename).toBe("InvalidInput")
    expect(payload.code).toBe("InvalidInput")
    expect(payload.problems.map((problem: { path: string }) => problem.path)).toEqual([path])
    expect(payload.problems[0].message).not.toMatch(/^Expected|DateTime\.Utc|Brand/)
    expect(payload.message).toContain(path)
    expect(await eventCount()).toBe(before)
  })

  it("recordDissent: a blank member away to voice a dissent for (KNO-2) is refused naming input.onBehalfOf, and nothing written", async () => {
    const before = await eventCount()
    const document = "mutation Bad($input: RecordDissentInput!) { recordDissent(input: $input) { __typename ... on InvalidInput { problems { path message } } } }"
    const input = { decisionId: "dec_1", member: person, onBehalfOf: " ", grounds: "Risky" }
    const response = await app.post(await tokenFor(app, staff.administrator), document, { input })
    expect(response.body.data.recordDissent, response.text).toMatchObject({ __typename: "InvalidInput", problems: [{ path: "input.onBehalfOf" }] })
    expect(await eventCount()).toBe(before)
  })

  it("recordS20ConsentWithdrawn: a withdrawal time that is not a date and time is refused naming input.withdrawnAt, and nothing written", async () => {
    const before = await eventCount()
    const document = "mutation Bad($input: RecordS20ConsentWithdrawnInput!) { recordS20ConsentWithdrawn(input: $input) { __typename ... on InvalidInput { problems { path message } } } }"
    const input = { placementId: "plc_1", withdrawnBy: "Kara Penrose", withdrawnAt: "Friday evening" }
    const response = await app.post(await tokenFor(app, staff.socialWorker), document, { input })
    expect(response.body.data.recordS20ConsentWithdrawn, response.text).toMatchObject({ __typename: "InvalidInput", problems: [{ path: "input.withdrawnAt" }] })
    expect(await eventCount()).toBe(before)
  })

  it("a date and time on a day that does not exist (30 February) is refused, not rolled over to March, and nothing written", async () => {
    const before = await eventCount()
    const document = "mutation Bad($input: RecordEmergencyProtectionOrderInput!) { recordEmergencyProtectionOrder(input: $input) { __typename } }"
    const response = await app.post(await tokenFor(app, staff.socialWorker), document, { input: { childId: "bad-epo-child", madeAt: "2027-02-30T10:00:00Z", days: 8 } })
    expect(response.body.data ?? null, response.text).toBeNull()
    expect(response.body.errors[0].message, response.text).toContain("A DateTime must be a real date and time, such as 2027-06-16T09:00:00.000Z: that calendar date does not exist.")
    expect(await eventCount()).toBe(before)
  })
})
