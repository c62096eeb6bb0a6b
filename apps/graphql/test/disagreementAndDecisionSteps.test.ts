import { addDays, type DecisionContent, preset } from "@carepanel/core"
import { exampleDecision, staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, run, sittingWith, tokenFor, sendMutation } from "./support/scenario.js"

let app: TestApp
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
let decision: { id: string; actions: ReadonlyArray<{ actionId: string }> }
let referralId: string
let sittingId: string

const by = "by { personId name role } at"
const onDisagreement = `... on Disagreement {
  id decisionId referralId sittingId ruleId route status member { personId name } dissentsFromActionId grounds memberAttendance
  recordedAt recordedBy { personId name role } areas notedAt escalations { step to { personId name } ${by} }
  outcome { outcome rationale agreedWith { personId name } nextSteps ${by} } withdrawnReason
}`
const onRefusal = `... on DisagreementDetailMissing { refusedRule: ruleId field }
  ... on AreasNotNoted { refusedRule: ruleId }
  ... on EscalationOutOfOrder { refusedRule: ruleId refusedStep: step }
  ... on WrongPersonForStep { refusedRule: ruleId refusedStep: step }
  ... on NotYetWithAssistantDirector { refusedRule: ruleId }
  ... on NotTheDissentingMember { refusedRule: ruleId }
  ... on DisagreementNotInStatus { refusedStatus: status }
  ... on NotFound { what notFoundId: id }`
const disagreementQuery = `query One($id: ID!) { disagreement(id: $id) { __typename ... on DomainError { code message } ... on InvalidInput { problems { path message } } ${onDisagreement} } }`
const listQuery = `query List($status: DisagreementStatus, $decisionId: ID, $referralId: ID, $sittingId: ID) {
  disagreements(status: $status, decisionId: $decisionId, referralId: $referralId, sittingId: $sittingId) { id status grounds }
}`

const party = (member: (typeof staff)[keyof typeof staff]) => ({ personId: member.personId, name: member.name })

beforeAll(async () => {
  app = await startTestApp([policy])
  const referral = await readyRequest(app, policy, { id: "dis-child-1", name: "Corin Ashdown" })
  const sitting = await sittingWith(app, policy, [referral.id])
  decision = await decide(app, policy, referral.id, sitting)
  referralId = referral.id
  sittingId = sitting.id
})
afterAll(() => app.close())

/** Runs one disagreement mutation as `member` and returns its payload (a Disagreement or a refusal). */
const send = (member: keyof typeof staff, name: string, input: Record<string, unknown>) => sendMutation(app, staff[member], name, `${onDisagreement} ${onRefusal}`, input)

const near = (iso: string) => expect(Math.abs(new Date(iso).getTime() - app.now().getTime())).toBeLessThan(60_000)

