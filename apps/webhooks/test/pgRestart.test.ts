import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type PostgresCluster, startPostgresCluster } from "../../../packages/store-sql/dev/postgresCluster.js"
import { blockedOnLocksAt, holdOpenTransaction } from "../../../packages/store-sql/test/support/pgLockHolder.js"
import { startMain, stop } from "../../graphql/test/support/mainJob.js"
import { firstEvent } from "../../graphql/test/support/sse.js"
import { writeDevKeys } from "./support/devToken.js"
import { approved, authority, socialWorker, sourcesFor, submitted, teamManager } from "./support/fixtures.js"
import { type ReceiverProcess, spawnReceiver } from "./support/process.js"
import { deliver } from "./support/receiver.js"

/**
 * A managed PostgreSQL restarting (a minor-version patch, a failover) under two API processes and a receiver, on a
 * cluster of this test's own: while it is down each answers "try again" (never a hang, never a half answer); once it
 * is back the same processes serve again, and a decision recorded through one API process reaches a subscriber of
 * the other as promptly as before, a subscriber who stayed connected through it included (docs/operations.md, "When
 * the store fails").
 */
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-pg-restart-"))
const signToken = writeDevKeys(dataDir, authority)
let cluster: PostgresCluster
let databaseUrl: string
const apis: Array<ReturnType<typeof startMain>> = []
let apiUrls: Array<string> = []
let receiver: ReceiverProcess | undefined
/** A subscriber on the first API process that stays connected through the restart. */
let heldOpen: Awaited<ReturnType<typeof firstEvent>> | undefined
let lastDecisionId: string | undefined

beforeAll(async () => {
  cluster = await startPostgresCluster()
  databaseUrl = cluster.url("postgres")
  const sourcesFile = join(dataDir, "sources.json")
  writeFileSync(sourcesFile, JSON.stringify(sourcesFor()))
  const env = { DATABASE_URL: databaseUrl, CAREPANEL_SEED: "false" }
  // One at a time: the first brings the schema up to date.
  apis.push(startMain(dataDir, env))
  const first = await apis[0]!.started
  apis.push(startMain(dataDir, env))
  const [second, started] = await Promise.all([
    apis[1]!.started,
    spawnReceiver({ DATABASE_URL: databaseUrl, CAREPANEL_DATA_DIR: dataDir, CAREPANEL_WEBHOOK_SOURCES: sourcesFile, CAREPANEL_LOG_LEVEL: "Warning" })
  ])
  apiUrls = [first, second].map((printed) => /at (http:\/\/\S+)\/graphql$/m.exec(printed)![1]!)
  receiver = started
}, 90_000)

afterAll(async () => {
  await Promise.all([...apis.map((api) => stop(api.child)), receiver?.stop()])
  cluster?.stop()
})

const socialWorkerToken = () => signToken({ personId: socialWorker.personId, name: socialWorker.name }, ["social_worker"])
const teamManagerToken = () => signToken({ personId: teamManager.personId, name: teamManager.name }, ["team_manager"])

const graphql = async (at: string, token: string, query: string, variables: Record<string, unknown>) => {
  const response = await fetch(`${at}/graphql`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ query, variables }) })
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: { code: string } }> }
  return { status: response.status, ...body }
}

let drafts = 0
const createDraft = (at: string) =>
  graphql(at, socialWorkerToken(), "mutation ($input: CreateReferralDraftInput!) { createReferralDraft(input: $input) { __typename ... on Referral { id status } ... on DomainError { code message } } }", {
    input: {
      form: {
        panelId: "support-panel",
        socialWorker: { personId: socialWorker.personId, name: socialWorker.name },
        teamManager: { personId: teamManager.personId, name: teamManager.name },
        children: [{ childId: `MOSAIC-RESTART-${++drafts}`, fullName: "Rowan Testbury", dateOfBirth: "2015-03-02", plan: "CIN" }],
        requestTypes: ["edge_of_care_resource"],
        request: "An edge-of-care worker for 12 weeks",
        reason: "Parenting capacity has fallen",
        proposedPlan: "Family group conference and an edge-of-care worker"
      }
    }
  })

