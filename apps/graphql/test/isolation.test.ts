import { preset } from "@carepanel/core"
import { exampleForm, SequentialIds, staffOf } from "@carepanel/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { mutation, onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor } from "./support/scenario.js"

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

  it("never appear in lists, deadlines or the calendar", async () => {
    const outsider = await tokenFor(app, theirs.administrator)
    const lists = await app.post(outsider, "{ referrals { edges { node { id } } } decisions { edges { node { id } } } deadlines(dueWithinDays: 3650) { id } placements { id } }")
    expect(lists.body.data).toEqual({ referrals: { edges: [] }, decisions: { edges: [] }, deadlines: [], placements: [] })
    const mine = await app.post(await tokenFor(app, ours.administrator), "{ referrals { edges { node { id } } } }")
    expect(mine.body.data.referrals.edges).toEqual([{ node: { id: "ref_1" } }])
  })
})
