import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { preset } from "@carepanel/core"
import { exampleForm, staffOf } from "@carepanel/core/testing"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { holdWriteLock } from "../../../packages/store-sql/dev/writeLockHolder.js"
import { mutation, onReferral } from "./support/documents.js"
import { startTestApp, type TestApp } from "./support/harness.js"
import { tokenFor } from "./support/scenario.js"

const policy = preset("lincolnshire")
const staff = staffOf(policy.authority.id)
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-busy-"))
let app: TestApp
let firstDraftId: string

beforeAll(async () => {
  const store = SqliteStoreLayer({ dataDir, lockWaitMs: 1_500 })
  app = await startTestApp([policy], { store, accessLog: store })
  // The first request of a process compiles and loads much: not what this test measures.
  const first = await createDraft({ id: "child-busy-0", name: "Cora Lindqvist" })
  expect(first.status).toBe(200)
  firstDraftId = first.body.data.createReferralDraft.id
})
afterAll(() => app.close())

const createDraft = async (child = { id: "child-busy-1", name: "Ada Fenwick" }) =>
  app.post(await tokenFor(app, staff.socialWorker), mutation("createReferralDraft", onReferral), {
    input: { form: exampleForm(policy.panels[0].id, policy.referral.inScope.requestTypes[0]!, child) }
  })

const draftsOfTheChild = async () => {
  const answer = await app.post(await tokenFor(app, staff.socialWorker), "{ referrals(first: 100) { edges { node { id children { childId } } } } }")
  expect(answer.body.errors, answer.text).toBeUndefined()
  return answer.body.data.referrals.edges.filter((edge: { node: { children: Array<{ childId: string }> } }) => edge.node.children.some((child) => child.childId === "child-busy-1"))
}

/** How long `/health` takes to answer, in milliseconds. */
const healthTime = async () => {
  const startedAt = performance.now()
  const response = await fetch(`${app.url}/health`)
  expect(response.status).toBe(200)
  return performance.now() - startedAt
}

describe("another process holding the SQLite store's write lock (lock wait 1.5 s)", () => {
  it("/health still answers; a mutation answers 503 with Retry-After once the wait runs out, then succeeds once the lock is gone", async () => {
    const held = await holdWriteLock(join(dataDir, "carepanel.sqlite"), 3_000)
    const startedAt = performance.now()
    const busy = createDraft()
    const healthTimes: Array<number> = []
    while (performance.now() - startedAt < 1_300) {
      await new Promise((resolve) => setTimeout(resolve, 150))
      healthTimes.push(await healthTime())
    }
    const refused = await busy
    const refusedAfterMs = performance.now() - startedAt
    console.info(`/health while the lock was held elsewhere: slowest ${Math.max(...healthTimes).toFixed(0)} ms of ${healthTimes.length}; mutation answered after ${refusedAfterMs.toFixed(0)} ms`)

    // Before, the driver waited inside the event loop: /health took as long as the whole wait.
    expect(Math.max(...healthTimes)).toBeLessThan(1_000)
    expect(refused.status, refused.text).toBe(503)
    expect(refused.headers.get("retry-after")).toBe("2")
    expect(refused.body.errors[0].extensions).toEqual({ code: "STORE_BUSY", retryAfterSeconds: 2 })
    expect(refused.body.errors[0].message).toBe("The store is busy with another process's work; nothing was saved. Please try again in 2 s.")
    expect(refusedAfterMs).toBeGreaterThanOrEqual(1_400)

    await held.released
    expect(await draftsOfTheChild()).toEqual([])
    const accepted = await createDraft()
    expect(accepted.status, accepted.text).toBe(200)
    expect(accepted.body.data.createReferralDraft.__typename).toBe("Referral")
    expect((await draftsOfTheChild()).map((edge: { node: { id: string } }) => edge.node.id)).toEqual([accepted.body.data.createReferralDraft.id])
    expect(app.logs.some((line) => line.includes("store busy"))).toBe(true)
  }, 30_000)

  it("a request's page, whose read of the child cannot be logged while the lock is held, answers 503 that it could not be read, with nothing of saving", async () => {
    const held = await holdWriteLock(join(dataDir, "carepanel.sqlite"), 3_000)
    const page = await app.post(await tokenFor(app, staff.socialWorker), "query ($id: ID!) { referral(id: $id) { ... on Referral { id children { fullName } } } }", { id: firstDraftId })
    await held.released
    expect(page.status, page.text).toBe(503)
    expect(page.body.data ?? null).toBeNull()
    expect(page.body.errors[0].extensions).toEqual({ code: "STORE_BUSY", retryAfterSeconds: 2 })
    expect(page.body.errors[0].message).toBe("The store is busy with another process's work, so this could not be read just now. Please try again in 2 s.")
  }, 30_000)
})