const ready = async (at: string) => {
  const response = await fetch(`${at}/ready`)
  return [response.status, await response.json()]
}

/** Answers, and how long the answer took. */
const timed = async <A>(answer: Promise<A>) => {
  const startedAt = performance.now()
  const answered = await answer
  return { answered, seconds: (performance.now() - startedAt) / 1_000 }
}

const expectTryAgain = (mutation: Awaited<ReturnType<typeof createDraft>>, delivery: Awaited<ReturnType<typeof deliver>>) => {
  expect(mutation.status, JSON.stringify(mutation)).toBe(503)
  expect(mutation.errors?.map((error) => error.extensions.code)).toEqual(["STORE_FAILED"])
  expect(mutation.data?.createReferralDraft ?? null).toBeNull()
  expect(delivery.status, JSON.stringify(delivery.body)).toBe(503)
  expect(delivery.body.type).toBe("https://carepanel.example/problems/try-again")
}

/** A request delivered and approved through the receiver, an urgent agreement outside panel recorded through `at` (LIN-11). */
const recordDecision = async (at: string, formId: string) => {
  const sent = await deliver(receiver!.url, submitted(formId), { id: `msg_${formId}_submitted` })
  expect(sent.status, JSON.stringify(sent.body)).toBe(200)
  const agreed = await deliver(receiver!.url, approved(formId), { id: `msg_${formId}_approved` })
  expect(agreed.status, JSON.stringify(agreed.body)).toBe(200)
  const referralId: string = sent.body.touched[0].id
  const recorded = await graphql(
    at,
    teamManagerToken(),
    "mutation ($input: RecordOutsidePanelAgreementInput!) { recordOutsidePanelAgreement(input: $input) { __typename ... on Decision { id } ... on DomainError { code message } } }",
    {
      input: {
        referralId,
        content: {
          outcome: "approve",
          rationale: "No safe carer in the family tonight; accommodation is proportionate",
          agreed: { accommodationWeeks: 6, placement: "in_house_foster" },
          minutes: { workingWell: "Grandmother visits daily", worries: "No carer at home tonight", needsToHappen: "A family network meeting" },
          actions: [{ actionId: "network-meeting", description: "Hold a family network meeting", ownerRole: "social_worker", dueDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) }]
        },
        whyOutsidePanel: "The child needed a carer the same night",
        timescales: "Placed tonight for six weeks",
        placedAt: new Date().toISOString()
      }
    }
  )
  expect(recorded.data?.recordOutsidePanelAgreement?.__typename, JSON.stringify(recorded)).toBe("Decision")
  lastDecisionId = recorded.data.recordOutsidePanelAgreement.id as string
  return lastDecisionId
}

/** A subscriber on the first API process, a decision recorded through the second: how long until the first hears it. */
const decisionHeardAcross = async (formId: string) => {
  const token = await signToken({ personId: "ada-fenwick", name: "Ada Fenwick" }, ["panel_administrator"])
  const heard = await firstEvent(apiUrls[0]!, token, "subscription { decisionRecorded { decision { id } } }")
  try {
    await new Promise((resolve) => setTimeout(resolve, 200))
    const decisionId = await recordDecision(apiUrls[1]!, formId)
    const recordedAt = performance.now()
    const event = await Promise.race([heard.next, new Promise((_, reject) => setTimeout(() => reject(new Error("the first API process heard nothing within 5 s")), 5_000))])
    expect((event as any).data.decisionRecorded.decision.id).toBe(decisionId)
    return performance.now() - recordedAt
  } finally {
    heard.next.catch(() => undefined)
    heard.close()
  }
}

