import { addDays, londonDateOf, preset } from "@carepanel/core"
import { exampleDecision, exampleForm, staffOf } from "@carepanel/core/testing"
import { DateTime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, type StaffMember, sittingWith, tokenFor, sendMutation } from "./support/scenario.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
let app: TestApp

beforeAll(async () => {
  app = await startTestApp([policy])
})
afterAll(() => app.close())

const by = "by { personId name role } at"
const onDecision = `... on Decision {
  id referralId childIds requestTypes madeAt sittingId status outcome actionsCaseNoteAt returnToPanelWithinWeeks returnWaivedAt
  minutes { workingWell worries needsToHappen }
  agreed { accommodationWeeks placement funding { amountPence period months budget } legalPlanningMeeting preProceedings careProceedings }
  actions { actionId progress evidence outstandingReason closedBy { name } }
  outsidePanel { ruleId whyOutsidePanel timescales placedAt lpmAt confirmedCases pendingAgreements { anyOf } agreements { ${by} } refusal { role reason ${by} } overtaken { decisionId heardAt atPanel sittingId } retrospectivePresentation s20TasksDone }
}`
const onRefusal = `... on NotTheRightPerson { optionalRule: ruleId } ... on ActionsNotUpdated { actionIds }
  ... on IncompleteDecision { missing { name ruleId } } ... on NotPermitted { action allowed }`

/** Runs one decision mutation as `member` and returns its payload (a Decision or a refusal). */
const send = (member: StaffMember, name: string, input: Record<string, unknown>) => sendMutation(app, member, name, `${onDecision} ${onRefusal}`, input)
const near = (iso: string | null) => expect(Math.abs(Date.parse(iso ?? "") - app.now().getTime())).toBeLessThan(60_000)
const party = (member: StaffMember) => ({ personId: member.personId, name: member.name })

/** A ready section 20 request for a fictional child, and the agreement that could be recorded on it outside panel. */
const s20Request = async (childId: string, name: string) => {
  const referral = await readyRequest(app, policy, { id: childId, name }, () => exampleForm(policy.panels[0]!.id, "s20_accommodation", { id: childId, name }))
  const today = londonDateOf(DateTime.unsafeMake(app.now()))
  const content = exampleDecision(policy, "s20_accommodation", "approve", { actionsDue: addDays(today, 7), key: referral.id })
  return { referralId: referral.id as string, content }
}

/** A ready expenditure request for a fictional child, recorded as disabled or not, and tripartite funding agreed on it outside panel. */
const tripartiteFunding = async (childId: string, name: string, disabled: boolean) => {
  const referral = await readyRequest(app, policy, { id: childId, name }, () => {
    const form = exampleForm(policy.panels[0]!.id, "expenditure", { id: childId, name })
    return { ...form, children: form.children.map((child) => ({ ...child, disabled })) }
  })
  const today = londonDateOf(DateTime.unsafeMake(app.now()))
  const content = exampleDecision(policy, "expenditure", "approve", { actionsDue: addDays(today, 7), key: referral.id })
  return { referralId: referral.id, content, whyOutsidePanel: "The school place starts on Monday", timescales: "For the school year" }
}

