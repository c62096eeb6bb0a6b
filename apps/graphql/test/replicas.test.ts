import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { EventStore, everyRole, londonDateOf, preset, type Role, type StoredEvent } from "@carepanel/core"
import { type Received, smtpServer } from "@carepanel/notify-email/testing"
import { PgStoreLayer } from "@carepanel/store-sql"
import { DateTime, Effect, Exit, ManagedRuntime, Scope } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type PostgresCluster, startPostgresCluster } from "../../../packages/store-sql/dev/postgresCluster.js"
import { loadDevKeys, signDevToken } from "../src/auth/devKeys.js"
import { afterLateEvening } from "./support/lateEvening.js"
import { startMain, stop } from "./support/mainJob.js"
import { firstEvent } from "./support/sse.js"

/**
 * Issue 9 item 4: three API processes (the main job, as `npm start` runs it) on one PostgreSQL database, each with
 * its dispatcher on, emailing a real loopback SMTP server. docs/deployment.md points here.
 */
const authorityId = "wexcombe"
const socialWorker = { personId: "priya-ashdown", name: "Priya Ashdown" }
const teamManager = { personId: "tom-brackley", name: "Tom Brackley" }
const requestType = "edge_of_care_resource"
const papers = preset("lincolnshire")
  .referral.requiredDocuments.filter((paper) => paper.forRequestTypes === undefined || paper.forRequestTypes.includes(requestType))
  .map((paper) => paper.kind)
const requests = 30
/** Per request: the draft, each paper, the submission, the team manager's approval. */
const mutationsPerRequest = 1 + papers.length + 2

let cluster: PostgresCluster
let smtp: { readonly url: string; readonly received: Array<Received> }
let smtpScope: Scope.CloseableScope
let store: ManagedRuntime.ManagedRuntime<EventStore | SqlClient.SqlClient, unknown>
const replicas: Array<ReturnType<typeof startMain>> = []
const urls: Array<string> = []
let keys: Awaited<ReturnType<typeof loadDevKeys>>

/** Each replica's server log, so that a masked error's correlation id can be looked up in it. */
const serverLogs: Array<string> = []
const logLinesWith = (correlationId: string) =>
  serverLogs.flatMap((log, i) => log.split("\n").filter((line) => line.includes(correlationId)).map((line) => `replica ${i + 1}: ${line}`))

const urlOf = (printed: string) => /^Carepanel API for .* at (\S+)\/graphql$/m.exec(printed)![1]!

beforeAll(async () => {
  await afterLateEvening()
  cluster = await startPostgresCluster()
  smtpScope = Effect.runSync(Scope.make())
  smtp = await Effect.runPromise(Scope.extend(smtpServer(), smtpScope))
  const databaseUrl = cluster.url("postgres")
  // One data directory for the development signing keys, so a token is good at every replica (as one issuer's would be).
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-replicas-"))
  const addresses = Object.fromEntries(everyRole.map((role) => [role, [`${role.replaceAll("_", "-")}@wexcombe.example.gov.uk`]]))
  const env = {
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    SMTP_FROM: "Carepanel <panels@wexcombe.example.gov.uk>",
    CAREPANEL_EMAIL_DIRECTORY: JSON.stringify({ [authorityId]: { roles: addresses, people: { [teamManager.personId]: "tom.brackley@wexcombe.example.gov.uk" } } }),
    CAREPANEL_OUTBOX_INTERVAL_SECONDS: "1"
  }
  // All three start at once on an empty data directory (migrations run once, under the store's lock; the development
  // keys are created once, by whichever replica comes first); only the first seeds the demonstration.
  replicas.push(startMain(dataDir, env), startMain(dataDir, { ...env, CAREPANEL_SEED: "false" }), startMain(dataDir, { ...env, CAREPANEL_SEED: "false" }))
  replicas.forEach((replica, i) => {
    serverLogs[i] = ""
    replica.child.stderr!.on("data", (chunk: Buffer) => {
      serverLogs[i] += chunk.toString()
    })
  })
  const startedAt = performance.now()
  const printed = await Promise.all(
    replicas.map((replica, i) =>
      replica.started.then((output) => {
        console.info(`replica ${i + 1} answering after ${((performance.now() - startedAt) / 1000).toFixed(1)} s`)
        return output
      })
    )
  )
  urls.push(...printed.map(urlOf))
  keys = await loadDevKeys(dataDir)
  store = ManagedRuntime.make(PgStoreLayer(databaseUrl, { maxConnections: 2 }))
}, 420_000)

