import { type AuthorityPolicy, addDays, type DecisionContent, LocalDate, preset } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, run, type StaffMember, sittingDate, tokenFor, sendMutation } from "./support/scenario.js"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const panel = policy.panels[0]!
const fortnightly = preset("knowsley")
const knowsleyPanel = fortnightly.panels[0]!
/** Knowsley's policy, under another authority id, with its panel sitting on two fixed dates instead of a cadence. */
const fixedDates: AuthorityPolicy = {
  ...fortnightly,
  authority: { ...fortnightly.authority, id: "fixed-dates-borough" as AuthorityPolicy["authority"]["id"] },
  panels: [{ ...knowsleyPanel, schedule: { _tag: "FixedDates", dates: [LocalDate.make("2027-03-04"), LocalDate.make("2027-06-03")] } }]
}
let app: TestApp

const refusal = "... on DomainError { code message } ... on InvalidInput { problems { path message } }"
const sittingFields = `... on Sitting {
  id panelId date startsAt endsAt cancelled { reason by { name } }
  agenda { referralId childIds kind summary startsAt endsAt } agendaPublishedAt papersSentAt
  attendance { personId name seat membership status standsInFor standsInForPersonId represents confirmedLate recordedAt }
  quorum { enough note by { name } at }
  record { status draftSentAt finalAt uploadedChildIds }
}`
const actionFields = `actionId decisionId referralId description ownerRole ownerName dueDate fgcReferral progress evidence outstandingReason closedBy { name } closedAt clock { ruleId state }`

beforeAll(async () => {
  app = await startTestApp([policy, fortnightly, fixedDates])
})
afterAll(() => app.close())

/** Runs a sitting mutation and returns its payload, refusals included. */
const send = (member: StaffMember, name: string, input: Record<string, unknown>) => sendMutation(app, member, name, sittingFields, input)
const query = async (member: StaffMember, document: string, variables: Record<string, unknown> = {}) => {
  const response = await app.post(await tokenFor(app, member), document, variables)
  expect(response.body.errors, response.text).toBeUndefined()
  return response.body.data
}
const near = (iso: string | null, at: Date) => expect(Math.abs(Date.parse(iso ?? "") - at.getTime())).toBeLessThan(60_000)

describe("the authority's panels over GraphQL", () => {
  it("each panel reads its name, venue, hours in London words, schedule in words, chair and seats", async () => {
    const { panels } = await query(staff.administrator, "query { panels { id name ruleId venue schedule startsAt endsAt chairRole members { seat role membership } slotMinutesMin slotMinutesMax } }")
    expect(panels).toHaveLength(policy.panels.length)
    expect(panels[0]).toMatchObject({
      id: panel.id,
      name: panel.name,
      ruleId: panel.ruleId,
      venue: panel.venue,
      chairRole: panel.chair.role,
      members: panel.members.map((member) => ({ seat: member.seat, role: member.role, membership: member.membership })),
      slotMinutesMin: panel.slotMinutes.min,
      slotMinutesMax: panel.slotMinutes.max
    })
    expect(panel.members.length).toBeGreaterThan(0)
    expect([panels[0].startsAt, panels[0].endsAt]).toEqual([panel.hours.start, panel.hours.end])
    expect([panels[0].startsAt, panels[0].endsAt]).toEqual(["09:30", "13:00"])
    expect(panels[0].schedule).toBe("every week on wednesday, from 2027-01-06")
  })

  it("a fortnightly panel's schedule reads every 2 weeks; a panel on fixed dates lists them", async () => {
    const schedules = async (authority: AuthorityPolicy) =>
      (await query(staffOf(authority.authority.id).administrator, "query { panels { id schedule } }")).panels
    expect(await schedules(fortnightly)).toEqual([{ id: knowsleyPanel.id, schedule: "every 2 weeks on thursday, from 2027-01-07" }])
    expect(await schedules(fixedDates)).toEqual([{ id: knowsleyPanel.id, schedule: "on fixed dates: 2027-03-04, 2027-06-03" }])
  })
})