describe("a Lincolnshire section 20 placement agreed outside panel over GraphQL (LIN-11, LIN-12)", () => {
  it("LIN-11: recorded by the team manager, it waits for the Assistant Director; every field reads back; only the AD's agreement makes it final", async () => {
    const { referralId, content: example } = await s20Request("out-child-1", "Tamsin Rookwood")
    const agreed = {
      accommodationWeeks: 6,
      placement: "in_house_foster" as const,
      funding: { amountPence: 120_000, period: "weekly" as const, months: 2, budget: "Children in care" },
      legalPlanningMeeting: true,
      preProceedings: true,
      careProceedings: true
    }
    const content = { ...example, agreed, returnToPanel: { withinWeeks: 6, ruleId: "LIN-7" } }
    const placedAt = new Date(app.now().getTime() - 3 * 3_600_000).toISOString()
    const lpmAt = new Date(app.now().getTime() + 2 * 86_400_000).toISOString()
    const recorded = await send(staff.teamManager, "recordOutsidePanelAgreement", {
      referralId,
      content,
      whyOutsidePanel: "  Mother was admitted to hospital overnight; no sitting until Wednesday ",
      timescales: " Accommodation for 6 weeks, then back to panel",
      placedAt,
      lpmAt
    })
    expect(recorded, JSON.stringify(recorded)).toMatchObject({
      __typename: "Decision",
      referralId,
      childIds: ["out-child-1"],
      requestTypes: ["s20_accommodation"],
      madeAt: "outside_panel",
      sittingId: null,
      status: "awaiting_agreement",
      outcome: "approve",
      actionsCaseNoteAt: null,
      returnToPanelWithinWeeks: 6,
      returnWaivedAt: null,
      agreed,
      minutes: content.minutes ?? "the example's Signs of Safety minutes (LIN-5)",
      outsidePanel: {
        ruleId: "LIN-11",
        whyOutsidePanel: "Mother was admitted to hospital overnight; no sitting until Wednesday",
        timescales: "Accommodation for 6 weeks, then back to panel",
        confirmedCases: null,
        pendingAgreements: [{ anyOf: ["assistant_director"] }],
        agreements: [],
        retrospectivePresentation: false,
        s20TasksDone: []
      }
    })
    expect(Date.parse(recorded.outsidePanel.placedAt)).toBe(Date.parse(placedAt))
    expect(Date.parse(recorded.outsidePanel.lpmAt)).toBe(Date.parse(lpmAt))
    const decisionId = recorded.id as string

    const byManager = await send(staff.serviceManager, "agreeOutsidePanel", { decisionId })
    expect(byManager, JSON.stringify(byManager)).toMatchObject({ __typename: "NotTheRightPerson", optionalRule: "LIN-11" })
    expect(byManager.message).toBe("This agreement is waiting for the Assistant Director (LIN-11).")

    const byDirector = await send(staff.assistantDirector, "agreeOutsidePanel", { decisionId })
    expect(byDirector, JSON.stringify(byDirector)).toMatchObject({
      __typename: "Decision",
      status: "final",
      outsidePanel: { pendingAgreements: [], agreements: [{ by: { ...party(staff.assistantDirector), role: "assistant_director" } }] }
    })
    near(byDirector.outsidePanel.agreements[0].at)
    const again = await send(staff.assistantDirector, "agreeOutsidePanel", { decisionId })
    expect(again, JSON.stringify(again)).toMatchObject({ __typename: "DecisionIsFinal", message: "Everyone needed has already agreed." })
  })

  it("LIN-11, LIN-12: an agreement without its reasons, timescales or the time the child was placed is refused naming each", async () => {
    const { referralId, content } = await s20Request("out-child-2", "Bryn Harcastle")
    const refused = await send(staff.assistantDirector, "recordOutsidePanelAgreement", { referralId, content, whyOutsidePanel: " ", timescales: "" })
    expect(refused, JSON.stringify(refused)).toMatchObject({
      __typename: "IncompleteDecision",
      missing: [
        { name: "whyOutsidePanel", ruleId: "LIN-11" },
        { name: "timescales", ruleId: "LIN-11" },
        { name: "placedAt", ruleId: "LIN-12" }
      ]
    })
    expect(refused.message).toMatch(/^The decision cannot be recorded yet\. It must say: why it could not wait for panel \(LIN-11\)/)
  })

  it("LIN-12: the 48-hour tasks are recorded one by one and read back in order; a task twice is refused; a decision made at panel has none", async () => {
    const { referralId, content } = await s20Request("out-child-3", "Ivo Pendleford")
    const placedAt = new Date(app.now().getTime() - 3_600_000).toISOString()
    const recorded = await send(staff.assistantDirector, "recordOutsidePanelAgreement", { referralId, content, whyOutsidePanel: "No carer tonight", timescales: "Two weeks", placedAt })
    expect(recorded, JSON.stringify(recorded)).toMatchObject({ status: "final", outsidePanel: { lpmAt: null, pendingAgreements: [], s20TasksDone: [] } })
    expect(recorded.outsidePanel.agreements).toHaveLength(1)
    const decisionId = recorded.id as string

    const supervision = await send(staff.socialWorker, "recordS20Task", { decisionId, task: "supervision", note: "Supervision held with the practice supervisor" })
    expect(supervision.outsidePanel, JSON.stringify(supervision)).toMatchObject({ s20TasksDone: ["supervision"] })
    const letter = await send(staff.socialWorker, "recordS20Task", { decisionId, task: "parents_letter", note: "Letter sent to both parents" })
    expect(letter.outsidePanel.s20TasksDone).toEqual(["supervision", "parents_letter"])
    const twice = await send(staff.socialWorker, "recordS20Task", { decisionId, task: "supervision", note: "Again" })
    expect(twice, JSON.stringify(twice)).toMatchObject({ __typename: "ActionAlreadyClosed", message: "That task is already recorded." })

    const atPanel = await readyRequest(app, policy, { id: "out-child-4", name: "Wren Castleby" })
    const sitting = await sittingWith(app, policy, [atPanel.id])
    const heard = await decide(app, policy, atPanel.id, sitting)
    const notOutside = await send(staff.socialWorker, "recordS20Task", { decisionId: heard.id, task: "supervision", note: "Held" })
    expect(notOutside, JSON.stringify(notOutside)).toMatchObject({
      __typename: "NotApplicable",
      message: "The 48-hour tasks apply to section 20 accommodation agreed outside panel (LIN-12)."
    })
    const read = await app.post(await tokenFor(app, staff.administrator), `query D($id: ID!) { decision(id: $id) { __typename ${onDecision} } }`, { id: heard.id })
    expect(read.body.data.decision, read.text).toMatchObject({ madeAt: "panel", sittingId: sitting.id, outsidePanel: null, returnToPanelWithinWeeks: null })
  })

  it("LIN-11: the Assistant Director refuses the accommodation agreed outside panel, saying why; it reads back as not agreed, and the proposal can no longer be agreed", async () => {
    const { referralId, content } = await s20Request("out-child-5", "Ottilie Brennard")
    const placedAt = new Date(app.now().getTime() - 3_600_000).toISOString()
    const recorded = await send(staff.teamManager, "recordOutsidePanelAgreement", { referralId, content, whyOutsidePanel: "No carer tonight", timescales: "Two weeks", placedAt })
    expect(recorded, JSON.stringify(recorded)).toMatchObject({ status: "awaiting_agreement", outsidePanel: { pendingAgreements: [{ anyOf: ["assistant_director"] }], refusal: null } })
    const decisionId = recorded.id as string

    const byManager = await send(staff.serviceManager, "refuseOutsidePanelAgreement", { decisionId, reason: "Not mine to give" })
    expect(byManager, JSON.stringify(byManager)).toMatchObject({ __typename: "NotTheRightPerson", optionalRule: "LIN-11", message: "This agreement is waiting for the Assistant Director (LIN-11)." })
    const refused = await send(staff.assistantDirector, "refuseOutsidePanelAgreement", { decisionId, reason: "The aunt can care for her tonight" })
    expect(refused, JSON.stringify(refused)).toMatchObject({
      __typename: "Decision",
      status: "not_agreed",
      outsidePanel: { agreements: [], refusal: { role: "assistant_director", reason: "The aunt can care for her tonight", by: { ...party(staff.assistantDirector), role: "assistant_director" } } }
    })
    near(refused.outsidePanel.refusal.at)
    const agreed = await send(staff.assistantDirector, "agreeOutsidePanel", { decisionId })
    expect(agreed, JSON.stringify(agreed)).toMatchObject({ __typename: "NotApplicable" })
    expect(agreed.message).toMatch(/^Ruth Fairholme \(Assistant Director\) refused this agreement outside panel at .* \(LIN-11\): it has lapsed and can no longer be agreed\./)
    // The social worker finds it among the proposals not agreed, apart from those still waiting.
    const list = await app.post(await tokenFor(app, staff.socialWorker), `query { decisions(status: not_agreed, referralId: "${referralId}") { edges { node { id status } } } }`, {})
    expect(list.body.data.decisions.edges, list.text).toEqual([{ node: { id: decisionId, status: "not_agreed" } }])
  })

  it("LIN-11: an LPM proposal still waiting for the service manager when the panel hears the request reads lapsed, with the sitting; it is listed apart from those waiting and can no longer be agreed", async () => {
    const referral = await readyRequest(app, policy, { id: "out-child-7", name: "Perrin Ashcombe" })
    const today = londonDateOf(DateTime.unsafeMake(app.now()))
    const content = exampleDecision(policy, "legal_planning_meeting", "approve", { actionsDue: addDays(today, 7), key: referral.id })
    const proposed = await send(staff.teamManager, "recordOutsidePanelAgreement", { referralId: referral.id, content, whyOutsidePanel: "Threats to remove the child tonight", timescales: "LPM this week" })
    expect(proposed, JSON.stringify(proposed)).toMatchObject({ status: "awaiting_agreement", outsidePanel: { pendingAgreements: [{ anyOf: ["service_manager"] }], overtaken: null } })
    const sitting = await sittingWith(app, policy, [referral.id])
    const heard = await decide(app, policy, referral.id, sitting)

    const read = await app.post(await tokenFor(app, staff.serviceManager), `query D($id: ID!) { decision(id: $id) { __typename ${onDecision} } }`, { id: proposed.id })
    expect(read.body.data.decision, read.text).toMatchObject({
      status: "lapsed",
      outsidePanel: { pendingAgreements: [{ anyOf: ["service_manager"] }], agreements: [], overtaken: { decisionId: heard.id, atPanel: true, sittingId: sitting.id } }
    })
    const panel = await app.post(await tokenFor(app, staff.serviceManager), `query D($id: ID!) { decision(id: $id) { ... on Decision { heardAt } } }`, { id: heard.id })
    expect(read.body.data.decision.outsidePanel.overtaken.heardAt).toBe(panel.body.data.decision.heardAt)
    // The service manager's list of proposals waiting for them no longer holds it; the lapsed ones do.
    const listed = async (status: string) => {
      const list = await app.post(await tokenFor(app, staff.serviceManager), `query { decisions(status: ${status}, referralId: "${referral.id}") { edges { node { id status } } } }`, {})
      return list.body.data.decisions.edges
    }
    expect(await listed("awaiting_agreement")).toEqual([])
    expect(await listed("lapsed")).toEqual([{ node: { id: proposed.id, status: "lapsed" } }])
    const agreed = await send(staff.serviceManager, "agreeOutsidePanel", { decisionId: proposed.id })
    expect(agreed, JSON.stringify(agreed)).toMatchObject({ __typename: "NotApplicable" })
    expect(agreed.message).toMatch(/^The panel heard this request at the sitting on .*: its decision stands, and this agreement can no longer be given \(LIN-11\)\./)
  })

  it("LIN-11: tripartite funding is agreed outside panel by the service manager who confirms the case (confirmsCase); without it, the refusal names the case and the field", async () => {
    const input = await tripartiteFunding("out-child-6", "Esme Tollard", true)
    const unconfirmed = await send(staff.serviceManager, "recordOutsidePanelAgreement", input)
    expect(unconfirmed, JSON.stringify(unconfirmed)).toMatchObject({ __typename: "NotApplicable" })
    expect(unconfirmed.message).toContain("only as tripartite funding for a disabled child in a 38-week educational placement (LIN-11)")
    expect(unconfirmed.message).toContain("record the agreement confirming it (confirmsCase)")
    const confirmed = await send(staff.serviceManager, "recordOutsidePanelAgreement", { ...input, confirmsCase: true })
    expect(confirmed, JSON.stringify(confirmed)).toMatchObject({
      __typename: "Decision",
      status: "final",
      outsidePanel: { confirmedCases: ["tripartite funding for a disabled child in a 38-week educational placement"], agreements: [{ by: { ...party(staff.serviceManager), role: "service_manager" } }] }
    })
  })

  it("LIN-11: tripartite funding confirmed on a request that records no child as disabled is refused, the message naming the fact to correct", async () => {
    const input = await tripartiteFunding("out-child-7", "Ossian Brede", false)
    const refused = await send(staff.serviceManager, "recordOutsidePanelAgreement", { ...input, confirmsCase: true })
    expect(refused, JSON.stringify(refused)).toMatchObject({
      __typename: "NotApplicable",
      message:
        "The request records no child as disabled, and an agreement outside panel covers expenditure only as tripartite funding for a disabled child in a 38-week educational placement (LIN-11). " +
        "If a child is disabled, correct the request (return it for changes if it was submitted, mark the child as disabled and submit it again), then record the agreement again; if not, bring it to a sitting."
    })
  })
})

