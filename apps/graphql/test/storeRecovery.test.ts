import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import { SqlClient } from "@effect/sql"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { startMain, stop } from "./support/mainJob.js"

/**
 * The API as `npm start` runs it, its store broken under it and mended by an operator (a table restored): once mended,
 * a person trying again a moment later is answered as before, without a restart (docs/operations.md, "When the store fails").
 */
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-recovery-"))
const socialWorker = { personId: "priya-ashdown", name: "Priya Ashdown" }
/** The operator's own connection to the store file, as the sqlite3 shell would be. */
const operator = ManagedRuntime.make(SqliteStoreLayer({ dataDir }))
const onTheStore = (text: string) => operator.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(text)))
let main: ReturnType<typeof startMain>
let url: string
let token: string

beforeAll(async () => {
  const keys = await loadDevKeys(dataDir)
  token = await signDevToken(keys, { authorityId: "wexcombe", roles: ["social_worker"], ...socialWorker })
  main = startMain(dataDir, { CAREPANEL_SEED: "false" })
  url = /^Carepanel API for .* at (\S+)\/graphql$/m.exec(await main.started)![1]!
}, 120_000)
afterAll(async () => {
  await stop(main.child)
  await operator.dispose()
})

const createDraft = async () => {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      query: "mutation ($input: CreateReferralDraftInput!) { createReferralDraft(input: $input) { __typename ... on Referral { id status } ... on DomainError { code message } } }",
      variables: {
        input: {
          form: {
            panelId: "support-panel",
            socialWorker,
            teamManager: { personId: "tom-brackley", name: "Tom Brackley" },
            children: [{ childId: "MOSAIC-RECOVERY-1", fullName: "Rowan Testbury", dateOfBirth: "2015-03-02", plan: "CIN" }],
            requestTypes: ["edge_of_care_resource"],
            request: "An edge-of-care worker for 12 weeks",
            reason: "Parenting capacity has fallen",
            proposedPlan: "Family group conference and an edge-of-care worker"
          }
        }
      }
    })
  })
  const body = (await response.json()) as { data?: { createReferralDraft: { __typename: string; status?: string } } | null; errors?: Array<{ message: string; extensions: { code: string } }> }
  return { status: response.status, ...body }
}

const listReferrals = async () => {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query: "{ referrals(first: 5) { edges { node { id status } } } }" })
  })
  const body = (await response.json()) as { errors?: Array<{ message: string; extensions: { code: string; correlationId?: string } }> }
  return { status: response.status, ...body }
}

const ready = async () => {
  const response = await fetch(`${url}/ready`)
  return [response.status, await response.json()]
}

describe("an API process whose store is broken under it, then mended", () => {
  it("a mutation fails, a query is answered that it could not be read, and /ready says not ready, while the read models' table is renamed away; once it is back, the same mutation a moment later succeeds", async () => {
    // No mutation yet: its statements are first prepared while the table is away, as in any process whose driver has
    // let a statement go. Before, the failed preparation was kept for 10 minutes: every such mutation failed until a restart.
    await onTheStore("ALTER TABLE read_models RENAME TO read_models_away")
    const broken = await createDraft()
    expect(broken.status).toBe(503)
    expect(broken.errors?.map((error) => error.extensions.code)).toEqual(["STORE_FAILED"])
    expect(broken.errors?.[0]?.message).toMatch(/^Carepanel's store failed, .* read the record before sending it again/)
    expect(JSON.stringify(broken.errors)).not.toMatch(/read_models|no such table|SQLITE/)
    // A query changes nothing: its answer says it could not be read, and nothing of saving.
    const unread = await listReferrals()
    expect(unread.status).toBe(503)
    expect(unread.errors?.map((error) => error.extensions.code)).toEqual(["STORE_FAILED"])
    expect(unread.errors?.[0]?.message).toBe(
      "Carepanel's store failed, so this could not be read just now. Please try again in a moment; if it keeps happening, quote the correlation id to the service desk."
    )
    expect(unread.errors?.[0]?.extensions.correlationId).toMatch(/^[0-9a-f-]{36}$/)
    expect(await ready()).toEqual([503, { ready: false, store: "reachable", migrations: "current", tables: "no such table: read_models" }])

    await onTheStore("ALTER TABLE read_models_away RENAME TO read_models")
    await sleep(2_000)
    const retried = await createDraft()
    expect(retried.errors, JSON.stringify(retried.errors)).toBeUndefined()
    expect(retried.data?.createReferralDraft).toMatchObject({ __typename: "Referral", status: "draft" })
    expect(await ready()).toEqual([200, { ready: true, store: "reachable", migrations: "current" }])
  }, 30_000)
})