describe("a sitting played over GraphQL: scheduled, agenda proposed and sent, papers after, attendance, record to upload; another cancelled", () => {
  it("CPR-11: the sitting reads back every step, the record is final until every child's is uploaded; the requests read their sitting", async () => {
    const first = await readyRequest(app, policy, { id: "sit-child-1", name: "Ellery Vantross" })
    const second = await readyRequest(app, policy, { id: "sit-child-2", name: "Mabli Corrigan" })
    const notOnOne = await readyRequest(app, policy, { id: "sit-child-3", name: "Joss Heywood" })
    const date = sittingDate(app, policy)
    const scheduled = await send(staff.administrator, "scheduleSitting", { panelId: panel.id, date })
    expect(scheduled, JSON.stringify(scheduled)).toMatchObject({
      __typename: "Sitting",
      panelId: panel.id,
      date,
      cancelled: null,
      agenda: [],
      agendaPublishedAt: null,
      papersSentAt: null,
      attendance: [],
      quorum: null,
      record: { status: "not_started", draftSentAt: null, finalAt: null, uploadedChildIds: [] }
    })
    const sittingId = scheduled.id as string
    for (const referral of [first, second]) {
      await run(app, staff.administrator, "acceptReferralOntoSitting", "... on Referral { id }", { referralId: referral.id, sittingId })
    }

    const { agendaProposal } = await query(staff.administrator, "query P($id: ID!) { agendaProposal(sittingId: $id) { referralId childIds kind summary } }", { id: sittingId })
    expect(agendaProposal.map((entry: { referralId: string }) => entry.referralId).sort()).toEqual([first.id, second.id].sort())
    const proposedFirst = agendaProposal.find((entry: { referralId: string }) => entry.referralId === first.id)
    expect(proposedFirst.childIds).toEqual(["sit-child-1"])
    expect(proposedFirst.summary).not.toContain("Ellery")

    const built = await send(staff.administrator, "buildProposedAgenda", { sittingId })
    expect(built.agenda.map((item: { referralId: string }) => item.referralId).sort()).toEqual([first.id, second.id].sort())
    expect(built.agenda[0].startsAt).toBe(built.startsAt)
    expect(built.agenda[1].startsAt).toBe(built.agenda[0].endsAt)

    const published = await send(staff.administrator, "publishAgenda", { sittingId, papersToFollow: true })
    near(published.agendaPublishedAt, app.now())
    expect(published.papersSentAt).toBeNull()
    const papers = await send(staff.administrator, "sendPapers", { sittingId })
    near(papers.papersSentAt, app.now())
    const again = await send(staff.administrator, "sendPapers", { sittingId })
    expect(again, JSON.stringify(again)).toMatchObject({ code: "SittingNotInState", message: "The papers for this agenda have already gone to members." })

    const chairPresent = { sittingId, personId: staff.chair.personId, name: staff.chair.name, seat: "Chair", membership: "standing", status: "present" }
    expect(await send(staff.administrator, "recordAttendance", chairPresent)).toMatchObject({
      code: "SittingNotInState",
      message: expect.stringContaining(`${staff.chair.name} can be recorded as present on the day of the sitting`)
    })
    app.travelTo(new Date(Date.parse(built.startsAt) - 30 * 60_000)) // the sitting's morning, as members arrive
    const present = await send(staff.administrator, "recordAttendance", chairPresent)
    const deputy = await send(staff.administrator, "recordAttendance", { sittingId, personId: "p-deputy-9", name: "Orla Fenwick", seat: "Head of Service", membership: "standing", status: "deputy", standsInFor: "Head of Service" })
    expect(present.attendance).toHaveLength(1)
    expect(deputy.attendance, JSON.stringify(deputy)).toEqual([
      { personId: staff.chair.personId, name: staff.chair.name, seat: "Chair", membership: "standing", status: "present", standsInFor: null, standsInForPersonId: null, represents: [], confirmedLate: null, recordedAt: present.attendance[0].recordedAt },
      { personId: "p-deputy-9", name: "Orla Fenwick", seat: "Head of Service", membership: "standing", status: "deputy", standsInFor: "Head of Service", standsInForPersonId: null, represents: [], confirmedLate: null, recordedAt: expect.any(String) }
    ])
    near(deputy.attendance[1].recordedAt, app.now())
    // A deputy linked to the member by person (CPR-3): chosen from the attendance, not typed; refused for a member present.
    await send(staff.administrator, "recordAttendance", { sittingId, personId: "p-member-4", name: "Nell Harker", seat: "Finance Accountant", membership: "standing", status: "apologies" })
    const linked = await send(staff.administrator, "recordAttendance", { sittingId, personId: "p-deputy-10", name: "Ivo Brant", seat: "Finance Accountant", membership: "standing", status: "deputy", standsInForPersonId: "p-member-4" })
    expect(linked.attendance.at(-1), JSON.stringify(linked)).toMatchObject({ personId: "p-deputy-10", status: "deputy", standsInFor: null, standsInForPersonId: "p-member-4" })
    const forTheChair = await send(staff.administrator, "recordAttendance", { sittingId, personId: "p-deputy-11", name: "Rae Oduya", seat: "Chair", membership: "standing", status: "deputy", standsInForPersonId: staff.chair.personId })
    expect(forTheChair, JSON.stringify(forTheChair)).toEqual({
      __typename: "DeputyCannotStandIn",
      code: "DeputyCannotStandIn",
      message: `${staff.chair.name} is recorded as present, so Rae Oduya cannot stand in for them: a deputy covers a member who is away (CPR-3). If ${staff.chair.name} has sent apologies or left, record that first.`
    })
    // A member present who also represents a member away (KNO-2) keeps her own seat; a member already covered is refused.
    await send(staff.administrator, "recordAttendance", { sittingId, personId: "p-member-5", name: "Tam Okoro", seat: "IRO", membership: "standing", status: "apologies" })
    const represents = { sittingId, personId: "p-member-6", name: "Lena Voss", seat: "Education", membership: "standing", status: "present" }
    const lena = await send(staff.administrator, "recordAttendance", { ...represents, represents: ["p-member-5"] })
    expect(lena.attendance.at(-1), JSON.stringify(lena)).toMatchObject({ personId: "p-member-6", status: "present", standsInForPersonId: null, represents: ["p-member-5"] })
    const covered = await send(staff.administrator, "recordAttendance", { ...represents, represents: ["p-member-5", "p-member-4"] })
    expect(covered, JSON.stringify(covered)).toEqual({
      __typename: "DeputyCannotStandIn",
      code: "DeputyCannotStandIn",
      message:
        "Ivo Brant is already recorded as the deputy for Nell Harker: a member away has one deputy or one representative. If Lena Voss represents Nell Harker instead, record Ivo Brant's attendance again first (apologies, if they are not coming)."
    })

    await decide(app, policy, first.id, built)
    const { sitting: read } = await query(staff.chair, `query S($id: ID!) { sitting(id: $id) { __typename ${refusal} ${sittingFields} } }`, { id: sittingId })
    expect(read.quorum, JSON.stringify(read)).toEqual({ enough: true, note: "The chair and members are present", by: { name: staff.chair.name }, at: expect.any(String) })
    near(read.quorum.at, app.now())
    expect(read.record.status).toBe("not_started")

    app.travelTo(new Date(Date.parse(built.endsAt) + 3_600_000))
    const drafted = await send(staff.administrator, "sendDraftRecordToChair", { sittingId })
    expect(drafted.record).toMatchObject({ status: "draft_with_chair", finalAt: null, uploadedChildIds: [] })
    near(drafted.record.draftSentAt, app.now())
    const final = await send(staff.chair, "returnFinalRecord", { sittingId })
    expect(final.record).toMatchObject({ status: "final", draftSentAt: drafted.record.draftSentAt, uploadedChildIds: [] })
    near(final.record.finalAt, app.now())
    const one = await send(staff.administrator, "recordChildRecordUploaded", { sittingId, childId: "sit-child-1", referralId: first.id })
    expect(one.record, JSON.stringify(one)).toMatchObject({ status: "final", uploadedChildIds: ["sit-child-1"] })
    const other = await send(staff.administrator, "recordChildRecordUploaded", { sittingId, childId: "sit-child-3", referralId: notOnOne.id })
    expect(other, JSON.stringify(other)).toMatchObject({ code: "SittingNotInState", message: "That child was not on this sitting's agenda." })
    const both = await send(staff.administrator, "recordChildRecordUploaded", { sittingId, childId: "sit-child-2", referralId: second.id })
    expect(both.record).toMatchObject({ status: "uploaded", uploadedChildIds: ["sit-child-1", "sit-child-2"] })

    const late = await send(staff.administrator, "cancelSitting", { sittingId, reason: "Too late" })
    expect(late, JSON.stringify(late)).toMatchObject({ code: "SittingNotInState", message: expect.stringMatching(/^You cannot cancel it: the sitting on .+ has started\.$/) })

    const referralSitting = `query R($id: ID!) { referral(id: $id) { ... on Referral { id sitting { id date } } } }`
    expect((await query(staff.administrator, referralSitting, { id: second.id })).referral).toEqual({ id: second.id, sitting: { id: sittingId, date } })
    expect((await query(staff.administrator, referralSitting, { id: notOnOne.id })).referral).toEqual({ id: notOnOne.id, sitting: null })
  })

  it("CPR-11, NSO-1: a sitting the chair found too few members for has no child's record to upload: once its record is final it reads uploaded", async () => {
    const request = await readyRequest(app, policy, { id: "thin-child-1", name: "Peregrine Ashdown" })
    const scheduled = await send(staff.administrator, "scheduleSitting", { panelId: panel.id, date: sittingDate(app, policy) })
    const sittingId = scheduled.id as string
    await run(app, staff.administrator, "acceptReferralOntoSitting", "... on Referral { id }", { referralId: request.id, sittingId })
    const built = await send(staff.administrator, "buildProposedAgenda", { sittingId })
    await send(staff.administrator, "publishAgenda", { sittingId, papersToFollow: false })
    app.travelTo(new Date(Date.parse(built.startsAt) + 60_000))
    await send(staff.administrator, "recordAttendance", { sittingId, personId: staff.chair.personId, name: staff.chair.name, seat: "Chair", membership: "standing", status: "present" })
    const thin = await send(staff.chair, "confirmQuorum", { sittingId, enough: false, note: "Only the chair could come" })
    expect(thin.quorum, JSON.stringify(thin)).toMatchObject({ enough: false })
    app.travelTo(new Date(Date.parse(built.endsAt) + 3_600_000))
    await send(staff.administrator, "sendDraftRecordToChair", { sittingId })
    const final = await send(staff.chair, "returnFinalRecord", { sittingId })
    expect(final.record, JSON.stringify(final)).toMatchObject({ status: "uploaded", uploadedChildIds: [] })
  })

  it("a sitting cancelled before it starts reads its reason and who; the sittings list filters by dates and panel; a bad id is named", async () => {
    const date = addDays(sittingDate(app, policy, 70), 0)
    const scheduled = await send(staff.administrator, "scheduleSitting", { panelId: panel.id, date })
    const byHand = await send(staff.administrator, "buildAgenda", {
      sittingId: scheduled.id,
      entries: [{ referralId: "ref-by-hand-1", childIds: ["hand-child-1"], kind: "request", summary: "Respite for a nine-year-old" }]
    })
    expect(byHand.agenda, JSON.stringify(byHand)).toEqual([
      { referralId: "ref-by-hand-1", childIds: ["hand-child-1"], kind: "request", summary: "Respite for a nine-year-old", startsAt: byHand.startsAt, endsAt: expect.any(String) }
    ])
    const cancelled = await send(staff.administrator, "cancelSitting", { sittingId: scheduled.id, reason: "The chair is at court that day" })
    expect(cancelled.cancelled, JSON.stringify(cancelled)).toEqual({ reason: "The chair is at court that day", by: { name: staff.administrator.name } })
    const twice = await send(staff.administrator, "cancelSitting", { sittingId: scheduled.id, reason: "Again" })
    expect(twice, JSON.stringify(twice)).toMatchObject({ code: "SittingNotInState", message: expect.stringMatching(/^The sitting on .+ was cancelled\.$/) })

    const list = `query L($from: Date, $to: Date, $panelId: ID) { sittings(from: $from, to: $to, panelId: $panelId) { id date cancelled { reason } } }`
    const on = (await query(staff.administrator, list, { from: date, to: date })).sittings
    expect(on).toEqual([{ id: scheduled.id, date, cancelled: { reason: "The chair is at court that day" } }])
    expect((await query(staff.administrator, list, { from: addDays(date, 1) })).sittings.map((s: { id: string }) => s.id)).not.toContain(scheduled.id)
    expect((await query(staff.administrator, list, { to: addDays(date, -1) })).sittings.map((s: { id: string }) => s.id)).not.toContain(scheduled.id)
    expect((await query(staff.administrator, list, { panelId: panel.id })).sittings.map((s: { id: string }) => s.id)).toContain(scheduled.id)
    expect((await query(staff.administrator, list, { panelId: "no-such-panel" })).sittings).toEqual([])

    const year = 2030
    const yearly = await app.post(await tokenFor(app, staff.administrator), `mutation Y($input: ScheduleSittingsForYearInput!) { scheduleSittingsForYear(input: $input) { __typename ... on ScheduleSittingsForYearSuccess { data { id panelId date } } ${refusal} } }`, { input: { panelId: panel.id, year } })
    expect(yearly.body.errors, yearly.text).toBeUndefined()
    const sittingsOfYear = yearly.body.data.scheduleSittingsForYear.data
    expect(sittingsOfYear.length, yearly.text).toBeGreaterThan(10)
    for (const each of sittingsOfYear) expect(each, JSON.stringify(each)).toMatchObject({ panelId: panel.id, date: expect.stringMatching(new RegExp(`^${year}-`)) })
    const listed = (await query(staff.administrator, list, { from: `${year}-01-01`, to: `${year}-12-31`, panelId: panel.id })).sittings
    expect(listed.map((s: { id: string }) => s.id)).toEqual(sittingsOfYear.map((s: { id: string }) => s.id))

    const { sitting } = await query(staff.administrator, `query S($id: ID!) { sitting(id: $id) { __typename ${refusal} } }`, { id: "" })
    expect(sitting, JSON.stringify(sitting)).toMatchObject({ __typename: "InvalidInput", problems: [{ path: "id" }] })
  })
})

