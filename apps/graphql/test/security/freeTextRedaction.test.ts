import { AccessLog, AuthorityId, ChildId, preset } from "@carepanel/core"
import { Effect } from "effect"
import { staffOf } from "@carepanel/core/testing"
import { GraphQLEnumType, type GraphQLField, GraphQLObjectType, getNamedType, type GraphQLResolveInfo } from "graphql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { freeTextFields, identityFields, identityWhenFields, openFields, redactedText } from "../../src/schema/disclosure/fieldScopes.js"
import { disclosureTable } from "../../src/schema/disclosure/disclosureTable.js"
import { schema } from "../../src/schema/index.js"
import { startTestApp, type TestApp } from "../support/harness.js"
import { decide, readyRequest, sittingWith, tokenFor } from "../support/scenario.js"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

/** A fictional name written into every free-text field of one case: no part of it may reach an integrator without the scope. */
const canary = "Ottoline Vexworth"
const write = (text: string) => `${canary}: ${text}`

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const child = { id: "canary-child-1", name: canary }
/** The request form's free-text fields, each written with the canary's name. */
const formTextFields = [
  "request",
  "reason",
  "proposedPlan",
  "caseSummary",
  "currentSituation",
  "workingWell",
  "worries",
  "needsToChange",
  "workAlreadyDone",
  "expectedOutcome",
  "durationAndExit",
  "childWishes",
  "parentsViews"
] as const

let app: TestApp
let ids: { referralId: string; sittingId: string; decisionId: string }

beforeAll(async () => {
  app = await startTestApp([policy])
  const referral = await readyRequest(app, policy, child, (form) => ({
    ...form,
    children: form.children.map((entry) => ({ ...entry, ...specialCategory, unaccompaniedAsylumSeeking: true, legalStatus: "J2 (placed under PACE)" })),
    ...Object.fromEntries(formTextFields.map((field) => [field, write(form[field] ?? "")])),
    parentalHistory: [{ parent: `${canary}'s father`, kind: "criminal_conviction", date: "2019-03-01", detail: write("assault") }] as never,
    ...(form.lastReviewOutcome === undefined ? {} : { lastReviewOutcome: { ...form.lastReviewOutcome, outcome: write(form.lastReviewOutcome.outcome) } }),
    seniorInput: (form.seniorInput ?? []).map((input) => ({ ...input, input: write(input.input) }))
  }))
  const sitting = await sittingWith(app, policy, [referral.id])
  const decision = await decide(app, policy, referral.id, sitting, (content) => ({
    ...content,
    rationale: write(content.rationale),
    ...(content.minutes === undefined
      ? {}
      : { minutes: { workingWell: write(content.minutes.workingWell), worries: write(content.minutes.worries), needsToHappen: write(content.minutes.needsToHappen) } }),
    actions: content.actions.map((action) => ({ ...action, description: write(action.description) }))
  }))
  ids = { referralId: referral.id, sittingId: sitting.id, decisionId: decision.id }
  const born = await app.post(await tokenFor(app, staff.socialWorker), recordDateOfBirth, { input: { childId: child.id, dateOfBirth: "2016-09-14" } })
  expect(born.body.data.recordChildDateOfBirth.__typename, born.text).toBe("ChildRecord")
  const socialWorker = await tokenFor(app, staff.socialWorker)
  const died = await app.post(socialWorker, recordDeath, { input: { childId: child.id, diedOn: mistakenDeath } })
  expect(died.body.data.recordChildDeath.__typename, died.text).toBe("ChildRecord")
  const withdrawn = await app.post(socialWorker, withdrawDeath, { input: { childId: child.id, diedOn: mistakenDeath, reason: "Recorded against the wrong child." } })
  expect(withdrawn.body.data.withdrawChildDeath.__typename, withdrawn.text).toBe("ChildRecord")
})
afterAll(() => app.close())

const referralText =
  "request reason proposedPlan caseSummary currentSituation workingWell worries needsToChange workAlreadyDone expectedOutcome durationAndExit childWishes parentsViews closedReason"