describe("a Lincolnshire panel decision's actions followed up over GraphQL (LIN-6, LIN-8, LIN-9)", () => {
  it("LIN-9, LIN-6: the FGC referral received once; actions completed or outstanding with their words; the case note only once every action is updated", async () => {
    const referral = await readyRequest(app, policy, { id: "act-child-9", name: "Saffi Marlowe" })
    const decision = await decide(app, policy, referral.id, await sittingWith(app, policy, [referral.id]))
    const decisionId = decision.id as string
    const [fgc, plan] = [`${referral.id}-fgc`, `${referral.id}-plan`]

    const notFgc = await send(staff.practiceSupervisor, "recordFgcReferralReceived", { decisionId, actionId: plan })
    expect(notFgc, JSON.stringify(notFgc)).toMatchObject({ __typename: "NoSuchAction", message: `This decision has no Family Group Conference referral ${plan} (LIN-9).` })
    const received = await send(staff.practiceSupervisor, "recordFgcReferralReceived", { decisionId, actionId: fgc })
    expect(received, JSON.stringify(received)).toMatchObject({ __typename: "Decision", id: decisionId })
    const receivedTwice = await send(staff.practiceSupervisor, "recordFgcReferralReceived", { decisionId, actionId: fgc })
    expect(receivedTwice, JSON.stringify(receivedTwice)).toMatchObject({ __typename: "ActionAlreadyClosed", message: "The FGC service has already received this referral." })

    const early = await send(staff.teamManager, "recordActionsCaseNote", { decisionId, note: "All in hand" })
    expect(early, JSON.stringify(early)).toMatchObject({ __typename: "ActionsNotUpdated", actionIds: [fgc, plan] })
    expect(early.message).toMatch(/^The case note updates every action \(LIN-6\)/)

    const completed = await send(staff.socialWorker, "completeAction", { decisionId, actionId: fgc, evidence: "Referral accepted by the FGC service" })
    expect(completed.actions, JSON.stringify(completed)).toContainEqual({
      actionId: fgc,
      progress: "completed",
      evidence: "Referral accepted by the FGC service",
      outstandingReason: null,
      closedBy: { name: staff.socialWorker.name }
    })
    const completedTwice = await send(staff.socialWorker, "completeAction", { decisionId, actionId: fgc, evidence: "Again" })
    expect(completedTwice, JSON.stringify(completedTwice)).toMatchObject({ __typename: "ActionAlreadyClosed", message: '"Refer the family to the Family Group Conference service" is already completed.' })

    const unknown = await send(staff.teamManager, "markActionOutstanding", { decisionId, actionId: "no-such-action", reason: "Waiting" })
    expect(unknown, JSON.stringify(unknown)).toMatchObject({ __typename: "NoSuchAction", message: "This decision has no action no-such-action." })
    const outstanding = await send(staff.teamManager, "markActionOutstanding", { decisionId, actionId: plan, reason: "The plan review is booked for next week" })
    expect(outstanding.actions, JSON.stringify(outstanding)).toContainEqual({
      actionId: plan,
      progress: "outstanding",
      evidence: null,
      outstandingReason: "The plan review is booked for next week",
      closedBy: { name: staff.teamManager.name }
    })
    expect(outstanding.actionsCaseNoteAt).toBeNull()

    const byWorker = await send(staff.socialWorker, "recordActionsCaseNote", { decisionId, note: "Support Panel Actions" })
    expect(byWorker, JSON.stringify(byWorker)).toMatchObject({ __typename: "NotPermitted" })
    expect(byWorker.actionsCaseNoteAt).toBeUndefined()
    const noted = await send(staff.teamManager, "recordActionsCaseNote", { decisionId, note: "Support Panel Actions: FGC referred; plan review next week" })
    expect(noted, JSON.stringify(noted)).toMatchObject({ __typename: "Decision", id: decisionId })
    near(noted.actionsCaseNoteAt)
  })

  it("LIN-8: only the service manager approves alternative action when circumstances change", async () => {
    const referral = await readyRequest(app, policy, { id: "act-child-10", name: "Odile Farrant" })
    const decision = await decide(app, policy, referral.id, await sittingWith(app, policy, [referral.id]))
    const input = { decisionId: decision.id, circumstances: "The grandmother can no longer care for the child", alternativeAction: "Place with the maternal aunt" }
    const byHead = await send(staff.headOfService, "approveChangeOfCircumstances", input)
    expect(byHead, JSON.stringify(byHead)).toMatchObject({ __typename: "NotTheRightPerson", optionalRule: "LIN-8" })
    expect(byHead.message).toBe("Only the service manager approves alternative action when circumstances change (LIN-8).")
    const approved = await send(staff.serviceManager, "approveChangeOfCircumstances", input)
    expect(approved, JSON.stringify(approved)).toMatchObject({ __typename: "Decision", id: decision.id, status: "final" })
    // An approval may name the actions the alternative replaces: they read "replaced" and are no longer closed by anyone.
    const [first, second] = approved.actions as Array<{ actionId: string }>
    const replaced = await send(staff.serviceManager, "approveChangeOfCircumstances", { ...input, alternativeAction: "Weekly visits by the aunt", replacesActionIds: [second!.actionId] })
    expect(replaced.actions, JSON.stringify(replaced)).toEqual([
      { actionId: first!.actionId, progress: "open", evidence: null, outstandingReason: null, closedBy: null },
      { actionId: second!.actionId, progress: "replaced", evidence: null, outstandingReason: null, closedBy: { name: staff.serviceManager.name } }
    ])
  })
})
