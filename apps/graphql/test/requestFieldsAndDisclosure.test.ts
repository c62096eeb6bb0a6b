import { AccessLog, AuthorityId, ChildId, preset, type ReferralForm } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildSchema, printSchema } from "graphql"
import { applyDisclosure } from "../src/schema/disclosure/applyDisclosure.js"
import { disclosureTable } from "../src/schema/disclosure/disclosureTable.js"
import { schema } from "../src/schema/index.js"
import { onSitting } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, run, type StaffMember, sittingDate, sittingWith, tokenFor, sendMutation } from "./support/scenario.js"

const policy = preset("care-planning")
const staff = staffOf(policy.authority.id)
const panelId = policy.panels[0]!.id
let app: TestApp

beforeAll(async () => {
  app = await startTestApp([policy])
})
afterAll(() => app.close())

/** Every field of a request, care-planning fields included. */
const referralFields = `id status panelId teamId socialWorker { personId name } teamManager { personId name }
  children { childId fullName dateOfBirth homeAddress placementAddress carer gender caseNumber }
  requestTypes request reason presentationReasons proposedPlan caseSummary currentSituation workingWell worries needsToChange
  workAlreadyDone expectedOutcome durationAndExit annualCostPence partOfCareProceedings respiteOrFamilySupport
  parentalHistory { parent kind date detail } lastReviewOutcome { date outcome } childWishes parentsViews
  documents { documentId kind title } createdAt createdBy { personId name role } submittedAt readyAt
  pendingApprovals { role ruleId } approvals { role ruleId by { name } at }
  criteria { ruleId reason level description explanation } presentationOptional { ruleId description }
  latePermissions { sittingId reason by { personId name role } }
  sittingId acceptedLate hearings { decisionId sittingId outcome at } closedReason redirectedTo
  seniorInput { from name givenOn input } exceptionalAccommodation { kind weeklyCostPence valueForMoney }`
const onReferral = `... on Referral { ${referralFields} }`
const deadlineFields = "id aboutKind aboutId title ruleId due state metAt metLate explanation"
const onRefusal = `... on NotPermitted { action allowed } ... on NotFound { what notFoundId: id }
  ... on LateRequest { ruleId deadline } ... on LatePermissionNotAllowed { ruleId } ... on RedirectNotAllowed { ruleId }
  ... on ReferralNotInStatus { refusedStatus: status }`
const referralQuery = `query ReadRequest($id: ID!) { referral(id: $id) { __typename ... on DomainError { code message }
  ... on InvalidInput { problems { path message } } ... on NotFound { what notFoundId: id } ${onReferral} } }`

/** Runs one request mutation as `member` and returns its payload (a Referral or a refusal). */
const send = (member: StaffMember, name: string, input: Record<string, unknown>) => sendMutation(app, member, name, `${onReferral} ${onRefusal}`, input)
const readAs = async (token: string, id: string) => {
  const response = await app.post(token, referralQuery, { id })
  expect(response.body.errors, response.text).toBeUndefined()
  return response.body.data.referral
}
const near = (iso: string | null) => expect(Math.abs(Date.parse(iso ?? "") - app.now().getTime())).toBeLessThan(60_000)
const backToNow = () => app.travelTo(new Date())
const hour = 3_600_000
const day = 24 * hour

/** CPR-5: a hotel asked for a child, with everything optional on the form filled in. */
const exceptionalForm = (childId: string, name: string): ReferralForm => ({
  ...exampleForm(panelId, "exceptional_accommodation", { id: childId, name }),
  teamId: "team-north" as never,
  annualCostPence: 9_100_000,
  respiteOrFamilySupport: true,
  partOfCareProceedings: true,
  parentalHistory: [{ parent: "Stepfather", kind: "criminal_conviction", date: "2021-03-01" as never, detail: "Burglary, 2021" }],
  exceptionalAccommodation: { kind: "hotel", weeklyCostPence: 175_000, valueForMoney: "No foster or residential bed in the county this week" }
})