const everything = `query Everything($referralId: ID!, $sittingId: ID!, $decisionId: ID!) {
  referral(id: $referralId) { ... on Referral {
    ${referralText}
    children { fullName dateOfBirth homeAddress carer }
    documents { title }
    parentalHistory { parent detail date }
    lastReviewOutcome { outcome }
    seniorInput { name input }
  } }
  sitting(id: $sittingId) { ... on Sitting { agenda { summary } } }
  decision(id: $decisionId) { ... on Decision { rationale minutes { workingWell worries needsToHappen } actions { description evidence outstandingReason } } }
  caseHistory(referralId: $referralId) { ... on CaseHistory { events { type data } } }
  deadlines { title }
}`

/** UK GDPR art. 9's special categories on the canary child: ethnic origin, and health (a disability, special educational needs). */
const specialCategory = { ethnicity: "Gypsy/Roma", disabled: true, specialEducationalNeeds: true }
const mistakenDeath = "2024-03-17"
const recordDeath = `mutation Died($input: RecordChildDeathInput!) { recordChildDeath(input: $input) { __typename } }`
const withdrawDeath = `mutation Alive($input: WithdrawChildDeathInput!) { withdrawChildDeath(input: $input) { __typename } }`
const specialQuery = `query Special($referralId: ID!, $childId: ID!) {
  referral(id: $referralId) { ... on Referral { children { childId ethnicity disabled specialEducationalNeeds } } }
  childRecord(childId: $childId) { ... on ChildRecord { withdrawnEntries { kind what } } }
}`
const legalStatuses = `query LegalStatuses($childId: ID!, $aboutId: String!, $referralId: ID!) {
  childRecord(childId: $childId) { ... on ChildRecord { legalStatus { code label } legalStatuses { code label from } lookedAfterPeriods { how } } }
  referral(id: $referralId) { ... on Referral { children { legalStatus } } }
  deadlines(aboutKind: child, aboutId: $aboutId, includeMet: true) { ruleId explanation }
}`
const recordLegalStatus = `mutation Status($input: RecordLegalStatusInput!) { recordLegalStatus(input: $input) { __typename } }`
const periods = `query Periods($childId: ID!) { childRecord(childId: $childId) { ... on ChildRecord { lookedAfter { from } lookedAfterPeriods { from endedAt } } } }`
const pastRetention = `query Past($on: Date) { childRecordsPastRetention(on: $on) { childId } }`
const recordDateOfBirth = `mutation Born($input: RecordChildDateOfBirthInput!) { recordChildDateOfBirth(input: $input) { __typename } }`
const childRecord = `query ChildRecordDates($childId: ID!) { childRecord(childId: $childId) { ... on ChildRecord { childId dateOfBirth diedOn retention { keepUntil explanation } } } }`

/** What a parent's conviction (art. 10) and an unaccompanied asylum-seeking child (LIN-4) make of a request's enums and flags. */
const sensitiveQuery = `query Sensitive($referralId: ID!) { referral(id: $referralId) { ... on Referral {
  status requestTypes
  children { childId caseNumber gender plan unaccompaniedAsylumSeeking engagingInEducation }
  parentalHistory { kind }
  presentationReasons
  criteria { ruleId reason description }
  presentationOptional { ruleId description }
} } }`

const readAs = async (token: string) => {
  const response = await app.post(token, everything, ids)
  expect(response.body.errors, response.text).toBeUndefined()
  return response
}