afterAll(async () => {
  await Promise.all(replicas.map((replica) => stop(replica.child)))
  await store?.dispose()
  if (smtpScope !== undefined) await Effect.runPromise(Scope.close(smtpScope, Exit.void))
  cluster?.stop()
}, 60_000)

const tokenAs = (role: Role, person?: { readonly personId: string; readonly name: string }) => signDevToken(keys, { authorityId, roles: [role], ...(person ?? {}) })

/** One GraphQL call at one replica; fails the test on any error, answers `data`. */
const call = async (at: string, token: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${at}/graphql`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables })
  })
  const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown }
  const correlationIds = JSON.stringify(body.errors ?? []).match(/[0-9a-f-]{36}/g) ?? []
  expect(body.errors, `${JSON.stringify(body.errors)}\n${correlationIds.flatMap(logLinesWith).join("\n")}`).toBeUndefined()
  return body.data!
}

/** A mutation whose answer must be the record (`__typename` `expected`), not a refusal. */
const command = async (at: string, token: string, name: string, selection: string, input: Record<string, unknown>, expected: string) => {
  const inputType = `${name[0]!.toUpperCase()}${name.slice(1)}Input`
  const data = await call(at, token, `mutation ($input: ${inputType}!) { ${name}(input: $input) { __typename ${selection} ... on DomainError { code message } } }`, { input })
  expect(data[name], `${name}: ${JSON.stringify(data[name])}`).toMatchObject({ __typename: expected })
  return data[name]
}

const everyEvent = async () => {
  const events: Array<StoredEvent> = []
  for (;;) {
    const page = await store.runPromise(Effect.flatMap(EventStore, (eventStore) => eventStore.readAll({ after: events.at(-1)?.position ?? 0, limit: 1_000 })))
    if (page.length === 0) return events
    events.push(...page)
  }
}

const pendingNotifications = () =>
  store.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ n: string }>`SELECT count(*) AS n FROM outbox_deliveries WHERE channel = 'email' AND state = 'pending'`)).then(([row]) => Number(row!.n))

const notificationIdOf = (mail: Received) => String(mail.mail.headers.get("x-carepanel-notification-id"))

describe("three API replicas on one PostgreSQL database, dispatchers on all three", () => {
  it("a subscriber on replica A hears a decision recorded through replica C within 2 s", async () => {
    const [a, , c] = urls as [string, string, string]
    const administrator = await tokenAs("panel_administrator")
    const today = londonDateOf(DateTime.unsafeNow())
    const { sittings } = await call(a, administrator, "query ($day: Date!) { sittings(from: $day, to: $day) { id startsAt endsAt agenda { referralId } } }", { day: today })
    const now = Date.now()
    const underWay = sittings.find((sitting: any) => Date.parse(sitting.startsAt) <= now && now < Date.parse(sitting.endsAt) && sitting.agenda.length > 0)
    expect(underWay, JSON.stringify(sittings)).toBeDefined()

    const heard = await firstEvent(a, administrator, "subscription { decisionRecorded { position decision { id referralId } } }")
    await new Promise((resolve) => setTimeout(resolve, 200))
    const decision = await command(
      c,
      administrator,
      "recordPanelDecision",
      "... on Decision { id }",
      {
        sittingId: underWay.id,
        referralId: underWay.agenda[0].referralId,
        content: {
          outcome: "approve",
          rationale: "Threshold may be met; a Legal Planning Meeting will decide on pre-proceedings",
          agreed: { legalPlanningMeeting: true },
          minutes: { workingWell: "Grandmother visits daily", worries: "Missed medical appointments", needsToHappen: "Legal advice within two weeks" },
          actions: []
        }
      },
      "Decision"
    )
    const committedAt = performance.now()
    const event = await Promise.race([heard.next, new Promise((_, reject) => setTimeout(() => reject(new Error("replica A heard nothing within 2 s")), 2_000))])
    const lagMs = performance.now() - committedAt
    heard.close()
    console.info(`replica A heard replica C's decision ${lagMs.toFixed(0)} ms after C answered`)
    expect((event as any).data.decisionRecorded.decision).toEqual({ id: decision.id, referralId: underWay.agenda[0].referralId })
    expect(lagMs).toBeLessThan(2_000)
  }, 30_000)

  it(`${requests * mutationsPerRequest} concurrent mutations over the three: every event once with gapless positions, every notification emailed once`, async () => {
    const before = await everyEvent()
    const mailsBefore = smtp.received.length
    const [writer, approver] = await Promise.all([tokenAs("social_worker", socialWorker), tokenAs("team_manager", teamManager)])
    let sent = 0
    /** Round robin over the replicas: consecutive steps of one request go to different processes. */
    const next = () => urls[sent++ % urls.length]!
    const onReferral = "... on Referral { id status }"
    const requestPath = async (n: number) => {
      const draft = await command(
        next(),
        writer,
        "createReferralDraft",
        onReferral,
        {
          form: {
            panelId: "support-panel",
            socialWorker,
            teamManager,
            children: [{ childId: `MOSAIC-REPLICA-${n}`, fullName: `Rowan Testbury ${n}`, dateOfBirth: "2015-03-02", plan: "CIN" }],
            requestTypes: [requestType],
            request: "An edge-of-care worker for 12 weeks",
            reason: "Parenting capacity has fallen",
            proposedPlan: "Family group conference and an edge-of-care worker"
          }
        },
        "Referral"
      )
      for (const kind of papers) {
        await command(next(), writer, "recordReferralDocument", onReferral, { referralId: draft.id, document: { documentId: `${draft.id}-${kind}`, kind, title: kind } }, "Referral")
      }
      await command(next(), writer, "submitReferral", onReferral, { referralId: draft.id }, "Referral")
      await command(next(), approver, "approveReferral", onReferral, { referralId: draft.id }, "Referral")
      return draft.id as string
    }
    replicas.forEach((replica, i) => {
    serverLogs[i] = ""
    replica.child.stderr!.on("data", (chunk: Buffer) => {
      serverLogs[i] += chunk.toString()
    })
  })
  const startedAt = performance.now()
    const referralIds = await Promise.all(Array.from({ length: requests }, (_, n) => requestPath(n)))
    console.info(`${sent} mutations over 3 replicas in ${((performance.now() - startedAt) / 1000).toFixed(1)} s`)
    expect(sent).toBe(requests * mutationsPerRequest)

    // Every event once: positions run 1..N with no gap, and each request's stream holds each of its mutations once.
    const events = await everyEvent()
    expect(events.map((event) => event.position)).toEqual(events.map((_, i) => i + 1))
    const added = events.slice(before.length)
    for (const id of referralIds) {
      const stream = added.filter((event) => event.stream.id === id)
      expect(stream.map((event) => event.version)).toEqual(stream.map((_, i) => i + 1))
      const documentIds = stream.flatMap((event) => {
        const documentId = (event.data as { document?: { documentId?: string } }).document?.documentId
        return documentId === undefined ? [] : [documentId]
      })
      expect(documentIds.sort()).toEqual(papers.map((kind) => `${id}-${kind}`).sort())
      expect(stream.filter((event) => event.type === "ReferralSubmitted")).toHaveLength(1)
      expect(stream.filter((event) => event.type === "ReferralApproved")).toHaveLength(1)
    }

    // Every notification once by email: the API's dispatchers (the email channel) empty it, and the SMTP server got each id exactly once.
    for (let waited = 0; (await pendingNotifications()) > 0; waited += 200) {
      expect(waited, "the outbox was not delivered within 30 s").toBeLessThan(30_000)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    const outbox = await store.runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql<{ id: string; state: string }>`SELECT outbox.id, delivery.state FROM outbox JOIN outbox_deliveries AS delivery ON delivery.seq = outbox.seq AND delivery.channel = 'email'`))
    const ours = outbox.filter((entry) => referralIds.some((id) => entry.id.startsWith(`${id}:`)))
    expect(ours.length).toBeGreaterThanOrEqual(2 * requests)
    expect(ours.filter((entry) => entry.state !== "delivered")).toEqual([])
    const mailed = smtp.received.slice(mailsBefore).map(notificationIdOf)
    const timesMailed = (id: string) => mailed.filter((mailedId) => mailedId === id).length
    expect(ours.filter((entry) => timesMailed(entry.id) !== 1)).toEqual([])
    const everyMailed = smtp.received.map(notificationIdOf)
    expect(everyMailed.filter((id, i) => everyMailed.indexOf(id) !== i)).toEqual([])
  }, 120_000)
})