/** A complete CPR-5 request, its referral form recorded and submitted: ready at once (care-planning asks no approvals). */
const readyExceptional = async (childId: string, name: string) => {
  const draft = await send(staff.socialWorker, "createReferralDraft", { form: exceptionalForm(childId, name) })
  expect(draft.status, JSON.stringify(draft)).toBe("draft")
  await send(staff.socialWorker, "recordReferralDocument", { referralId: draft.id, document: { documentId: `${childId}-form`, kind: "referral_form", title: "Referral form" } })
  const ready = await send(staff.socialWorker, "submitReferral", { referralId: draft.id })
  expect(ready.status, JSON.stringify(ready)).toBe("ready")
  return ready.id as string
}

describe("a care-planning request read back over GraphQL, every field (CPR-4, CPR-5)", () => {
  it("CPR-5: a ready exceptional accommodation request reads back every field as written, with who made it and when", async () => {
    backToNow()
    const id = await readyExceptional("rf-child-1", "Elowen Tresize")
    const read = await readAs(await tokenFor(app, staff.socialWorker), id)
    const form = exceptionalForm("rf-child-1", "Elowen Tresize")
    expect(read).toEqual({
      __typename: "Referral",
      id,
      status: "ready",
      panelId,
      teamId: "team-north",
      socialWorker: { personId: "priya-ashdown", name: "Priya Ashdown" },
      teamManager: { personId: "tom-brackley", name: "Tom Brackley" },
      children: [
        {
          childId: "rf-child-1",
          fullName: "Elowen Tresize",
          dateOfBirth: "2016-09-14",
          homeAddress: "3 Fictional Lane, Testbury",
          placementAddress: null,
          carer: null,
          gender: "male",
          caseNumber: "ICS-rf-child-1"
        }
      ],
      requestTypes: ["exceptional_accommodation"],
      request: form.request,
      reason: form.reason,
      presentationReasons: ["edge_of_care_support"],
      proposedPlan: form.proposedPlan,
      caseSummary: form.caseSummary,
      currentSituation: form.currentSituation,
      workingWell: form.workingWell,
      worries: form.worries,
      needsToChange: form.needsToChange,
      workAlreadyDone: form.workAlreadyDone,
      expectedOutcome: form.expectedOutcome,
      durationAndExit: form.durationAndExit,
      annualCostPence: 9_100_000,
      partOfCareProceedings: true,
      respiteOrFamilySupport: true,
      parentalHistory: [{ parent: "Stepfather", kind: "criminal_conviction", date: "2021-03-01", detail: "Burglary, 2021" }],
      lastReviewOutcome: { date: "2027-04-26", outcome: "Child in need plan continues with an edge-of-care referral" },
      childWishes: form.childWishes,
      parentsViews: form.parentsViews,
      documents: [{ documentId: "rf-child-1-form", kind: "referral_form", title: "Referral form" }],
      createdAt: read.createdAt,
      createdBy: { personId: staff.socialWorker.personId, name: staff.socialWorker.name, role: "social_worker" },
      submittedAt: read.submittedAt,
      readyAt: read.readyAt,
      pendingApprovals: [],
      approvals: [],
      criteria: [
        {
          ruleId: "CPR-5",
          reason: "accommodation_considered",
          level: "must",
          description: "Every new, emergency, planned or changed placement, and any exceptional accommodation, is decided here",
          explanation: expect.stringContaining("the request is for exceptional accommodation in a hotel or private let")
        }
      ],
      presentationOptional: [],
      latePermissions: [],
      sittingId: null,
      acceptedLate: null,
      hearings: [],
      closedReason: null,
      redirectedTo: null,
      seniorInput: [
        { from: "independent_reviewing_officer", name: "Hana Okafor", givenOn: "2026-09-08", input: "Supports the plan if family time stays weekly" },
        { from: "head_of_service", name: "Grace Dunmore", givenOn: "2026-09-08", input: "Agrees the plan is proportionate" }
      ],
      exceptionalAccommodation: { kind: "hotel", weeklyCostPence: 175_000, valueForMoney: "No foster or residential bed in the county this week" }
    })
    for (const at of [read.createdAt, read.submittedAt, read.readyAt]) near(at)
    expect(Date.parse(read.readyAt)).toBe(Date.parse(read.submittedAt))
  })

  it("a draft with nothing optional filled in reads null or empty for each, never a made-up value", async () => {
    backToNow()
    const { teamManager: _tm, lastReviewOutcome: _lro, seniorInput: _si, ...bare } = exampleForm(panelId, "placement_type", { id: "rf-child-2", name: "Cadan Polglase" })
    const draft = await send(staff.socialWorker, "createReferralDraft", { form: bare })
    expect(draft, JSON.stringify(draft)).toMatchObject({
      __typename: "Referral",
      status: "draft",
      teamId: null,
      teamManager: null,
      annualCostPence: null,
      respiteOrFamilySupport: null,
      partOfCareProceedings: false,
      lastReviewOutcome: null,
      seniorInput: [],
      exceptionalAccommodation: null,
      documents: [],
      submittedAt: null,
      readyAt: null,
      criteria: [],
      sittingId: null,
      acceptedLate: null,
      closedReason: null,
      redirectedTo: null
    })
    const read = await readAs(await tokenFor(app, staff.teamManager), draft.id)
    expect(read).toEqual(draft)
  })

  it("each read of the care-planning fields is logged against the child as request.<field>", async () => {
    backToNow()
    const id = await readyExceptional("rf-child-3", "Morwenna Pascoe")
    const query = `query CarePlanningFields($id: ID!) { referral(id: $id) { ... on Referral { seniorInput { from } exceptionalAccommodation { kind } lastReviewOutcome { date } parentalHistory { kind } } } }`
    const response = await app.post(await tokenFor(app, staff.member), query, { id })
    expect(response.body.data.referral, response.text).toEqual({
      seniorInput: [{ from: "independent_reviewing_officer" }, { from: "head_of_service" }],
      exceptionalAccommodation: { kind: "hotel" },
      lastReviewOutcome: { date: "2027-04-26" },
      parentalHistory: [{ kind: "criminal_conviction" }]
    })
    const logged = await app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make("rf-child-3"))))
    const entry = logged.find((candidate) => candidate.purpose === "CarePlanningFields")
    expect(entry, JSON.stringify(logged)).toMatchObject({ personId: staff.member.personId, role: "panel_member" })
    expect([...entry!.fields].sort()).toEqual(["request.exceptionalAccommodation", "request.lastReviewOutcome", "request.parentalHistory", "request.seniorInput"])
  })
})