describe("free text identifies children (issue 14, item 6)", () => {
  it("an integrator without the identity scope reads every free-text field of a case and sees no part of the child's name", async () => {
    const response = await readAs(await tokenFor(app, staff.integrator))
    expect(response.text).not.toContain(canary)
    expect(response.text).not.toContain("Vexworth")
    const referral = response.body.data.referral
    for (const field of referralText.split(" ")) expect(referral[field], field).toBe(redactedText)
    expect(referral.children).toEqual([{ fullName: null, dateOfBirth: null, homeAddress: null, carer: null }])
    expect(referral.parentalHistory).toBeNull()
    expect(response.text).not.toContain("2019-03-01")
    expect(referral.seniorInput.map((input: { input: string }) => input.input)).toEqual(referral.seniorInput.map(() => redactedText))
    expect(response.body.data.decision.rationale).toBe(redactedText)
    expect(response.body.data.decision.actions.length).toBeGreaterThan(0)
    expect(response.body.data.sitting.agenda[0].summary).toBe(redactedText)
    expect(response.body.data.deadlines.length).toBeGreaterThan(0)
    for (const deadline of response.body.data.deadlines) expect(deadline.title).toBe(redactedText)
  })

  it("the same query shows the text to an integrator whose token grants the scope, and to staff", async () => {
    const scoped = await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] })
    for (const token of [scoped, await tokenFor(app, staff.socialWorker)]) {
      const response = await readAs(token)
      expect(response.body.data.referral.request).toContain(canary)
      expect(response.body.data.decision.rationale).toContain(canary)
      expect(response.body.data.referral.parentalHistory[0]).toMatchObject({ parent: expect.stringContaining(canary), date: "2019-03-01" })
    }
  })

  it("an integrator without the scope is not told the child's date of birth by the child's record, nor by its retention date (75 years on)", async () => {
    const withheld = await app.post(await tokenFor(app, staff.integrator), childRecord, { childId: child.id })
    expect(withheld.body.data.childRecord).toEqual({ childId: child.id, dateOfBirth: null, diedOn: null, retention: null })
    expect(withheld.text).not.toContain("2016")
    expect(withheld.text).not.toContain("2091")
    const scoped = await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] })
    for (const token of [scoped, await tokenFor(app, staff.socialWorker)]) {
      const shown = await app.post(token, childRecord, { childId: child.id })
      expect(shown.body.data.childRecord).toMatchObject({ dateOfBirth: "2016-09-14", retention: { keepUntil: "2091-09-14" } })
    }
  })

  it("an integrator without the scope is told a child's case id, not the child's ethnic origin, disability or special educational needs (UK GDPR art. 9), nor a withdrawn death's date", async () => {
    const withheld = await app.post(await tokenFor(app, staff.integrator), specialQuery, { referralId: ids.referralId, childId: child.id })
    expect(withheld.body.errors, withheld.text).toBeUndefined()
    expect(withheld.body.data.referral.children).toEqual([{ childId: child.id, ethnicity: null, disabled: null, specialEducationalNeeds: null }])
    expect(withheld.body.data.childRecord.withdrawnEntries).toEqual([{ kind: "death", what: redactedText }])
    expect(withheld.text).not.toMatch(/Roma|2024|17 March/)
    const scoped = await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] })
    for (const token of [scoped, await tokenFor(app, staff.socialWorker)]) {
      const shown = await app.post(token, specialQuery, { referralId: ids.referralId, childId: child.id })
      expect(shown.body.data.referral.children).toEqual([{ childId: child.id, ...specialCategory }])
      expect(shown.body.data.childRecord.withdrawnEntries[0].what).toMatch(/2024/)
    }
  })

  it("an integrator without the scope is not told of a parent's conviction (UK GDPR art. 10), that the child seeks asylum unaccompanied, the child's gender or plan, nor why the case comes to panel; the request's status and what it asks stay shown", async () => {
    const withheld = await app.post(await tokenFor(app, staff.integrator), sensitiveQuery, { referralId: ids.referralId })
    expect(withheld.body.errors, withheld.text).toBeUndefined()
    const referral = withheld.body.data.referral
    expect(referral).toMatchObject({ status: "decided", requestTypes: [expect.any(String)] })
    expect(referral.children).toEqual([{ childId: child.id, caseNumber: expect.any(String), gender: null, plan: null, unaccompaniedAsylumSeeking: null, engagingInEducation: true }])
    expect(referral.parentalHistory).toBeNull()
    expect(referral).toMatchObject({ presentationReasons: null, criteria: null, presentationOptional: null })
    expect(withheld.text).not.toMatch(/conviction|asylum|LIN-2|LIN-4|"male"|"CIN"/)
    const scoped = await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] })
    for (const token of [scoped, await tokenFor(app, staff.socialWorker)]) {
      const shown = (await app.post(token, sensitiveQuery, { referralId: ids.referralId })).body.data.referral
      expect(shown.children).toEqual([{ childId: child.id, caseNumber: expect.any(String), gender: "male", plan: "CIN", unaccompaniedAsylumSeeking: true, engagingInEducation: true }])
      expect(shown.parentalHistory).toEqual([{ kind: "criminal_conviction" }])
      expect(shown.criteria).toContainEqual({ ruleId: "LIN-2", reason: "parental_convictions", description: "A parent or caregiver has criminal convictions" })
      expect(shown.presentationOptional).toEqual([{ ruleId: "LIN-4", description: expect.stringMatching(/asylum/) }])
    }
  })

  it("an integrator without the scope is refused the records past retention (a day of its choosing would give each child's date of birth or death away); a scoped one is answered", async () => {
    const refused = await app.post(await tokenFor(app, staff.integrator), pastRetention, { on: "2100-01-01" })
    expect(refused.body.data, refused.text).toBeNull()
    expect(refused.body.errors, refused.text).toMatchObject([{ extensions: { code: "NotPermitted" } }])
    expect(refused.body.errors[0].message).toMatch(/identity scope/)
    expect(refused.text).not.toContain(child.id)
    const scoped = await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] })
    const answered = await app.post(scoped, pastRetention, { on: "2100-01-01" })
    expect(answered.body.data.childRecordsPastRetention, answered.text).toContainEqual({ childId: child.id })
  })

  it("an integrator without the scope is not told when a looked-after child died by the end of the period the death ended (STAT-R33); when it began stays shown", async () => {
    const worker = await tokenFor(app, staff.socialWorker)
    const died = "canary-child-2"
    const from = new Date(Date.now() - 3 * 3_600_000).toISOString()
    const status = await app.post(worker, recordLegalStatus, { input: { childId: died, code: "C2", from } })
    expect(status.body.data.recordLegalStatus.__typename, status.text).toBe("ChildRecord")
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/London" })
    const death = await app.post(worker, recordDeath, { input: { childId: died, diedOn: today } })
    expect(death.body.data.recordChildDeath.__typename, death.text).toBe("ChildRecord")
    const withheld = await app.post(await tokenFor(app, staff.integrator), periods, { childId: died })
    expect(withheld.body.data.childRecord, withheld.text).toEqual({ lookedAfter: null, lookedAfterPeriods: [{ from, endedAt: null }] })
    const shown = await app.post(worker, periods, { childId: died })
    expect(shown.body.data.childRecord.lookedAfterPeriods[0].endedAt).not.toBeNull()
  })

  it("an integrator without the scope is not told an offence legal status (J1-J3, UK GDPR art. 10), on the record, the request form or a review's clock; every other code stays shown", async () => {
    const worker = await tokenFor(app, staff.socialWorker)
    const remanded = "canary-child-3"
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString()
    const [remandedFrom, careOrderFrom] = [hoursAgo(3), hoursAgo(1)]
    for (const [code, from] of [["J1", remandedFrom], ["C2", careOrderFrom]] as const) {
      const status = await app.post(worker, recordLegalStatus, { input: { childId: remanded, code, from } })
      expect(status.body.data.recordLegalStatus.__typename, status.text).toBe("ChildRecord")
    }
    const read = async (token: string) => {
      const response = await app.post(token, legalStatuses, { childId: remanded, aboutId: remanded, referralId: ids.referralId })
      expect(response.body.errors, response.text).toBeUndefined()
      return response
    }
    const withheld = await read(await tokenFor(app, staff.integrator))
    expect(withheld.body.data.childRecord).toEqual({
      legalStatus: { code: "C2", label: "full care order" },
      legalStatuses: [{ code: null, label: null, from: remandedFrom }, { code: "C2", label: "full care order", from: careOrderFrom }],
      lookedAfterPeriods: [{ how: null }]
    })
    expect(withheld.body.data.referral.children).toEqual([{ legalStatus: null }])
    const reviews = withheld.body.data.deadlines.filter((deadline: { ruleId: string }) => deadline.ruleId === "STAT-R33")
    expect(reviews.length).toBeGreaterThan(0)
    for (const review of reviews) expect(review.explanation).toBeNull()
    expect(withheld.text).not.toMatch(/J1|J2|remand|PACE/)
    const scoped = await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"] })
    for (const token of [scoped, worker]) {
      const shown = await read(token)
      expect(shown.body.data.childRecord.legalStatuses[0]).toMatchObject({ code: "J1", label: expect.stringMatching(/remanded/) })
      expect(shown.body.data.childRecord.lookedAfterPeriods).toEqual([{ how: expect.stringMatching(/^legal status J1/) }])
      expect(shown.body.data.referral.children).toEqual([{ legalStatus: "J2 (placed under PACE)" }])
      expect(shown.body.data.deadlines.find((deadline: { ruleId: string }) => deadline.ruleId === "STAT-R33").explanation).toMatch(/J1/)
    }
  })

  it("a withheld field is not written to the access log as read; a shown one is", async () => {
    await readAs(await tokenFor(app, staff.integrator))
    await readAs(await tokenFor(app, staff.socialWorker))
    const entries = await app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make(child.id))))
    const textRead = (personId: string) => entries.filter((entry) => entry.personId === personId).flatMap((entry) => entry.fields.filter((field) => referralText.split(" ").some((text) => field === `request.${text}`)))
    expect(textRead(staff.integrator.personId)).toEqual([])
    expect(textRead(staff.socialWorker.personId)).toContain("request.request")
  })
})

