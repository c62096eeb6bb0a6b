import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PanelId, preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { mutation, onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { startMain, stop } from "./support/mainJob.js"
import { tokenFor } from "./support/scenario.js"

/** A change sent again with the same `Idempotency-Key` is applied once (docs/api.md, "Sending a change again safely"). */
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const draftOf = (childId: string, name = "Ada Fenwick") => ({ form: exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: childId, name }) })
const createDraft = mutation("createReferralDraft", onReferral)

let app: TestApp
beforeAll(async () => {
  const store = SqliteStoreLayer({ dataDir: mkdtempSync(join(tmpdir(), "carepanel-keys-")) })
  app = await startTestApp([policy], { store, accessLog: store })
})
afterAll(() => app.close())

const send = async (key: string | undefined, input: unknown, as = staff.socialWorker, query = createDraft) =>
  app.post(await tokenFor(app, as), query, { input }, key === undefined ? {} : { "idempotency-key": key })

/** The drafts of one child that the store holds. */
const draftsOf = async (childId: string) => {
  const answer = await app.post(await tokenFor(app, staff.socialWorker), "{ referrals(first: 100) { edges { node { id children { childId } } } } }")
  expect(answer.body.errors, answer.text).toBeUndefined()
  return answer.body.data.referrals.edges
    .map((edge: { node: { id: string; children: Array<{ childId: string }> } }) => edge.node)
    .filter((node: { children: Array<{ childId: string }> }) => node.children.some((child) => child.childId === childId))
    .map((node: { id: string }) => node.id)
}