describe("a request moved through its life over GraphQL: returned, withdrawn, late, redirected", () => {
  it("returned for changes by the team manager it is a draft again, no longer ready; withdrawn it reads its reason; then nothing more can be done", async () => {
    backToNow()
    const id = await readyExceptional("rf-child-4", "Jory Trevail")
    const byWorker = await send(staff.socialWorker, "returnReferralForChanges", { referralId: id, reason: "Add the cost" })
    expect(byWorker, JSON.stringify(byWorker)).toMatchObject({ __typename: "NotPermitted", action: "return a request for changes" })
    const returned = await send(staff.teamManager, "returnReferralForChanges", { referralId: id, reason: "Say why a hotel and not a residential bed" })
    expect(returned, JSON.stringify(returned)).toMatchObject({ __typename: "Referral", id, status: "draft", readyAt: null, pendingApprovals: [], approvals: [] })
    const again = await send(staff.teamManager, "returnReferralForChanges", { referralId: id, reason: "Again" })
    expect(again, JSON.stringify(again)).toMatchObject({ __typename: "ReferralNotInStatus", refusedStatus: "draft", message: "You cannot return this request for changes: this request is still a draft." })

    const withdrawn = await send(staff.socialWorker, "withdrawReferral", { referralId: id, reason: "A residential bed was found" })
    expect(withdrawn, JSON.stringify(withdrawn)).toMatchObject({ __typename: "Referral", status: "withdrawn", closedReason: "A residential bed was found", redirectedTo: null })
    expect((await readAs(await tokenFor(app, staff.administrator), id)).closedReason).toBe("A residential bed was found")
    const afterwards = await send(staff.teamManager, "returnReferralForChanges", { referralId: id, reason: "Too late" })
    expect(afterwards, JSON.stringify(afterwards)).toMatchObject({ __typename: "ReferralNotInStatus", refusedStatus: "withdrawn" })
  })

  it("CPR-4: ready after the deadline it is refused a sitting until the chair lets it on; then it reads as accepted late, and its submission clock as met late", async () => {
    backToNow()
    const sitting = await run(app, staff.administrator, "scheduleSitting", onSitting, { panelId, date: sittingDate(app, policy, 42) })
    const startsAt = Date.parse(sitting.startsAt)
    app.travelTo(new Date(startsAt - 20 * hour))
    const id = await readyExceptional("rf-child-5", "Tegen Rowse")
    const refused = await send(staff.administrator, "acceptReferralOntoSitting", { referralId: id, sittingId: sitting.id })
    expect(refused, JSON.stringify(refused)).toMatchObject({ __typename: "LateRequest", code: "LateRequest", ruleId: "CPR-4" })
    expect(refused.message).toMatch(/It needs the permission of the .*to be heard then\.$/)
    const deadline = Date.parse(refused.deadline)
    expect(deadline).toBeLessThan(startsAt - 20 * hour)
    expect(new Date(deadline).toLocaleString("en-GB", { timeZone: "Europe/London", weekday: "long", hour: "2-digit", minute: "2-digit" })).toBe("Monday 17:00")

    const byWorker = await send(staff.socialWorker, "grantLatePermission", { referralId: id, sittingId: sitting.id, reason: "Urgent" })
    expect(byWorker, JSON.stringify(byWorker)).toMatchObject({ __typename: "NotPermitted", action: "let a late request onto the agenda" })
    const granted = await send(staff.chair, "grantLatePermission", { referralId: id, sittingId: sitting.id, reason: "The hotel booking ends on Friday" })
    expect(granted.latePermissions, JSON.stringify(granted)).toEqual([
      { sittingId: sitting.id, reason: "The hotel booking ends on Friday", by: { personId: staff.chair.personId, name: staff.chair.name, role: "panel_chair" } }
    ])
    expect(granted.status).toBe("ready")
    const accepted = await send(staff.administrator, "acceptReferralOntoSitting", { referralId: id, sittingId: sitting.id })
    expect(accepted, JSON.stringify(accepted)).toMatchObject({ __typename: "Referral", status: "accepted", sittingId: sitting.id, acceptedLate: true })

    const clocks = await app.post(await tokenFor(app, staff.administrator), `query Clocks($id: String) { deadlines(aboutId: $id, includeMet: true) { ${deadlineFields} } }`, { id })
    expect(clocks.body.data.deadlines, clocks.text).toEqual([
      {
        id: `${id}:submission:${sitting.id}`,
        aboutKind: "referral",
        aboutId: id,
        title: expect.stringMatching(/^Request complete and approved for the sitting on /),
        ruleId: "CPR-4",
        due: clocks.body.data.deadlines[0].due,
        state: "met",
        metAt: clocks.body.data.deadlines[0].metAt,
        metLate: true,
        explanation: expect.stringMatching(/CPR-4.*; met late, at /)
      }
    ])
    expect(Date.parse(clocks.body.data.deadlines[0].due)).toBe(deadline)
    expect(Date.parse(clocks.body.data.deadlines[0].metAt)).toBe(Date.parse(accepted.readyAt))
    backToNow()
  })

  it("CPR-5: a request this panel does not decide is redirected only citing the rule that applies, and to where the caller says", async () => {
    backToNow()
    const draft = await send(staff.socialWorker, "createReferralDraft", { form: exampleForm(panelId, "edge_of_care_resource", { id: "rf-child-6", name: "Lowena Hocking" }) })
    const referralId = draft.id as string
    const byWorker = await send(staff.socialWorker, "redirectReferral", { referralId, ruleId: "CPR-5", reason: "Edge of care", redirectTo: "Edge of Care panel" })
    expect(byWorker, JSON.stringify(byWorker)).toMatchObject({ __typename: "NotPermitted", action: "send a request to another panel" })
    const wrongRule = await send(staff.administrator, "redirectReferral", { referralId, ruleId: "CPR-1", reason: "Edge of care" })
    expect(wrongRule, JSON.stringify(wrongRule)).toMatchObject({ __typename: "RedirectNotAllowed", ruleId: "CPR-1" })
    expect(wrongRule.message).toBe("CPR-1 is not a rule of this panel that sends a request elsewhere. It may leave this panel under CPR-5.")
    const nowhere = await send(staff.administrator, "redirectReferral", { referralId, ruleId: "CPR-5", reason: "Edge of care" })
    expect(nowhere, JSON.stringify(nowhere)).toMatchObject({ __typename: "RedirectNotAllowed", message: "Say where the request goes instead: CPR-5 does not name the panel that decides it." })
    const redirected = await send(staff.administrator, "redirectReferral", { referralId, ruleId: "CPR-5", reason: "An edge-of-care resource is not decided here", redirectTo: "Edge of Care panel" })
    expect(redirected, JSON.stringify(redirected)).toMatchObject({
      __typename: "Referral",
      status: "redirected",
      closedReason: "An edge-of-care resource is not decided here",
      redirectedTo: "Edge of Care panel"
    })
    expect(await readAs(await tokenFor(app, staff.socialWorker), referralId)).toEqual(redirected)
  })
})

