import { preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mutation } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, sittingWith, tokenFor } from "./support/scenario.js"

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
const send = async (member: keyof typeof staff, name: string, input: Record<string, unknown>) => {
  const response = await app.post(await tokenFor(app, staff[member]), mutation(name, `${onDisagreement} ${onRefusal}`), { input })
  expect(response.body.errors, response.text).toBeUndefined()
  return response.body.data[name]
}

const near = (iso: string) => expect(Math.abs(new Date(iso).getTime() - app.now())).toBeLessThan(60_000)

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
    expect(ended.status).not.toBe("with_assistant_director")
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
