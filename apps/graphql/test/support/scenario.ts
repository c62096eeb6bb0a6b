import { addDays, type AuthorityPolicy, type DecisionContent, englandAndWales, type LocalDate, londonDateOf, type ReferralForm, type Role, weekdayOf } from "@carepanel/core"
import { exampleDecision, exampleForm, staffOf } from "@carepanel/core/testing"
import { DateTime } from "effect"
import { expect } from "vitest"
import { mutation, onDecision, onReferral, onSitting } from "./documents.js"
import type { TestApp } from "./harness.js"

type Staff = ReturnType<typeof staffOf>
export type StaffMember = Staff[keyof Staff]

/** A dev token for one of core's fictional staff, carrying their person id and name. */
export const tokenFor = (app: TestApp, member: StaffMember) =>
  app.token(member.authorityId, member.roles, { personId: member.personId, name: member.name })

export const holderOf = (staff: Staff, role: Role): StaffMember => Object.values(staff).find((member) => member.roles.includes(role))!

/** Sends a mutation as `member` and returns its payload (the record or the core's refusal), failing the test on a GraphQL error. */
export const sendMutation = async (app: TestApp, member: StaffMember, name: string, fields: string, input: unknown) => {
  const response = await app.post(await tokenFor(app, member), mutation(name, fields), { input })
  expect(response.body.errors, response.text).toBeUndefined()
  return response.body.data[name]
}

/** Runs a mutation and returns its payload, failing the test on a refusal or GraphQL error. */
export const run = async (app: TestApp, member: StaffMember, name: string, fields: string, input: unknown) => {
  const payload = await sendMutation(app, member, name, fields, input)
  expect(payload.code, `${name}: ${payload.message}`).toBeUndefined()
  return payload
}

/** A working day on the panel's weekday at least `lead` days from the server's today. */
export const sittingDate = (app: TestApp, policy: AuthorityPolicy, lead = 35): LocalDate => {
  const panel = policy.panels[0]
  const weekday = panel.schedule._tag === "Cadence" ? panel.schedule.weekday : weekdayOf(panel.schedule.dates[0])
  let date = addDays(londonDateOf(DateTime.unsafeMake(app.now())), lead)
  while (weekdayOf(date) !== weekday || !englandAndWales.isWorkingDay(date)) date = addDays(date, 1)
  return date
}

/** A complete request for a fictional child, submitted and approved, ready for a sitting. */
export const readyRequest = async (
  app: TestApp,
  policy: AuthorityPolicy,
  child: { id: string; name: string },
  adjust: (form: ReferralForm) => ReferralForm = (form) => form
) => {
  const staff = staffOf(policy.authority.id)
  const requestType = policy.referral.inScope.requestTypes[0]!
  const draft = await run(app, staff.socialWorker, "createReferralDraft", onReferral, { form: adjust(exampleForm(policy.panels[0].id, requestType, child)) })
  const documents = policy.referral.requiredDocuments.filter((required) => required.forRequestTypes === undefined || required.forRequestTypes.includes(requestType))
  for (const [i, required] of documents.entries()) {
    await run(app, staff.socialWorker, "recordReferralDocument", onReferral, {
      referralId: draft.id,
      document: { documentId: `${draft.id}-doc-${i}`, kind: required.kind, title: `${required.kind} for ${child.id}` }
    })
  }
  let referral = await run(app, staff.socialWorker, "submitReferral", onReferral, { referralId: draft.id })
  while (referral.status === "awaiting_approval") {
    referral = await run(app, holderOf(staff, referral.pendingApprovals[0].role), "approveReferral", onReferral, { referralId: referral.id })
  }
  expect(referral.status).toBe("ready")
  // CPR-4: the IRO's and the Head of Service's input travels through the API as recorded.
  expect(referral.seniorInput.map((entry: { from: string }) => entry.from)).toEqual(["independent_reviewing_officer", "head_of_service"])
  return referral
}

/** A scheduled sitting with the request accepted onto it and the agenda built and published. */
export const sittingWith = async (app: TestApp, policy: AuthorityPolicy, referralIds: ReadonlyArray<string>) => {
  const staff = staffOf(policy.authority.id)
  const sitting = await run(app, staff.administrator, "scheduleSitting", onSitting, { panelId: policy.panels[0].id, date: sittingDate(app, policy) })
  for (const referralId of referralIds) await run(app, staff.administrator, "acceptReferralOntoSitting", onReferral, { referralId, sittingId: sitting.id })
  const built = await run(app, staff.administrator, "buildProposedAgenda", onSitting, { sittingId: sitting.id })
  await run(app, staff.administrator, "publishAgenda", onSitting, { sittingId: sitting.id })
  return built
}

/**
 * The panel's decision on a request, recorded half an hour into its sitting, signed off by every role the policy asks for;
 * `adjust` changes the example content (CPR-6's shared funding, free text with a canary name).
 */
export const decide = async (
  app: TestApp,
  policy: AuthorityPolicy,
  referralId: string,
  sitting: { readonly id: string; readonly date: LocalDate; readonly startsAt: string },
  adjust: (content: DecisionContent) => DecisionContent = (content) => content
) => {
  const staff = staffOf(policy.authority.id)
  app.travelTo(new Date(Date.parse(sitting.startsAt) + 30 * 60_000))
  const [sittingId, sittingDay] = [sitting.id, sitting.date]
  const content = adjust(exampleDecision(policy, policy.referral.inScope.requestTypes[0]!, "approve", { actionsDue: addDays(sittingDay, 14), key: referralId }))
  // The chair says enough members are present before anything is decided (NSO-1, or Carepanel's default).
  await run(app, staff.chair, "confirmQuorum", "... on Sitting { id }", { sittingId, enough: true, note: "The chair and members are present" })
  let decision = await run(app, staff.administrator, "recordPanelDecision", onDecision, { referralId, sittingId, content })
  // NSO-8, CPR-11, DEF-CHAIR-SIGNS: the sitting chair's step is taken by whoever chaired (who confirmed the quorum).
  expect(decision.chairedBy).toEqual({ personId: staff.chair.personId, name: staff.chair.name })
  // CPR-10: the highlights of the presentation and discussion are on the record where the policy asks for them.
  expect(decision.highlights).toEqual(content.highlights ?? null)
  while (decision.pendingSignOffs.length > 0) {
    const step = decision.pendingSignOffs[0]
    const signer = step.bySittingChair ? staff.chair : holderOf(staff, step.roles[0])
    decision = await run(app, signer, "signOffDecision", onDecision, { decisionId: decision.id })
  }
  return decision
}