type Field = GraphQLField<unknown, unknown>

/** The output fields a value is read from: text, JSON, dates, numbers, flags and every enum. */
const classifiedKinds = ["String", "JSON", "Date", "DateTime", "Boolean", "Int", "Float"]
const isClassified = (field: Field) => {
  const type = getNamedType(field.type)
  return type instanceof GraphQLEnumType || classifiedKinds.includes(type.name)
}
const classifiable = (): ReadonlyArray<string> =>
  Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => type instanceof GraphQLObjectType && !type.name.startsWith("__"))
    .filter((type) => !["Query", "Mutation", "Subscription"].includes(type.name))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter(isClassified)
        .map((field) => `${type.name}.${field.name}`)
    )

/** The output fields whose values are of this type (or lists of it). */
const leadingTo = (typeName: string): ReadonlyArray<string> =>
  Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => type instanceof GraphQLObjectType && !type.name.startsWith("__"))
    .flatMap((type) => Object.values(type.getFields()).filter((field) => getNamedType(field.type).name === typeName).map((field) => `${type.name}.${field.name}`))
    .sort()

const refusals = (): ReadonlySet<string> => new Set(schema.getImplementations(schema.getType("DomainError") as never).objects.map((type) => type.name))
/** "Type.field" for each field of a list (names, or a field's predicate by its name). */
const named = (fields: Readonly<Record<string, ReadonlyArray<string> | object>>) =>
  Object.entries(fields).flatMap(([type, names]) => (Array.isArray(names) ? names : Object.keys(names)).map((name: string) => `${type}.${name}`))