describe("a Lincolnshire member's dissent from a panel decision, played over GraphQL to the Assistant Director (CPR-7, LIN-13)", () => {
  it("CPR-7: a dissent from one recommended action reads back whose it is, the action, the decision's request and sitting, and nothing yet noted or escalated", async () => {
    const actionId = decision.actions[0]!.actionId
    const dissent = await send("member", "recordDissent", {
      decisionId: decision.id,
      member: party(staff.member),
      dissentsFrom: { actionId },
      grounds: "The family group conference should come before any move"
    })
    expect(dissent, JSON.stringify(dissent)).toMatchObject({
      __typename: "Disagreement",
      decisionId: decision.id,
      referralId,
      sittingId,
      ruleId: "LIN-13",
      route: "chair_with_assistant_director",
      status: "dissent_recorded",
      member: party(staff.member),
      dissentsFromActionId: actionId,
      grounds: "The family group conference should come before any move",
      recordedBy: { ...party(staff.member), role: "panel_member" },
      areas: [],
      notedAt: null,
      escalations: [],
      outcome: null,
      withdrawnReason: null
    })
    expect(dissent.memberAttendance, "attendance not yet taken at the sitting").toBe("not_recorded")
    near(dissent.recordedAt)
  })

  it("LIN-13: not escalated before the areas are noted; only the chair takes it to the Assistant Director; the chair records the outcome agreed with them", async () => {
    const dissent = await send("viceChair", "recordDissent", { decisionId: decision.id, member: party(staff.viceChair), grounds: "The risk to the baby is understated" })
    expect(dissent.dissentsFromActionId, JSON.stringify(dissent)).toBeNull()
    const disagreementId = dissent.id as string

    const early = await send("chair", "escalateDisagreement", { disagreementId, step: "assistant_director", to: party(staff.assistantDirector) })
    expect(early, JSON.stringify(early)).toMatchObject({ __typename: "AreasNotNoted", code: "AreasNotNoted", refusedRule: "LIN-13" })
    expect(early.message).toMatch(/areas of disagreement are noted at panel before it is escalated/)
    const tooSoon = await send("assistantDirector", "recordDisagreementOutcome", { disagreementId, outcome: "upheld", rationale: "Too soon" })
    expect(tooSoon, JSON.stringify(tooSoon)).toMatchObject({ __typename: "NotYetWithAssistantDirector", refusedRule: "LIN-13" })

    const noted = await send("chair", "noteAreasOfDisagreement", { disagreementId, areas: ["the level of risk", "contact with the father"] })
    expect(noted, JSON.stringify(noted)).toMatchObject({ status: "areas_noted", areas: ["the level of risk", "contact with the father"], escalations: [] })
    near(noted.notedAt)

    const viaManager = await send("chair", "escalateDisagreement", { disagreementId, step: "member_manager", to: party(staff.teamManager) })
    expect(viaManager, JSON.stringify(viaManager)).toMatchObject({ __typename: "EscalationOutOfOrder", refusedRule: "LIN-13", refusedStep: "member_manager" })
    expect(viaManager.message).toMatch(/does not go through the member's own manager/)
    const byMember = await send("member", "escalateDisagreement", { disagreementId, step: "assistant_director", to: party(staff.assistantDirector) })
    expect(byMember, JSON.stringify(byMember)).toMatchObject({ __typename: "WrongPersonForStep", refusedRule: "LIN-13", refusedStep: "assistant_director" })

    const escalated = await send("chair", "escalateDisagreement", { disagreementId, step: "assistant_director", to: party(staff.assistantDirector) })
    expect(escalated, JSON.stringify(escalated)).toMatchObject({
      status: "with_assistant_director",
      escalations: [{ step: "assistant_director", to: party(staff.assistantDirector), by: { ...party(staff.chair), role: "panel_chair" } }],
      outcome: null
    })
    near(escalated.escalations[0].at)

    const unnamed = await send("chair", "recordDisagreementOutcome", { disagreementId, outcome: "upheld", rationale: "Risk was weighed" })
    expect(unnamed, JSON.stringify(unnamed)).toMatchObject({ __typename: "DisagreementDetailMissing", refusedRule: "LIN-13", field: "agreedWith" })
    const ended = await send("chair", "recordDisagreementOutcome", {
      disagreementId,
      outcome: "varied",
      rationale: "The plan needs a second review of contact",
      agreedWith: party(staff.assistantDirector),
      nextSteps: "The chair amends the decision to add a contact review"
    })
    expect(ended, JSON.stringify(ended)).toMatchObject({
      outcome: {
        outcome: "varied",
        rationale: "The plan needs a second review of contact",
        agreedWith: party(staff.assistantDirector),
        nextSteps: "The chair amends the decision to add a contact review",
        by: { ...party(staff.chair), role: "panel_chair" }
      },
      withdrawnReason: null
    })
    expect(ended.status).toBe("outcome_recorded")
    near(ended.outcome.at)

    const read = await app.post(await tokenFor(app, staff.administrator), disagreementQuery, { id: disagreementId })
    expect(read.body.data.disagreement, read.text).toEqual({ ...ended, __typename: "Disagreement" })
  })

  it("LIN-13: the Assistant Director records an outcome in their own name, with no one agreed with", async () => {
    const dissent = await send("administrator", "recordDissent", { decisionId: decision.id, member: party(staff.chair), grounds: "Funding should be joint" })
    const disagreementId = dissent.id as string
    expect(dissent.recordedBy, JSON.stringify(dissent)).toMatchObject({ ...party(staff.administrator), role: "panel_administrator" })
    await send("chair", "noteAreasOfDisagreement", { disagreementId, areas: ["funding"] })
    await send("chair", "escalateDisagreement", { disagreementId, step: "assistant_director", to: party(staff.assistantDirector) })
    const again = await send("chair", "escalateDisagreement", { disagreementId, step: "assistant_director", to: party(staff.assistantDirector) })
    expect(again, JSON.stringify(again)).toMatchObject({ __typename: "EscalationOutOfOrder", refusedStep: "assistant_director" })
    expect(again.message).toMatch(/already with the Assistant Director/)
    const ended = await send("assistantDirector", "recordDisagreementOutcome", { disagreementId, outcome: "upheld", rationale: "Single funding is right here" })
    expect(ended.outcome, JSON.stringify(ended)).toMatchObject({
      outcome: "upheld",
      rationale: "Single funding is right here",
      agreedWith: null,
      nextSteps: null,
      by: { ...party(staff.assistantDirector), role: "assistant_director" }
    })
  })

  it("CPR-7: only the member withdraws their dissent, and the reason reads back; a withdrawn dissent is not escalated", async () => {
    const dissent = await send("member", "recordDissent", { decisionId: decision.id, member: party(staff.member), grounds: "Timescales are too short" })
    const disagreementId = dissent.id as string
    const byChair = await send("chair", "withdrawDissent", { disagreementId, reason: "Not mine to withdraw" })
    expect(byChair, JSON.stringify(byChair)).toMatchObject({ __typename: "NotTheDissentingMember" })
    expect(byChair.message).toMatch(new RegExp(`Only ${staff.member.name}, who dissented, can withdraw`))
    const withdrawn = await send("member", "withdrawDissent", { disagreementId, reason: "The timescales were explained to me" })
    expect(withdrawn, JSON.stringify(withdrawn)).toMatchObject({ status: "withdrawn", withdrawnReason: "The timescales were explained to me", outcome: null })
    const after = await send("chair", "noteAreasOfDisagreement", { disagreementId, areas: ["timescales"] })
    expect(after, JSON.stringify(after)).toMatchObject({ __typename: "DisagreementNotInStatus", refusedStatus: "withdrawn" })
  })

  it("disagreements(...) lists by decision, request, sitting and status; disagreement(id) with an empty id answers InvalidInput naming `id`", async () => {
    const dissent = await send("member", "recordDissent", { decisionId: decision.id, member: party(staff.member), grounds: "Listing check" })
    const token = await tokenFor(app, staff.administrator)
    const ids = async (variables: Record<string, unknown>) => {
      const response = await app.post(token, listQuery, variables)
      expect(response.body.errors, response.text).toBeUndefined()
      return (response.body.data.disagreements as ReadonlyArray<{ id: string }>).map((one) => one.id)
    }
    for (const filter of [{}, { decisionId: decision.id }, { referralId }, { sittingId }, { status: "dissent_recorded" }]) {
      expect(await ids(filter), JSON.stringify(filter)).toContain(dissent.id)
    }
    for (const filter of [{ decisionId: "dec_none" }, { referralId: "ref_none" }, { sittingId: "sit_none" }, { status: "withdrawn" }]) {
      expect(await ids(filter), JSON.stringify(filter)).not.toContain(dissent.id)
    }
    const empty = await app.post(token, disagreementQuery, { id: "" })
    expect(empty.body.data.disagreement, empty.text).toEqual({
      __typename: "InvalidInput",
      code: "InvalidInput",
      message: "Please correct: id must not be empty.",
      problems: [{ path: "id", message: "must not be empty" }]
    })
    const missing = await app.post(token, disagreementQuery, { id: "dis_none" })
    expect(missing.body.data.disagreement, missing.text).toMatchObject({ __typename: "NotFound", code: "NotFound" })
  })
})

const onDecisionAll = `... on Decision {
  id referralId childIds requestTypes madeAt sittingId status outcome rationale
  agreed { accommodationWeeks placement funding { amountPence period months budget } legalPlanningMeeting preProceedings careProceedings }
  returnToPanelWithinWeeks actionsCaseNoteAt returnWaivedAt outsidePanel { ruleId }
  amendments { whatChanged why approvedBy { personId name role } ${by} } signOffs { ruleId }
}`
const onDecisionRefusal = `... on NotTheRightPerson { optionalRule: ruleId } ... on ReturnOverdue { refusedRule: ruleId due } ... on NotPermitted { action allowed }`

const sendDecision = (member: keyof typeof staff, name: string, input: Record<string, unknown>) => sendMutation(app, staff[member], name, `${onDecisionAll} ${onDecisionRefusal}`, input)

/** What was agreed, as the API reads it back: every field, null where it does not apply. */
const agreedRead = (agreed: DecisionContent["agreed"]) => ({
  accommodationWeeks: agreed.accommodationWeeks ?? null,
  placement: agreed.placement ?? null,
  funding: agreed.funding === undefined ? null : { months: null, ...agreed.funding },
  legalPlanningMeeting: agreed.legalPlanningMeeting ?? null,
  preProceedings: agreed.preProceedings ?? null,
  careProceedings: agreed.careProceedings ?? null
})

/** A fresh request heard at its own sitting; `adjust` changes the example decision before it is signed. */
const signedDecision = async (childId: string, adjust: (content: DecisionContent) => DecisionContent = (content) => content) => {
  const referral = await readyRequest(app, policy, { id: childId, name: "Ellis Brackenbury" })
  const sitting = await sittingWith(app, policy, [referral.id])
  const signed = await decide(app, policy, referral.id, sitting, adjust)
  return { decisionId: signed.id as string, referralId: referral.id as string, sitting }
}

const requestType = policy.referral.inScope.requestTypes[0]!

describe("a member present voices the dissent of a member away she represents, over GraphQL (KNO-2)", () => {
  it("KNO-2: the dissent reads back as the member away's, voiced on their behalf; anyone else, or the member away in their own name, is refused", async () => {
    const { decisionId, sitting } = await signedDecision("dis-child-voiced")
    const attend = (input: Record<string, unknown>) =>
      run(app, staff.administrator, "recordAttendance", "... on Sitting { id }", { sittingId: sitting.id, membership: "standing", ...input })
    await attend({ ...party(staff.member), seat: "Youth Offending", status: "apologies" })
    await attend({ personId: "p-jo-pellow", name: "Jo Pellow", seat: "Education", status: "present", represents: [staff.member.personId] })
    await attend({ ...party(staff.viceChair), seat: "Vice chair", status: "present" })
    const onBehalf = "... on Disagreement { member { personId name } memberAttendance onBehalf { memberSeat voicedBy { personId name } voicedBySeat ruleId } }"
    const voiced = await sendMutation(app, staff.administrator, "recordDissent", `${onBehalf} ... on DomainError { code message }`, {
      decisionId,
      member: { personId: "p-jo-pellow", name: "Jo Pellow" },
      onBehalfOf: staff.member.personId,
      grounds: "The family network was not asked first"
    })
    expect(voiced, JSON.stringify(voiced)).toEqual({
      __typename: "Disagreement",
      member: party(staff.member),
      memberAttendance: "represented",
      // Lincolnshire's cover is Carepanel's default: no rule is cited for it.
      onBehalf: { memberSeat: "Youth Offending", voicedBy: { personId: "p-jo-pellow", name: "Jo Pellow" }, voicedBySeat: "Education", ruleId: null }
    })
    const refusal = `... on MemberNotAtSitting { code message attendance }`
    const notRepresenting = await sendMutation(app, staff.viceChair, "recordDissent", refusal, {
      decisionId,
      member: party(staff.viceChair),
      onBehalfOf: staff.member.personId,
      grounds: "Speaking for a colleague"
    })
    expect(notRepresenting).toMatchObject({ code: "MemberNotAtSitting", attendance: "present" })
    expect(notRepresenting.message).toContain(`${staff.viceChair.name} is not recorded as representing ${staff.member.name}`)
    const ownName = await sendMutation(app, staff.member, "recordDissent", refusal, { decisionId, member: party(staff.member), grounds: "In my own name" })
    expect(ownName.message).toContain("Jo Pellow, present, represented them: record the dissent as voiced by Jo Pellow")
  })
})

describe("a Lincolnshire panel decision edited, amended and its return to panel waived over GraphQL (LIN-5, LIN-7)", () => {
  it("LIN-5: a signed decision reads back every agreed field, made at panel at its sitting; only a chair, vice chair or AD amends it, named as approver", async () => {
    const { decisionId, referralId: ref, sitting } = await signedDecision("dis-child-2")
    const content = exampleDecision(policy, requestType, "approve", { actionsDue: addDays(sitting.date, 14), key: ref })
    const read = await app.post(await tokenFor(app, staff.administrator), `query D($id: ID!) { decision(id: $id) { __typename ${onDecisionAll} } }`, { id: decisionId })
    expect(read.body.data.decision, read.text).toMatchObject({
      referralId: ref,
      childIds: ["dis-child-2"],
      requestTypes: [requestType],
      madeAt: "panel",
      sittingId: sitting.id,
      status: "final",
      outcome: "approve",
      rationale: content.rationale,
      agreed: agreedRead(content.agreed),
      returnToPanelWithinWeeks: null,
      actionsCaseNoteAt: null,
      returnWaivedAt: null,
      outsidePanel: null,
      amendments: []
    })

    const edited = await sendDecision("administrator", "editDecision", { decisionId, content: { ...content, rationale: "Too late to edit" } })
    expect(edited, JSON.stringify(edited)).toMatchObject({ __typename: "DecisionIsFinal", code: "DecisionIsFinal" })
    expect(edited.message).toMatch(/record an amendment saying what changed and why/)

    const amended = { ...content, rationale: "The plan stands, with a review of contact in six weeks", returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } }
    const input = { decisionId, content: amended, whatChanged: "Added a return to panel", why: "A member's dissent was upheld in part" }
    const byWorker = await sendDecision("socialWorker", "amendDecision", input)
    expect(byWorker, JSON.stringify(byWorker)).toMatchObject({
      __typename: "NotPermitted",
      message: "Only a panel chair, vice chair or Assistant Director can amend a signed decision."
    })
    const byChair = await sendDecision("viceChair", "amendDecision", input)
    expect(byChair, JSON.stringify(byChair)).toMatchObject({
      rationale: amended.rationale,
      returnToPanelWithinWeeks: 6,
      amendments: [
        {
          whatChanged: "Added a return to panel",
          why: "A member's dissent was upheld in part",
          approvedBy: { ...party(staff.viceChair), role: "vice_chair" },
          by: { ...party(staff.viceChair), role: "vice_chair" }
        }
      ]
    })
    near(byChair.amendments[0].at)
  })

  it("LIN-7: a return to panel within its weeks is closed by case note by a team manager, read back with when; a second case note is refused", async () => {
    const { decisionId } = await signedDecision("dis-child-3", (content) => ({ ...content, returnToPanel: { withinWeeks: 4, ruleId: "LIN-7" } }))
    const byWorker = await sendDecision("socialWorker", "waiveReturnToPanel", { decisionId, caseNote: "Contact is settled; no need to return" })
    expect(byWorker, JSON.stringify(byWorker)).toMatchObject({
      __typename: "NotPermitted",
      message: "Only a team manager or practice supervisor can close a return to panel by case note."
    })
    expect(byWorker.returnWaivedAt).toBeUndefined()
    const waived = await sendDecision("teamManager", "waiveReturnToPanel", { decisionId, caseNote: "Contact is settled; no need to return" })
    expect(waived, JSON.stringify(waived)).toMatchObject({ __typename: "Decision", returnToPanelWithinWeeks: 4 })
    near(waived.returnWaivedAt)
    const again = await sendDecision("teamManager", "waiveReturnToPanel", { decisionId, caseNote: "Again" })
    expect(again, JSON.stringify(again)).toMatchObject({ __typename: "DecisionIsFinal" })
    expect(again.message).toMatch(/already closed by case note/)
  })

  it("LIN-7: once its weeks have passed the return cannot be closed by case note: refused naming the rule and when it was due", async () => {
    const { decisionId } = await signedDecision("dis-child-4", (content) => ({ ...content, returnToPanel: { withinWeeks: 2, ruleId: "LIN-7" } }))
    app.travelTo(new Date(app.now().getTime() + 3 * 7 * 24 * 3_600_000))
    const late = await sendDecision("teamManager", "waiveReturnToPanel", { decisionId, caseNote: "Too late" })
    expect(late, JSON.stringify(late)).toMatchObject({ __typename: "ReturnOverdue", refusedRule: "LIN-7" })
    expect(late.message).toMatch(/too late to close it by case note/)
    expect(new Date(late.due).getTime()).toBeLessThan(app.now().getTime())
  })

  it("CPR-8: before sign-off a decision is edited in place, its new words and agreed fields read back", async () => {
    const referral = await readyRequest(app, policy, { id: "dis-child-5", name: "Rowan Tilbury" })
    const sitting = await sittingWith(app, policy, [referral.id])
    app.travelTo(new Date(Date.parse(sitting.startsAt) + 30 * 60_000))
    await run(app, staff.chair, "confirmQuorum", "... on Sitting { id }", { sittingId: sitting.id, enough: true, note: "Quorate" })
    const content = exampleDecision(policy, requestType, "approve", { actionsDue: addDays(sitting.date, 14), key: referral.id })
    const recorded = await sendDecision("administrator", "recordPanelDecision", { referralId: referral.id, sittingId: sitting.id, content })
    expect(recorded.signOffs, JSON.stringify(recorded)).toEqual([])
    const changed: DecisionContent = {
      ...content,
      rationale: "Approved for a shorter time",
      agreed: {
        accommodationWeeks: 8,
        placement: "in_house_foster",
        funding: { amountPence: 45_000, period: "annual", months: 3, budget: "Edge of care" },
        legalPlanningMeeting: false,
        preProceedings: true,
        careProceedings: true
      }
    }
    const edited = await sendDecision("administrator", "editDecision", { decisionId: recorded.id, content: changed })
    expect(edited, JSON.stringify(edited)).toMatchObject({ __typename: "Decision", rationale: changed.rationale, agreed: agreedRead(changed.agreed), amendments: [] })
  })
})