describe("what each role may read of the same request (the identity scope, docs/api.md's table)", () => {
  /** docs/api.md's table as rows: per type, the fields withheld as null and those withheld as the marker the header names. */
  const tableRows = () => {
    const [header, rule, ...rows] = disclosureTable().split("\n")
    const marker = /withheld as `"(.+)"` \|$/.exec(header ?? "")?.[1]
    expect(marker, header).toBeDefined()
    expect(rule).toBe("|---|---|---|")
    const names = (cell: string) => [...cell.matchAll(/`(\w+)`/g)].map((match) => match[1]!)
    const byType = new Map(
      rows.map((row) => {
        const [, type, nulls, texts] = row.split("|").map((cell) => cell.trim())
        // a field withheld only "(when ...)" its value is art. 9 or 10 data is not withheld always
        return [names(type!)[0]!, { nulls: names(nulls!.replace(/`\w+` \(when [^)]*\)/g, "")), texts: names(texts!) }] as const
      })
    )
    return { marker: marker!, byType }
  }

  /** What a reader without the identity scope should get: the staff member's answer with the table's fields withheld. */
  const withheld = (value: unknown, table: ReturnType<typeof tableRows>): unknown => {
    if (Array.isArray(value)) return value.map((item) => withheld(item, table))
    if (value === null || typeof value !== "object") return value
    const record = value as Record<string, unknown>
    const row = table.byType.get(String(record.__typename))
    return Object.fromEntries(
      Object.entries(record).map(([key, field]) => [
        key,
        row?.nulls.includes(key) ? null : row?.texts.includes(key) ? (Array.isArray(field) ? [table.marker] : table.marker) : withheld(field, table)
      ])
    )
  }
  const typedQuery = referralQuery.replaceAll("{ ", "{ __typename ")

  it("an integrator without the identity scope reads every field the table does not withhold exactly as staff do; the table's fields as null or the marker", async () => {
    backToNow()
    const id = await readyExceptional("rf-child-7", "Senara Kitto")
    const table = tableRows()
    for (const type of ["Referral", "Child", "ParentalHistory", "ReviewOutcome", "SeniorInput", "ExceptionalAccommodation", "Document"]) {
      expect(table.byType.has(type), type).toBe(true)
    }
    const worker = (await app.post(await tokenFor(app, staff.socialWorker), typedQuery, { id })).body.data.referral
    expect(worker.children[0].fullName).toBe("Senara Kitto")
    const integrator = await app.post(await tokenFor(app, staff.integrator), typedQuery, { id })
    expect(integrator.body.errors, integrator.text).toBeUndefined()
    expect(integrator.body.data.referral).toEqual(withheld(worker, table))
    expect(integrator.body.data.referral.children[0].fullName).toBeNull()
    expect(integrator.body.data.referral.request).toBe(table.marker)
    expect(integrator.body.data.referral.exceptionalAccommodation).toEqual({ __typename: "ExceptionalAccommodation", kind: "hotel", weeklyCostPence: 175_000, valueForMoney: table.marker })
    expect(integrator.text).not.toContain("Senara")
    expect(integrator.text).not.toContain("Stepfather")
  })

  it("staff of every role, an integrator granted the scope, and an integrator who also holds a staff role read the request whole", async () => {
    backToNow()
    const id = await readyExceptional("rf-child-8", "Kenver Angove")
    const worker = (await app.post(await tokenFor(app, staff.socialWorker), typedQuery, { id })).body.data.referral
    const readers = [
      await tokenFor(app, staff.member),
      await tokenFor(app, staff.auditor),
      await tokenFor(app, staff.chair),
      await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"], personId: "bridge-9", name: "Case System Bridge" }),
      await app.token(policy.authority.id, ["integrator", "panel_member"], { personId: "dual-1", name: "Dual Role" })
    ]
    for (const token of readers) {
      const response = await app.post(token, typedQuery, { id })
      expect(response.body.data.referral, response.text).toEqual(worker)
      const viewer = await app.post(token, "query Who { viewer { identityGranted } }")
      expect(viewer.body.data.viewer.identityGranted, viewer.text).toBe(true)
    }
    const bare = await app.post(await tokenFor(app, staff.integrator), "query Who { viewer { identityGranted } }")
    expect(bare.body.data.viewer.identityGranted).toBe(false)
  })
})

