import { AccessLog, AuthorityId, ChildId, preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mutation, onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor } from "./support/scenario.js"

let app: TestApp
let referralId: string
const policy = preset("knowsley")
const staff = staffOf(policy.authority.id)
const child = { id: "fr-child-1", name: "Quinn Alderley" }
const childQuery = `query ReadChild($id: ID!) { referral(id: $id) { ... on Referral { children { childId caseNumber fullName dateOfBirth homeAddress placementAddress plan } } } }`

beforeAll(async () => {
  app = await startTestApp([policy])
  const form = exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, child)
  const withAddress = { ...form, children: form.children.map((entry) => ({ ...entry, homeAddress: "14 Fictional Row, Wexcombe" })) }
  const created = await app.post(await tokenFor(app, staff.socialWorker), mutation("createReferralDraft", onReferral), { input: { form: withAddress } })
  referralId = created.body.data.createReferralDraft.id
})
afterAll(() => app.close())

const accessLog = () =>
  app.runtime.runPromise(Effect.flatMap(AccessLog, (log) => log.forChild(AuthorityId.make(policy.authority.id), ChildId.make(child.id))))

describe("a child's identity", () => {
  it("is withheld from an integrator: name, date of birth, addresses and plan are null; the case number is shown", async () => {
    const response = await app.post(await tokenFor(app, staff.integrator), childQuery, { id: referralId })
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.referral.children).toEqual([
      { childId: child.id, caseNumber: `ICS-${child.id}`, fullName: null, dateOfBirth: null, homeAddress: null, placementAddress: null, plan: null }
    ])
  })

  it("is shown to an integrator whose token grants child.identity.read", async () => {
    const token = await app.token(policy.authority.id, ["integrator"], { scopes: ["child.identity.read"], personId: "bridge-2", name: "Case System Bridge" })
    const response = await app.post(token, childQuery, { id: referralId })
    expect(response.body.data.referral.children[0]).toMatchObject({ fullName: child.name, dateOfBirth: "2016-09-14", homeAddress: "14 Fictional Row, Wexcombe" })
  })

  it("is shown to a social worker", async () => {
    const response = await app.post(await tokenFor(app, staff.socialWorker), childQuery, { id: referralId })
    expect(response.body.data.referral.children[0].fullName).toBe(child.name)
  })

  it("is withheld from an integrator in the case history's event data too", async () => {
    const history = `query H($id: ID!) { caseHistory(referralId: $id) { ... on CaseHistory { events { type by { role } data } } } }`
    const integrator = await app.post(await tokenFor(app, staff.integrator), history, { id: referralId })
    expect(integrator.body.data.caseHistory.events).toEqual([{ type: "DraftCreated", by: { role: "social_worker" }, data: null }])
    expect(integrator.text).not.toContain(child.name)
  })
})

describe("a connected carer's name", () => {
  it("is withheld from an integrator and its read is logged for the child", async () => {
    const worker = await tokenFor(app, staff.socialWorker)
    const tested = await app.post(worker, mutation("recordBasicTest", "... on Placement { id }"), {
      input: { childId: child.id, wouldRefuseToSupportReturnHome: true, wouldAskPoliceToUsePoliceProtection: false, wouldSeekLegalAdviceToStartCareProceedings: false }
    })
    const placementId = tested.body.data.recordBasicTest.id
    const placedAt = new Date(Date.now() - 3_600_000).toISOString()
    const carers = [{ name: "Imogen Fairbrook", relationship: "aunt", hasParentalResponsibility: false }]
    await app.post(worker, mutation("recordPolicePowers", "... on Placement { id }"), { input: { placementId, underPoliceProtection: false } })
    const placed = await app.post(worker, mutation("recordPlacementMade", "... on Placement { id }"), { input: { placementId, placedAt, carers } })
    expect(placed.body.data.recordPlacementMade, placed.text).toEqual({ __typename: "Placement", id: placementId })

    const carersQuery = `query Carers($id: ID!) { placement(id: $id) { ... on Placement { placement { carers { name relationship } } } } }`
    const integrator = await app.post(await tokenFor(app, staff.integrator), carersQuery, { id: placementId })
    expect(integrator.body.data.placement.placement.carers).toEqual([{ name: null, relationship: "aunt" }])
    const reader = await app.post(worker, carersQuery, { id: placementId })
    expect(reader.body.data.placement.placement.carers[0].name).toBe("Imogen Fairbrook")
    const logged = (await accessLog()).filter((entry) => entry.purpose === "Carers")
    expect(logged.map((entry) => entry.fields)).toEqual([["placement.carers"], ["placement.carers"]])
  })
})

describe("the access log", () => {
  it("records reads of the request's free text against each child on it, as request.<field>", async () => {
    const text = `query ReadRequest($id: ID!) { referral(id: $id) { ... on Referral { worries caseSummary requestTypes } } }`
    await app.post(await tokenFor(app, staff.socialWorker), text, { id: referralId })
    const entry = (await accessLog()).find((candidate) => candidate.purpose === "ReadRequest")!
    expect(entry.fields).toEqual(["request.caseSummary", "request.worries"])
  })

  it("one operation is one entry per child, however often it reads them, stamped by the domain's clock", async () => {
    app.travelTo("2027-05-10T10:00:00Z")
    const twice = `query ReadTwice($id: ID!) { referral(id: $id) { ... on Referral { worries children { fullName plan } again: children { fullName } } } }`
    const response = await app.post(await tokenFor(app, staff.socialWorker), twice, { id: referralId })
    app.travelTo(new Date())
    expect(response.body.data.referral.again).toEqual([{ fullName: child.name }])
    const entries = (await accessLog()).filter((entry) => entry.purpose === "ReadTwice")
    expect(entries).toEqual([expect.objectContaining({ personId: staff.socialWorker.personId, role: "social_worker", fields: ["fullName", "plan", "request.worries"] })])
    expect(entries[0]!.at.slice(0, 16)).toBe("2027-05-10T10:00")
    expect(JSON.stringify(entries)).not.toContain(child.name)
  })

  it("records every read of a child's record: who, role, when, which fields, and never the values", async () => {
    const entries = await accessLog()
    const integrator = entries.find((entry) => entry.personId === staff.integrator.personId)!
    expect(integrator).toMatchObject({ role: "integrator", childId: child.id, purpose: "ReadChild", fields: ["caseNumber"] })
    expect(Number.isNaN(Date.parse(integrator.at))).toBe(false)
    const granted = entries.find((entry) => entry.personId === "bridge-2")!
    expect(granted.fields).toEqual(["caseNumber", "dateOfBirth", "fullName", "homeAddress", "placementAddress", "plan"])
    const worker = entries.filter((entry) => entry.personId === staff.socialWorker.personId)
    expect(worker.map((entry) => entry.purpose)).toContain("ReadChild")
    const written = JSON.stringify(entries)
    for (const value of [child.name, "2016-09-14", "Fictional Row"]) expect(written).not.toContain(value)
  })
})
