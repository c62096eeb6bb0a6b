import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { policiesFromEnv } from "@carepanel/app-kit"
import { AuthorityId, clockLookup, clockNotifications, Deadlines, DecisionId, Decisions, Outbox } from "@carepanel/core"
import { inMemoryCore, staffOf } from "@carepanel/core/testing"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { DateTime, Effect, Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startMain, stop } from "../../graphql/test/support/mainJob.js"
import { startCaseSystem, verifyWebhook, withOutbound } from "./support/caseSystem.js"
import { writeDevKeys } from "./support/devToken.js"
import { approved, authority, nextSecret, sourcesFor, submitted, teamManager } from "./support/fixtures.js"
import { type ReceiverProcess, spawnReceiver } from "./support/process.js"
import { deliver } from "./support/receiver.js"

/**
 * The API (apps/graphql's main job) and the receiver as two processes on one SQLite file, as they run side by
 * side: what the API records about a request a case system sent goes back to that case system from the receiver.
 */
const outboundSecret = nextSecret
const formId = "MOS-API-0001"
const dataDir = mkdtempSync(join(tmpdir(), "carepanel-api-receiver-"))
const signToken = writeDevKeys(dataDir, authority)
let caseSystem: Awaited<ReturnType<typeof startCaseSystem>>
let api: ReturnType<typeof startMain> | undefined
let apiUrl: string
let receiver: ReceiverProcess | undefined

beforeAll(async () => {
  caseSystem = await startCaseSystem()
  const sourcesFile = join(dataDir, "sources.json")
  writeFileSync(sourcesFile, JSON.stringify(withOutbound(sourcesFor(), caseSystem.url, outboundSecret)))
  api = startMain(dataDir, { CAREPANEL_SEED: "false" })
  const [printed, started] = await Promise.all([
    api.started,
    spawnReceiver({ CAREPANEL_DATA_DIR: dataDir, CAREPANEL_WEBHOOK_SOURCES: sourcesFile, CAREPANEL_LOG_LEVEL: "Warning" })
  ])
  apiUrl = /at (http:\/\/\S+\/graphql)$/m.exec(printed)![1]!
  receiver = started
}, 90_000)

afterAll(async () => {
  await Promise.all([api === undefined ? undefined : stop(api.child), receiver?.stop()])
  await caseSystem?.close()
})

const graphql = async (token: string, query: string, variables: Record<string, unknown>) => {
  const response = await fetch(apiUrl, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ query, variables }) })
  return ((await response.json()) as { data?: any; errors?: unknown }).data
}

const recordOutsidePanel = `mutation Agree($input: RecordOutsidePanelAgreementInput!) {
  recordOutsidePanelAgreement(input: $input) {
    __typename
    ... on Decision { id status actions { actionId dueDate } }
    ... on DomainError { code message }
    ... on InvalidInput { problems { path message } }
  }
}`

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

describe("a decision recorded through the API process leaves the receiver process for the source", () => {
  it("sends the decision, signed, once, to the case system that sent the request; then its action's overdue clock", async () => {
    const sent = await deliver(receiver!.url, submitted(formId))
    expect(sent.status, JSON.stringify(sent.body)).toBe(200)
    expect((await deliver(receiver!.url, approved(formId))).status).toBe(200)
    const referralId: string = sent.body.touched[0].id

    // An urgent s20 agreement outside panel (LIN-11), recorded by the team manager through the API.
    const token = signToken({ personId: teamManager.personId, name: teamManager.name }, ["team_manager"])
    const content = {
      outcome: "approve",
      rationale: "No safe carer in the family tonight; accommodation is proportionate",
      agreed: { accommodationWeeks: 6, placement: "in_house_foster" },
      minutes: { workingWell: "Grandmother visits daily", worries: "No carer at home tonight", needsToHappen: "A family network meeting" },
      actions: [{ actionId: "network-meeting", description: "Hold a family network meeting", ownerRole: "social_worker", dueDate: inDays(7) }]
    }
    const recorded = await graphql(token, recordOutsidePanel, {
      input: { referralId, content, whyOutsidePanel: "The child needed a carer the same night", timescales: "Placed tonight for six weeks", placedAt: new Date().toISOString() }
    })
    const decision = recorded?.recordOutsidePanelAgreement
    expect(decision?.__typename, JSON.stringify(recorded)).toBe("Decision")

    const isDecision = (body: string) => JSON.parse(body).data?.facts?.decisionId === decision.id
    const webhook = await caseSystem.waitFor((received) => received.find((r) => isDecision(r.body)), 60_000)
    const verified = verifyWebhook(webhook, outboundSecret)
    expect(verified.type).toBe("decision.awaiting_agreement")
    expect(verified.data.source).toEqual({ sourceId: "mosaic", recordType: "request", reference: formId })
    expect(verified.data.facts.referralId).toBe(referralId)

    // A reminder run computes the action's clock from the store (as the core does) once it is overdue, and puts it
    // in the outbox; the clock names the action, and still goes back to the request's source.
    const policy = policiesFromEnv({})[0]!
    const reminders = await Effect.runPromise(
      Effect.gen(function* () {
        const administrator = staffOf(policy.authority.id).administrator
        const clocks = yield* (yield* Deadlines).forAuthority(administrator, {})
        const action = clocks.find((clock) => clock.about.kind === "action" && clock.about.id === "network-meeting")!
        const lookup = clockLookup({ referrals: [], decisions: [yield* (yield* Decisions).get(administrator, DecisionId.make(decision.id))] })
        const due = clockNotifications([action], DateTime.add(action.due, { hours: 1 }), { authorityId: AuthorityId.make(authority), policy, lookup })
        yield* (yield* Outbox).enqueue(due, new Date().toISOString())
        return due
      }).pipe(Effect.provide(inMemoryCore(policy, Layer.orDie(SqliteStoreLayer({ dataDir })))))
    )
    expect(reminders.length).toBeGreaterThan(0)
    const reminderIds = new Set(reminders.map((reminder) => reminder.id))
    const clockWebhook = await caseSystem.waitFor((received) => received.find((r) => reminderIds.has(JSON.parse(r.body).data?.notificationId)), 60_000)
    const clock = verifyWebhook(clockWebhook, outboundSecret)
    expect(clock.type).toBe("clock.overdue")
    expect(clock.data.facts).toMatchObject({ aboutKind: "action", aboutId: "network-meeting", referralId })
    expect(clock.data.source).toEqual({ sourceId: "mosaic", recordType: "request", reference: formId })

    // Exactly once: each notification reaches the case system once, however many processes share the outbox.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const notificationIds = caseSystem.received.map((r) => JSON.parse(r.body).data.notificationId)
    expect(notificationIds.filter((id) => id === verified.data.notificationId)).toHaveLength(1)
    expect(new Set(notificationIds).size, notificationIds.join("\n")).toBe(notificationIds.length)
  }, 120_000)
})