describe("the request list's filters and the single read's refusals", () => {
  it("createdFrom and createdTo keep the London days on or after and on or before, alone or together, with the team filter", async () => {
    const teamId = "team-dates"
    const made: string[] = []
    for (const [daysAgo, child] of [
      [3, "rf-child-9"],
      [1, "rf-child-10"],
      [0, "rf-child-11"]
    ] as const) {
      app.travelTo(new Date(Date.now() - daysAgo * day))
      const draft = await send(staff.socialWorker, "createReferralDraft", { form: { ...exampleForm(panelId, "placement_type", { id: child, name: "Fictional Child" }), teamId } })
      made.push(draft.id)
    }
    backToNow()
    const londonDay = (daysAgo: number) => new Date(Date.now() - daysAgo * day).toLocaleDateString("en-CA", { timeZone: "Europe/London" })
    const query = `query Dated($teamId: ID, $panelId: ID, $createdFrom: Date, $createdTo: Date) {
      referrals(teamId: $teamId, panelId: $panelId, createdFrom: $createdFrom, createdTo: $createdTo, first: 100) { edges { node { id teamId } } } }`
    const ids = async (variables: Record<string, unknown>) => {
      const response = await app.post(await tokenFor(app, staff.administrator), query, { teamId, ...variables })
      expect(response.body.errors, response.text).toBeUndefined()
      return response.body.data.referrals.edges.map((edge: { node: { id: string } }) => edge.node.id)
    }
    expect(await ids({})).toEqual(made)
    expect(await ids({ panelId })).toEqual(made)
    expect(await ids({ panelId: "no-such-panel" })).toEqual([])
    expect(await ids({ createdFrom: londonDay(1) })).toEqual(made.slice(1))
    expect(await ids({ createdTo: londonDay(1) })).toEqual(made.slice(0, 2))
    expect(await ids({ createdFrom: londonDay(3), createdTo: londonDay(1) })).toEqual(made.slice(0, 2))
    expect(await ids({ createdFrom: londonDay(1), createdTo: londonDay(1) })).toEqual([made[1]])
    expect(await ids({ createdFrom: londonDay(2), createdTo: londonDay(2) })).toEqual([])
  })

  it("referral(id) with an empty id answers InvalidInput naming `id`; an unknown id answers NotFound naming it", async () => {
    const token = await tokenFor(app, staff.socialWorker)
    expect(await readAs(token, "")).toEqual({
      __typename: "InvalidInput",
      code: "InvalidInput",
      message: "Please correct: id must not be empty.",
      problems: [{ path: "id", message: "must not be empty" }]
    })
    expect(await readAs(token, "ref-nobody")).toMatchObject({ __typename: "NotFound", notFoundId: "ref-nobody", what: "request" })
  })
})