describe("Idempotency-Key on a mutation, one API process on SQLite", () => {
  it("sent twice, a new draft is made once; the repeat answers 409 ALREADY_APPLIED naming the draft, however often it comes", async () => {
    const first = await send("7d0c6f52-key-one", draftOf("child-key-1"))
    expect(first.status, first.text).toBe(200)
    const draftId = first.body.data.createReferralDraft.id
    for (const key of ["7d0c6f52-key-one", '"7d0c6f52-key-one"']) {
      const repeat = await send(key, draftOf("child-key-1"))
      expect(repeat.status, repeat.text).toBe(409)
      expect(repeat.body.errors[0].extensions).toMatchObject({ code: "ALREADY_APPLIED", records: [{ streamType: "referral", id: draftId }] })
      expect(repeat.body.errors[0].message).toContain(`referral ${draftId}`)
      expect(repeat.body.errors[0].extensions.appliedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    }
    expect(await draftsOf("child-key-1")).toEqual([draftId])
  })

  it("the same key with another input is refused 422 IDEMPOTENCY_KEY_REUSED and changes nothing", async () => {
    expect((await send("key-two", draftOf("child-key-2"))).status).toBe(200)
    const reused = await send("key-two", draftOf("child-key-2b"))
    expect(reused.status, reused.text).toBe(422)
    expect(reused.body.errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_REUSED")
    expect(await draftsOf("child-key-2b")).toEqual([])
  })

  it("a change the core refuses keeps no key: sent again, corrected, under the same key, it is applied", async () => {
    const { form } = draftOf("child-key-3")
    const refused = await send("key-three", { form: { ...form, children: [{ ...form.children[0]!, dateOfBirth: "2016-02-30" }] } })
    expect(refused.body.data.createReferralDraft.__typename, refused.text).toBe("InvalidInput")
    const corrected = await send("key-three", draftOf("child-key-3"))
    expect(corrected.status, corrected.text).toBe(200)
    expect(corrected.body.data.createReferralDraft.__typename).toBe("Referral")
    expect(await draftsOf("child-key-3")).toHaveLength(1)
  })

  it("a key is its sender's own: another person's change under the same key is applied", async () => {
    expect((await send("key-four", draftOf("child-key-4"))).status).toBe(200)
    const theirs = await send("key-four", draftOf("child-key-4"), staff.teamManager)
    expect(theirs.status, theirs.text).toBe(200)
    expect(await draftsOf("child-key-4")).toHaveLength(2)
  })

  it("a key that cannot be used is refused 400 BAD_IDEMPOTENCY_KEY, naming why, and nothing runs", async () => {
    for (const [key, why] of [
      ["two words", "visible ASCII"],
      ["x".repeat(256), "256 characters"],
      ['""', "empty"],
      ['"a"b"', "a quote or a backslash inside its quotes"]
    ] as const) {
      const answer = await send(key, draftOf("child-key-5"))
      expect(answer.status, answer.text).toBe(400)
      expect(answer.body.errors[0].extensions.code).toBe("BAD_IDEMPOTENCY_KEY")
      expect(answer.body.errors[0].message).toContain(why)
    }
    expect(await draftsOf("child-key-5")).toEqual([])
  })

  it("a mutation of two fields under one key is refused 400 IDEMPOTENCY_KEY_NOT_APPLICABLE, and neither runs", async () => {
    const two = `mutation ($a: CreateReferralDraftInput!, $b: CreateReferralDraftInput!) {
      a: createReferralDraft(input: $a) { __typename } b: createReferralDraft(input: $b) { __typename } }`
    const answer = await app.post(await tokenFor(app, staff.socialWorker), two, { a: draftOf("child-key-6"), b: draftOf("child-key-6") }, { "idempotency-key": "key-six" })
    expect(answer.status, answer.text).toBe(400)
    expect(answer.body.errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_NOT_APPLICABLE")
    expect(await draftsOf("child-key-6")).toEqual([])
  })

  it("a query sent with a key is answered as any query", async () => {
    const answer = await app.post(await tokenFor(app, staff.socialWorker), "{ viewer { authority { id } } }", {}, { "idempotency-key": "key-seven" })
    expect(answer.status, answer.text).toBe(200)
    expect(answer.body.data.viewer.authority.id).toBe(policy.authority.id)
  })
})

describe("Idempotency-Key across two API processes on one SQLite file", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-keys-processes-"))
  const processes: Array<ReturnType<typeof startMain>> = []
  const urlOf = (printed: string) => /^Carepanel API for .* at (\S+)\/graphql$/m.exec(printed)![1]!
  beforeAll(() => {
    // The first seeds the demonstration authority; the second waits for the store's lock and seeds nothing.
    processes.push(startMain(dataDir), startMain(dataDir, { CAREPANEL_SEED: "false" }))
  })
  afterAll(() => Promise.all(processes.map((process) => stop(process.child))), 30_000)

  it("40 sends of one change under one key, 20 to each process at once: one draft; one answer is the draft, 39 are ALREADY_APPLIED naming it", async () => {
    const urls = (await Promise.all(processes.map((process) => process.started))).map(urlOf)
    const token = await signDevToken(await loadDevKeys(dataDir), { authorityId: "wexcombe", roles: ["social_worker"], personId: "priya-ashdown", name: "Priya Ashdown" })
    const form = exampleForm(PanelId.make("support-panel"), "edge_of_care_resource", { id: "MOSAIC-KEY-1", name: "Rowan Testbury" })
    const post = (url: string) =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": "case-system-form-4711-v1" },
        body: JSON.stringify({ query: createDraft, variables: { input: { form } } })
      }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }))
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(urls[i % 2]!)))

    const applied = answers.filter((answer) => answer.status === 200)
    expect(applied, JSON.stringify(answers.filter((answer) => answer.status !== 409))).toHaveLength(1)
    const draftId = applied[0]!.body.data.createReferralDraft.id
    const repeats = answers.filter((answer) => answer.status === 409)
    expect(repeats).toHaveLength(39)
    for (const repeat of repeats) expect(repeat.body.errors[0].extensions).toMatchObject({ code: "ALREADY_APPLIED", records: [{ streamType: "referral", id: draftId }] })

    const listed = await fetch(`${urls[1]}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ referrals(first: 100) { edges { node { id children { childId } } } } }" })
    }).then((response) => response.json() as Promise<any>)
    const drafts = listed.data.referrals.edges.filter((edge: any) => edge.node.children.some((child: any) => child.childId === "MOSAIC-KEY-1"))
    expect(drafts.map((edge: any) => edge.node.id)).toEqual([draftId])
  }, 120_000)
})