describe("one place decides which fields the identity scope reveals", () => {
  it("every String, JSON, Date, DateTime, enum, Boolean, Int and Float output field of the schema is classified exactly once (a new field fails here until it is)", () => {
    const classified = [...named(identityFields), ...named(identityWhenFields), ...named(freeTextFields), ...named(openFields)]
    expect(classified.length).toBe(new Set(classified).size)
    const unclassified = classifiable().filter((field) => !refusals().has(field.split(".")[0]!) && !classified.includes(field))
    expect(unclassified).toEqual([])
    // identity and free-text names are checked when the schema is built (applyDisclosure throws on a missing field)
    expect(named(openFields).filter((field) => !classifiable().includes(field))).toEqual([])
  })

  it("every output field that dates a child's birth or death is withheld as identity, whatever its type", () => {
    const dated = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => type instanceof GraphQLObjectType && !type.name.startsWith("__") && !refusals().has(type.name))
      .filter((type) => !["Query", "Mutation", "Subscription"].includes(type.name))
      .flatMap((type) => Object.keys(type.getFields()).filter((name) => ["dateOfBirth", "diedOn"].includes(name)).map((name) => `${type.name}.${name}`))
    expect(dated.length).toBeGreaterThan(1)
    expect(dated.filter((field) => !named(identityFields).includes(field))).toEqual([])
    // Retention's date is 75 years from the birth: its fields are open only because every field that leads to one is withheld
    expect(leadingTo("Retention")).toEqual(["ChildRecord.retention"])
    expect(named(identityFields)).toContain("ChildRecord.retention")
  })

  it("what tells a parent's conviction, a disability, asylum seeking or SEN or health funding is reached only through withheld fields", () => {
    // their fields are open (a rule's id and words, a reason, a partner) only because every field that leads to them is withheld
    const behindWithheld = {
      Criterion: ["Referral.criteria"],
      OptionalPresentation: ["Referral.presentationOptional"],
      SharedFunding: ["Decision.sharedFunding"],
      PresentationReason: ["Criterion.reason", "Referral.presentationReasons"],
      ParentalHistoryKind: ["ParentalHistory.kind"],
      FundingPartner: ["SharedFunding.partners"],
      ParentalHistory: ["Referral.parentalHistory"]
    }
    for (const [typeName, fields] of Object.entries(behindWithheld)) expect(leadingTo(typeName), typeName).toEqual(fields)
    expect(named(identityFields)).toEqual(expect.arrayContaining(["Referral.criteria", "Referral.presentationOptional", "Decision.sharedFunding", "Referral.presentationReasons", "ParentalHistory.kind", "Referral.parentalHistory"]))
  })

  it("every withheld field of the built schema answers without reading its source when the caller lacks the scope", async () => {
    const untouchable = new Proxy({}, { get: () => expect.fail("a withheld field read its source") })
    const integrator = { caller: { identityGranted: false }, actor: { roles: ["integrator"] } }
    for (const [list, expected] of [
      [identityFields, (_field: Field) => null],
      [freeTextFields, (field: Field) => (String(field.type).startsWith("[") ? [redactedText] : redactedText)]
    ] as const) {
      for (const name of named(list)) {
        const [typeName, fieldName] = name.split(".") as [string, string]
        const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!
        expect(await field.resolve!(untouchable, {}, integrator, {} as GraphQLResolveInfo), name).toEqual(expected(field))
      }
    }
  })

  it("a field withheld only when it holds art. 9 or 10 data answers null for such a source without the scope, the value for any other or with it", async () => {
    const integrator = { caller: { identityGranted: false }, actor: { roles: ["integrator"] } }
    const scoped = { caller: { identityGranted: true }, actor: { roles: ["integrator"] } }
    const resolve = (name: string, source: object, context: object) => {
      const [typeName, fieldName] = name.split(".") as [string, string]
      const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName]!
      return field.resolve!(source, {}, context, { fieldName } as GraphQLResolveInfo)
    }
    const status = (code: string) => ({ code, from: new Date(), by: {}, at: new Date() })
    const clock = (id: string, explanation: string) => ({ id, explanation })
    const cases: ReadonlyArray<readonly [string, object, object]> = [
      ["LegalStatus.code", status("J3"), status("E1")],
      ["LegalStatus.label", status("J1"), status("C2")],
      ["LookedAfterPeriod.how", { route: "legal_status", code: "J2" }, { route: "legal_status", code: "L1" }],
      ["Deadline.explanation", clock("dec_1:complex-needs-template", "after the decision finding joint funding with Health fits"), clock("dec_1:return", "within 6 weeks of the sitting")],
      ["Deadline.explanation", clock("child-1:review", "after the child became looked after (legal status J1: remanded ...)"), clock("child-1:review", "after the child became looked after (legal status V2: ...)")]
    ]
    expect([...new Set(cases.map(([name]) => name))].sort()).toEqual(named(identityWhenFields).filter((name) => name !== "Child.legalStatus").sort())
    for (const [name, offence, care] of cases) {
      expect(await resolve(name, offence, integrator), name).toBeNull()
      expect(await resolve(name, offence, scoped), name).not.toBeNull()
      expect(await resolve(name, care, integrator), name).not.toBeNull()
    }
  })

  it("docs/api.md's table of what the identity scope reveals is the one printed from fieldScopes.ts", () => {
    const doc = repositoryFile("docs/api.md")
    expect(doc).toContain(disclosureTable())
  })
})