describe("a decided request's hearing and its documents over GraphQL", () => {
  const documentFields = "... on PanelDocument { kind title stage pdfPath htmlPath }"
  const documentRefusal = "__typename ... on DomainError { code message } ... on InvalidInput { problems { path message } } ... on NotFound { what }"

  it("the hearing reads its sitting; the decision sheet and minutes name where they download; an unnamed query is logged as such", async () => {
    backToNow()
    const child = { id: "rf-child-12", name: "Demelza Opie" }
    const referral = await readyRequest(app, policy, child)
    const sitting = await sittingWith(app, policy, [referral.id])
    const decision = await decide(app, policy, referral.id, sitting)
    backToNow()
    const read = await readAs(await tokenFor(app, staff.socialWorker), referral.id)
    expect(read, JSON.stringify(read)).toMatchObject({ status: "decided", sittingId: sitting.id, acceptedLate: false })
    expect(read.hearings).toEqual([{ decisionId: decision.id, sittingId: sitting.id, outcome: "approve", at: read.hearings[0].at }])
    expect(Date.parse(read.hearings[0].at)).toBeGreaterThanOrEqual(Date.parse(sitting.startsAt))

    const sheetQuery = `query Sheet($decisionId: ID!, $childId: ID!) { decisionSheet(decisionId: $decisionId, childId: $childId) { ${documentRefusal} ${documentFields} } }`
    const sheet = await app.post(await tokenFor(app, staff.teamManager), sheetQuery, { decisionId: decision.id, childId: child.id })
    const base = `/documents/decision-sheets/${decision.id}/${child.id}`
    expect(sheet.body.data.decisionSheet, sheet.text).toMatchObject({ __typename: "PanelDocument", kind: "decision_sheet", pdfPath: `${base}.pdf`, htmlPath: `${base}.html` })
    const page = await fetch(`${app.url}${sheet.body.data.decisionSheet.htmlPath}`, { headers: { authorization: `Bearer ${await tokenFor(app, staff.teamManager)}` } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(child.name)

    // no operation name: the access log's purpose says so
    const minutes = await app.post(await tokenFor(app, staff.chair), `{ minutes(sittingId: "${sitting.id}") { ${documentRefusal} ${documentFields} } }`)
    expect(minutes.body.errors, minutes.text).toBeUndefined()
    expect(minutes.body.data.minutes).toMatchObject({ __typename: "PanelDocument", kind: "minutes", htmlPath: `/documents/minutes/${sitting.id}.html`, pdfPath: `/documents/minutes/${sitting.id}.pdf` })
    const logged = await app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make(child.id))))
    expect(logged.filter((entry) => entry.personId === staff.chair.personId).map((entry) => entry.purpose)).toContain("unnamed query")
  })

  it("documents asked for with empty ids answer InvalidInput naming each argument", async () => {
    const token = await tokenFor(app, staff.chair)
    const minutes = await app.post(token, `query M($id: ID!) { minutes(sittingId: $id) { ${documentRefusal} } }`, { id: "" })
    expect(minutes.body.data.minutes, minutes.text).toMatchObject({ __typename: "InvalidInput", problems: [{ path: "sittingId", message: "must not be empty" }] })
    const sheet = await app.post(token, `query S($d: ID!, $c: ID!) { decisionSheet(decisionId: $d, childId: $c) { ${documentRefusal} } }`, { d: "", c: "" })
    expect(sheet.body.data.decisionSheet, sheet.text).toMatchObject({
      __typename: "InvalidInput",
      problems: [
        { path: "decisionId", message: "must not be empty" },
        { path: "childId", message: "must not be empty" }
      ]
    })
  })
})