describe("PostgreSQL restarting under two API processes and a receiver", () => {
  it("before: a decision recorded through one API process reaches a subscriber of the other within 2 s", async () => {
    expect(await decisionHeardAcross("MOS-RESTART-BEFORE")).toBeLessThan(2_000)
  }, 30_000)

  it("a mutation and a delivery waiting in the database when it shuts down are answered 503, not left hanging", async () => {
    // A subscription starts at the newest position its process has seen, which can be a moment behind the decision the
    // first test's subscriber has just heard (two fibres woken by one NOTIFY): that decision may come first, and is not
    // the one this test waits for.
    const decidedBefore = lastDecisionId
    heldOpen = await firstEvent(
      apiUrls[0]!,
      await signToken({ personId: "ada-fenwick", name: "Ada Fenwick" }, ["panel_administrator"]),
      "subscription { decisionRecorded { decision { id } } }",
      (event) => event.data.decisionRecorded.decision.id !== decidedBefore
    )
    // Both wait on a lock held by another session, as behind a slow write, until the server ends every session.
    const [mutation, delivery] = await Effect.runPromise(
      Effect.gen(function* () {
        yield* holdOpenTransaction(databaseUrl, (sql) => sql`LOCK TABLE event_head IN EXCLUSIVE MODE`)
        const answers = [timed(createDraft(apiUrls[0]!)), timed(deliver(receiver!.url, submitted("MOS-RESTART-INFLIGHT"), { id: "msg_restart_inflight" }))] as const
        yield* blockedOnLocksAt(databaseUrl, 2)
        cluster.shutDown()
        return answers
      })
    )
    const [answeredMutation, answeredDelivery] = await Promise.all([mutation, delivery])
    expectTryAgain(answeredMutation.answered, answeredDelivery.answered)
    expect(answeredMutation.seconds).toBeLessThan(10)
    expect(answeredDelivery.seconds).toBeLessThan(10)
  }, 30_000)

  it("while it is down: a mutation answers 503 STORE_FAILED, a delivery 503 try-again, /ready 503 unreachable, each within seconds", async () => {
    const [mutation, delivery] = await Promise.all([timed(createDraft(apiUrls[1]!)), timed(deliver(receiver!.url, submitted("MOS-RESTART-DOWN"), { id: "msg_restart_down" }))])
    expectTryAgain(mutation.answered, delivery.answered)
    expect(delivery.answered.retryAfter).toBe("5")
    expect(mutation.seconds).toBeLessThan(2)
    expect(delivery.seconds).toBeLessThan(2)
    for (const at of [...apiUrls, receiver!.url]) expect(await ready(at)).toEqual([503, { ready: false, store: "unreachable" }])
    // Down for longer than the change feed's 5 s poll on PostgreSQL, so the held subscriber's feed reads while it is down.
    await new Promise((resolve) => setTimeout(resolve, 6_000))
  }, 30_000)

  it("once it is back, the same processes: the next mutation and delivery succeed, /ready is 200, and a subscriber hears the other process within 2 s", async () => {
    cluster.startAgain()
    for (const at of [...apiUrls, receiver!.url]) expect(await ready(at)).toEqual([200, { ready: true, store: "reachable", migrations: "current" }])
    for (const at of apiUrls) {
      const mutation = await createDraft(at)
      expect(mutation.errors, JSON.stringify(mutation.errors)).toBeUndefined()
      expect(mutation.data.createReferralDraft).toMatchObject({ __typename: "Referral", status: "draft" })
    }
    const delivery = await deliver(receiver!.url, submitted("MOS-RESTART-DOWN"), { id: "msg_restart_down" })
    expect(delivery.status, JSON.stringify(delivery.body)).toBe(200)
    expect(delivery.body).toMatchObject({ deliveryId: "msg_restart_down", outcome: "applied" })
    // The delivery answered 503 as the server went down recorded nothing: the sender's retry is applied, once.
    const retried = await deliver(receiver!.url, submitted("MOS-RESTART-INFLIGHT"), { id: "msg_restart_inflight" })
    expect(retried.body).toMatchObject({ deliveryId: "msg_restart_inflight", outcome: "applied" })
    // The first API process's change feed listens again: woken by the second's NOTIFY, not by its 5 s poll.
    expect(await decisionHeardAcross("MOS-RESTART-AFTER")).toBeLessThan(2_000)
  }, 30_000)

  it("a subscriber connected all through the restart hears, as its next new event, the decision recorded once it was back", async () => {
    const event = await Promise.race([heldOpen!.next, new Promise((_, reject) => setTimeout(() => reject(new Error("nothing heard within 5 s")), 5_000))])
    heldOpen!.close()
    expect(event, JSON.stringify(event)).toEqual({ data: { decisionRecorded: { decision: { id: lastDecisionId } } } })
  }, 30_000)
})
