import { preset } from "@carepanel/core"
import { exampleForm, SequentialIds, staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mutation, onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { decide, readyRequest, run, sittingWith, tokenFor } from "./support/scenario.js"

// Sequential ids (ref_1, ...) let the test ask for an id before and after another authority creates it.
let app: TestApp
const home = preset("lincolnshire")
const other = preset("north-somerset")
const ours = staffOf(home.authority.id)
const theirs = staffOf(other.authority.id)

beforeAll(async () => {
  app = await startTestApp([home, other], { ids: SequentialIds })
})
afterAll(() => app.close())

const reads = [
  ["referral", `query Q($id: ID!) { referral(id: $id) { __typename ... on DomainError { code message } ... on Referral { id } } }`],
  ["caseHistory", `query Q($id: ID!) { caseHistory(referralId: $id) { __typename ... on DomainError { code message } ... on CaseHistory { events { type } } } }`],
  ["submitReferral", mutation("submitReferral", onReferral)],
  ["withdrawReferral", mutation("withdrawReferral", onReferral)]
] as const

const variablesFor = (name: string, id: string) =>
  name === "submitReferral" ? { input: { referralId: id } } : name === "withdrawReferral" ? { input: { referralId: id, reason: "Duplicate" } } : { id }

describe("another authority's records", () => {
  it("answer byte for byte as records that do not exist", async () => {
    const outsider = await tokenFor(app, theirs.administrator)
    const outsiderWorker = await tokenFor(app, theirs.socialWorker)
    const ask = (name: string, query: string) => app.post(name.endsWith("Referral") ? outsiderWorker : outsider, query, variablesFor(name, "ref_1"))

    const before = await Promise.all(reads.map(([name, query]) => ask(name, query)))
    const created = await app.post(await tokenFor(app, ours.socialWorker), mutation("createReferralDraft", onReferral), {
      input: { form: exampleForm(home.panels[0].id, home.referral.inScope.requestTypes[0]!, { id: "iso-child", name: "Sasha Fernley" }) }
    })
    expect(created.body.data.createReferralDraft.id).toBe("ref_1")
    const after = await Promise.all(reads.map(([name, query]) => ask(name, query)))

    for (const [i, [name]] of reads.entries()) {
      expect(after[i]!.status, name).toBe(before[i]!.status)
      expect(after[i]!.headers.get("content-type"), name).toBe(before[i]!.headers.get("content-type"))
      expect(after[i]!.text, name).toBe(before[i]!.text)
      expect(after[i]!.text, name).toContain('"code":"NotFound"')
    }
  })

  it("sittings, decisions, disagreements, placements and report tables answer as missing ones too", async () => {
    const outsider = await tokenFor(app, theirs.administrator)
    const byId = (field: string, type: string) =>
      `query Q($id: ID!) { ${field}(id: $id) { __typename ... on DomainError { code message } ... on ${type} { id } } }`
    const asks = [
      () => app.post(outsider, byId("sitting", "Sitting"), { id: "sit_1" }),
      () => app.post(outsider, byId("decision", "Decision"), { id: "dec_1" }),
      () => app.post(outsider, byId("disagreement", "Disagreement"), { id: "dis_1" }),
      () => app.post(outsider, byId("placement", "Placement"), { id: "plc_1" }),
      async () => {
        const response = await fetch(`${app.url}/reports/sitting-items.csv?sittingId=sit_1`, { headers: { authorization: `Bearer ${outsider}` } })
        return { status: response.status, text: await response.text() }
      }
    ]
    const before = await Promise.all(asks.map((ask) => ask()))

    const referral = await readyRequest(app, home, { id: "iso-child-2", name: "Tamsin Ellwood" })
    const sitting = await sittingWith(app, home, [referral.id])
    const decision = await decide(app, home, referral.id, sitting)
    await run(app, ours.member, "recordDissent", "... on Disagreement { id }", {
      decisionId: decision.id,
      member: { personId: ours.member.personId, name: ours.member.name },
      grounds: "The family network has not been assessed"
    })
    await run(app, ours.socialWorker, "recordBasicTest", "... on Placement { id }", {
      childId: "iso-child-2",
      wouldRefuseToSupportReturnHome: true,
      wouldAskPoliceToUsePoliceProtection: false,
      wouldSeekLegalAdviceToStartCareProceedings: false
    })
    expect([sitting.id, decision.id]).toEqual(["sit_1", "dec_1"])

    const after = await Promise.all(asks.map((ask) => ask()))
    for (const [i, answer] of after.entries()) {
      expect(answer.status, String(i)).toBe(before[i]!.status)
      expect(answer.text, String(i)).toBe(before[i]!.text)
      expect(answer.text, String(i)).toContain("NotFound")
    }
    const calendar = await fetch(`${app.url}/calendar.ics`, { headers: { authorization: `Bearer ${outsider}` } })
    expect(await calendar.text()).not.toContain(sitting.date.replaceAll("-", ""))
  })

  it("never appear in lists, deadlines or the calendar", async () => {
    const outsider = await tokenFor(app, theirs.administrator)
    const lists = await app.post(outsider, "{ referrals { edges { node { id } } } decisions { edges { node { id } } } deadlines(dueWithinDays: 3650) { id } placements { id } }")
    expect(lists.body.data).toEqual({ referrals: { edges: [] }, decisions: { edges: [] }, deadlines: [], placements: [] })
    const mine = await app.post(await tokenFor(app, ours.administrator), "{ referrals { edges { node { id } } } }")
    expect(mine.body.data.referrals.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain("ref_1")
  })
})