describe("the deadlines query's filters, each field read back (CPR-4)", () => {
  const deadlinesQuery = `query Clocks($id: String, $states: [DeadlineState!], $kind: DeadlineSubjectKind, $days: Int, $met: Boolean) {
    deadlines(aboutId: $id, states: $states, aboutKind: $kind, dueWithinDays: $days, includeMet: $met) { ${deadlineFields} } }`
  const clocks = async (variables: Record<string, unknown>) => {
    const response = await app.post(await tokenFor(app, staff.administrator), deadlinesQuery, variables)
    expect(response.body.errors, response.text).toBeUndefined()
    return response.body.data.deadlines as ReadonlyArray<Record<string, unknown>>
  }

  it("CPR-4: a request ready in time has its submission clock met (not late), shown only when met clocks are asked for", async () => {
    backToNow()
    await run(app, staff.administrator, "scheduleSitting", onSitting, { panelId, date: sittingDate(app, policy, 49) })
    const id = await readyExceptional("rf-child-13", "Piran Nance")
    expect(await clocks({ id })).toEqual([])
    const met = await clocks({ id, met: true })
    expect(met, JSON.stringify(met)).toEqual([
      expect.objectContaining({ aboutKind: "referral", aboutId: id, ruleId: "CPR-4", state: "met", metLate: false, explanation: expect.not.stringContaining("met late") })
    ])
    const ready = await readAs(await tokenFor(app, staff.administrator), id)
    expect(Date.parse(String(met[0]!.metAt))).toBe(Date.parse(ready.readyAt))
    expect(Date.parse(String(met[0]!.due))).toBeGreaterThan(Date.parse(ready.readyAt))
    expect(await clocks({ id, states: ["met"] })).toEqual(met)
  })

  it("CPR-4: a draft's clock is pending: kept by its own state, kind and due window, left out by another", async () => {
    backToNow()
    await run(app, staff.administrator, "scheduleSitting", onSitting, { panelId, date: sittingDate(app, policy, 56) })
    const draft = await send(staff.socialWorker, "createReferralDraft", { form: exampleForm(panelId, "placement_type", { id: "rf-child-14", name: "Ebrel Carne" }) })
    const id = draft.id as string
    const [clock, ...others] = await clocks({ id })
    expect(others).toEqual([])
    expect(clock, JSON.stringify(clock)).toMatchObject({ aboutKind: "referral", aboutId: id, ruleId: "CPR-4", state: "pending", metAt: null, metLate: null })
    expect(String(clock!.id)).toMatch(new RegExp(`^${id}:submission:`))
    const dueIn = Date.parse(String(clock!.due)) - Date.now()
    expect(dueIn).toBeGreaterThan(7 * day)
    const daysAway = Math.ceil(dueIn / day)
    expect(await clocks({ id, states: ["pending"] })).toEqual([clock])
    expect(await clocks({ id, states: ["overdue", "due_soon"] })).toEqual([])
    expect(await clocks({ id, kind: "referral" })).toEqual([clock])
    expect(await clocks({ id, kind: "sitting" })).toEqual([])
    expect(await clocks({ id, days: daysAway })).toEqual([clock])
    expect(await clocks({ id, days: daysAway - 2 })).toEqual([])
    // The window is counted from the app's clock, as the clock's state is: a day and an hour before it is due, it is
    // due within 2 days and not within 1.
    app.travelTo(new Date(Date.parse(String(clock!.due)) - day - hour))
    expect((await clocks({ id, days: 2 })).map((found) => found.id)).toEqual([clock!.id])
    expect(await clocks({ id, days: 1 })).toEqual([])
    backToNow()
  })

  it("dueWithinDays outside 0 to 3660 is refused in words; the ends of the range are accepted", async () => {
    const token = await tokenFor(app, staff.administrator)
    for (const days of [-1, 3661]) {
      const response = await app.post(token, deadlinesQuery, { days })
      expect(response.body.errors?.[0], response.text).toMatchObject({ message: `Please correct: dueWithinDays must be from 0 to 3660, not ${days}.`, extensions: { code: "InvalidInput" } })
    }
    for (const days of [0, 3660]) {
      const response = await app.post(token, deadlinesQuery, { days })
      expect(response.body.errors, response.text).toBeUndefined()
      expect(Array.isArray(response.body.data.deadlines)).toBe(true)
    }
  })
})