describe("a decision's actions over GraphQL: owners, due dates, open, outstanding, completed, overdue", () => {
  it("CPR-10, DEF-RECORD-TIMESCALES: each recommended action reads its owner, due date and clock (Carepanel's default: CPR-10 gives actions no dates); completed leaves open, outstanding stays open and turns overdue past its date", async () => {
    const referral = await readyRequest(app, policy, { id: "act-child-1", name: "Perrin Ashdown" })
    const date = sittingDate(app, policy, 100)
    const sitting = await run(app, staff.administrator, "scheduleSitting", "... on Sitting { id date startsAt endsAt }", { panelId: panel.id, date })
    await run(app, staff.administrator, "acceptReferralOntoSitting", "... on Referral { id }", { referralId: referral.id, sittingId: sitting.id })
    await run(app, staff.administrator, "buildProposedAgenda", "... on Sitting { id }", { sittingId: sitting.id })
    await run(app, staff.administrator, "publishAgenda", "... on Sitting { id }", { sittingId: sitting.id })
    const named = (content: DecisionContent): DecisionContent => ({
      ...content,
      actions: content.actions.map((action) => (action.ownerRole === "team_manager" ? { ...action, ownerName: "Hollis Brant" } : action))
    })
    const decision = await decide(app, policy, referral.id, sitting, named)
    const actions = (document: string) => query(staff.teamManager, document).then((data) => data.actions.filter((action: { referralId: string }) => action.referralId === referral.id))

    const open = await actions(`query { actions { ${actionFields} } }`)
    const due = addDays(date, 14)
    expect(open.map((action: { actionId: string }) => action.actionId).sort()).toEqual([`${referral.id}-fgc`, `${referral.id}-plan`])
    const fgc = open.find((action: { actionId: string }) => action.actionId === `${referral.id}-fgc`)
    expect(fgc).toMatchObject({
      decisionId: decision.id,
      referralId: referral.id,
      description: "Refer the family to the Family Group Conference service",
      ownerRole: "social_worker",
      ownerName: null,
      dueDate: due,
      fgcReferral: true,
      progress: "open",
      evidence: null,
      outstandingReason: null,
      closedBy: null,
      closedAt: null,
      clock: { state: "pending" }
    })
    expect(fgc.clock.ruleId).toBe("DEF-RECORD-TIMESCALES")
    const byTeamManager = await actions(`query { actions(ownerRole: team_manager) { actionId referralId ownerRole ownerName description fgcReferral } }`)
    expect(byTeamManager).toEqual([{ actionId: `${referral.id}-plan`, referralId: referral.id, ownerRole: "team_manager", ownerName: "Hollis Brant", description: "Update the child's plan with the panel's decision", fgcReferral: false }])
    expect(await actions(`query { actions(state: overdue) { actionId referralId } }`)).toEqual([])

    const done = await run(app, staff.socialWorker, "completeAction", "... on Decision { id }", { decisionId: decision.id, actionId: `${referral.id}-fgc`, evidence: "FGC referral sent on the portal" })
    expect(done.id).toBe(decision.id)
    await run(app, staff.teamManager, "markActionOutstanding", "... on Decision { id }", { decisionId: decision.id, actionId: `${referral.id}-plan`, reason: "The plan review is booked for next week" })

    const stillOpen = await actions(`query { actions(state: open) { ${actionFields} } }`)
    expect(stillOpen.map((action: { actionId: string }) => action.actionId)).toEqual([`${referral.id}-plan`])
    expect(stillOpen[0]).toMatchObject({ progress: "outstanding", outstandingReason: "The plan review is booked for next week", evidence: null, closedBy: { name: staff.teamManager.name } })
    near(stillOpen[0].closedAt, app.now())
    const outstandingByOwner = await actions(`query { actions(ownerRole: team_manager) { actionId referralId progress } }`)
    expect(outstandingByOwner).toEqual([{ actionId: `${referral.id}-plan`, referralId: referral.id, progress: "outstanding" }])
    const all = await actions(`query { actions(state: all) { ${actionFields} } }`)
    expect(all.find((action: { actionId: string }) => action.actionId === `${referral.id}-fgc`)).toMatchObject({
      progress: "completed",
      evidence: "FGC referral sent on the portal",
      outstandingReason: null,
      closedBy: { name: staff.socialWorker.name }
    })
    expect((await actions(`query { actions(state: all, ownerRole: social_worker) { actionId referralId } }`))).toEqual([{ actionId: `${referral.id}-fgc`, referralId: referral.id }])
    expect((await actions(`query { actions(ownerRole: social_worker) { actionId referralId } }`))).toEqual([])

    app.travelTo(new Date(Date.parse(`${addDays(due, 3)}T12:00:00Z`)))
    const overdue = await actions(`query { actions(state: overdue) { actionId referralId clock { state } } }`)
    expect(overdue).toEqual([{ actionId: `${referral.id}-plan`, referralId: referral.id, clock: { state: "overdue" } }])
  })
})
