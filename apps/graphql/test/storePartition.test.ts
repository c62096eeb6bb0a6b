import { preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { PgStoreLayer } from "@carepanel/store-sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { configFromEnv } from "../src/app/config.js"
import { startPartitionedPostgres } from "../../../packages/store-sql/dev/partitionableProxy.js"
import { mutation, onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor } from "./support/scenario.js"

/**
 * The database stops answering without refusing anything (a network partition between the API and a managed
 * PostgreSQL): packets are held, as TCP holds them while it retransmits, and delivered once the network is back.
 * Before, a mutation waited until the operating system gave the connection up, a quarter of an hour later; now it is
 * answered STORE_FAILED once the store has not answered within CAREPANEL_STORE_ANSWER_SECONDS (2 s here), and its
 * answer is honest that the change may still be saved (docs/operations.md, "When the store fails").
 */
const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
let postgres: Awaited<ReturnType<typeof startPartitionedPostgres>>
let app: TestApp

beforeAll(async () => {
  postgres = await startPartitionedPostgres()
  const store = PgStoreLayer(postgres.partition.url)
  app = await startTestApp([policy], { store, accessLog: store, readiness: store, storeAnswerMs: 2_000 })
}, 60_000)

afterAll(() => postgres?.stop(async () => app?.close()))

const createDraft = async (n: number) =>
  app.post(await tokenFor(app, staff.socialWorker), mutation("createReferralDraft", onReferral), {
    input: { form: exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: `child-partition-${n}`, name: `Partition Child ${n}` }) }
  })

const draftsOf = async (childId: string) => {
  const answer = await app.post(await tokenFor(app, staff.socialWorker), "{ referrals(first: 100) { edges { node { id children { childId } } } } }")
  expect(answer.body.errors, answer.text).toBeUndefined()
  return answer.body.data.referrals.edges.filter((edge: { node: { children: Array<{ childId: string }> } }) => edge.node.children.some((child) => child.childId === childId))
}

describe("a database that stops answering (a network partition)", () => {
  it("a mutation is answered 503 STORE_FAILED in seconds, saying the change may still be saved; once the network is back it was, and the next one is applied", async () => {
    expect((await createDraft(0)).status).toBe(200)
    postgres.partition.cut()
    const startedAt = performance.now()
    const waiting = await createDraft(1)
    const seconds = (performance.now() - startedAt) / 1_000
    expect(waiting.status, waiting.text).toBe(503)
    expect(waiting.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(["STORE_FAILED"])
    expect(waiting.body.errors[0].message).toMatch(/A change may or may not have been saved: read the record before sending it again/)
    expect(seconds).toBeGreaterThanOrEqual(1.9)
    expect(seconds).toBeLessThan(5)
    expect(app.logs.some((line) => line.includes("the store did not answer within 2 s"))).toBe(true)

    postgres.partition.heal()
    // The change that was waiting reached the database once the network was back: the person who reads the record
    // before sending it again (as the answer asked) finds it there.
    await expect.poll(() => draftsOf("child-partition-1"), { timeout: 10_000 }).toHaveLength(1)
    const next = await createDraft(2)
    expect(next.status, next.text).toBe(200)
    expect(await draftsOf("child-partition-2")).toHaveLength(1)
  }, 60_000)

  it("sent with an Idempotency-Key, the change answered STORE_FAILED is sent again as soon as the network is back, and there is one draft", async () => {
    const keyed = async () =>
      app.post(
        await tokenFor(app, staff.socialWorker),
        mutation("createReferralDraft", onReferral),
        { input: { form: exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, { id: "child-partition-keyed", name: "Partition Keyed" }) } },
        { "idempotency-key": "case-system-form-88-v1" }
      )
    postgres.partition.cut()
    const waiting = await keyed()
    expect(waiting.status, waiting.text).toBe(503)
    postgres.partition.heal()
    // At once, while the held change may not have landed yet: its claim of the key, once it reaches the database, makes
    // the second wait for it and then answer that it was applied (or, had it failed, apply it now).
    const again = await keyed()
    console.info(`sent again at once after the partition healed: ${again.status}`)
    await expect.poll(() => draftsOf("child-partition-keyed"), { timeout: 10_000 }).toHaveLength(1)
    const [draft] = await draftsOf("child-partition-keyed")
    if (again.status === 409) expect(again.body.errors[0].extensions).toMatchObject({ code: "ALREADY_APPLIED", records: [{ streamType: "referral", id: draft.node.id }] })
    else expect(again.body.data?.createReferralDraft?.id, again.text).toBe(draft.node.id)
    const third = await keyed()
    expect(third.status, third.text).toBe(409)
    expect(await draftsOf("child-partition-keyed")).toHaveLength(1)
  }, 60_000)

  it("waits 30 s unless CAREPANEL_STORE_ANSWER_SECONDS says otherwise, and a setting out of range is refused by name", () => {
    expect(configFromEnv({}).storeAnswerMs).toBe(30_000)
    expect(configFromEnv({ CAREPANEL_STORE_ANSWER_SECONDS: "10" }).storeAnswerMs).toBe(10_000)
    expect(() => configFromEnv({ CAREPANEL_STORE_ANSWER_SECONDS: "0" })).toThrow(/CAREPANEL_STORE_ANSWER_SECONDS/)
  })
})