describe("the schema is refused at start-up where fieldScopes.ts cannot be applied to it", () => {
  /** The served schema's SDL with one field of one type rewritten as `replacement` (a whole field definition). */
  const edited = (typeName: string, fieldName: string, replacement: string) => {
    const sdl = printSchema(schema)
    const start = sdl.indexOf(`type ${typeName} {`)
    const end = sdl.indexOf("\n}", start)
    expect(start, typeName).toBeGreaterThanOrEqual(0)
    const block = sdl.slice(start, end).replace(new RegExp(`\\n  ${fieldName}: [^\\n]+`), `\n  ${replacement}`)
    expect(block).not.toBe(sdl.slice(start, end))
    return buildSchema(sdl.slice(0, start) + block + sdl.slice(end))
  }

  it("the served schema's own SDL takes the scopes", () => {
    expect(() => applyDisclosure(buildSchema(printSchema(schema)))).not.toThrow()
  })

  it("an identity field the schema lacks, one that cannot be null, or free text that is not a String each stop the build naming the field", () => {
    expect(() => applyDisclosure(edited("Child", "fullName", "formerName: String"))).toThrow("fieldScopes.ts names Child.fullName, which the schema does not have")
    expect(() => applyDisclosure(edited("Child", "fullName", "fullName: String!"))).toThrow("Child.fullName is withheld as null, so it must be nullable")
    expect(() => applyDisclosure(edited("Action", "description", "description: Int!"))).toThrow("description: only String fields (or lists of them) can be withheld as free text")
    expect(() => applyDisclosure(edited("Disagreement", "areas", "areas: [[String!]!]!"))).toThrow("areas: only String fields (or lists of them) can be withheld as free text")
  })
})
