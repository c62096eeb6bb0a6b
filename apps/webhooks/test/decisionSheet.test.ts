import { createHash } from "node:crypto"
import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Documents, type Decision, ReadModels } from "@carepanel/core"
import { inMemoryCore, playWeek, staffOf } from "@carepanel/core/testing"
import { pdfFile } from "@carepanel/documents"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect, Layer, TestContext } from "effect"
import { extractText, getDocumentProxy } from "unpdf"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { outboundNotifier } from "../src/app/outboundNotifier.js"
import { insertReference } from "../src/inbox/references.js"
import { startCaseSystem, verifyWebhook, withOutbound } from "./support/caseSystem.js"
import { authority, eclipseSecret, nextSecret, secret, sourcesFor } from "./support/fixtures.js"
import { startTestReceiver, testConfig } from "./support/receiver.js"
import { countOf, queryStore } from "./support/storeQuery.js"
import { Webhook } from "standardwebhooks"

const outboundSecret = nextSecret
const formId = "MOS-SHEET-0001"
const run = promisify(execFile)
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

let caseSystem: Awaited<ReturnType<typeof startCaseSystem>>
let receiver: Awaited<ReturnType<typeof startTestReceiver>>
let decision: Decision
/** A decision of the same week whose request no source sent. */
let panelsOwn: Decision
let filedSha256: string

/** A port nothing listens on just now, for a receiver that must know its own address before it starts. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })

/** A GET signed as the source signs its deliveries, with the path in place of the body (docs/webhooks.md). */
const signedGet = (href: string, signingSecret: string | undefined, signedPath = new URL(href).pathname) => {
  const id = `fetch_${Math.random().toString(36).slice(2)}`
  const timestamp = Math.floor(Date.now() / 1000)
  const headers: Record<string, string> =
    signingSecret === undefined
      ? {}
      : { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": new Webhook(signingSecret).sign(id, new Date(timestamp * 1000), signedPath) }
  return fetch(href, { headers })
}

beforeAll(async () => {
  caseSystem = await startCaseSystem()
  const sources = withOutbound(sourcesFor(), caseSystem.url, outboundSecret)
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-sheet-"))
  const config = testConfig(dataDir, sources)
  const policy = config.policies.find((candidate) => candidate.authority.id === authority)!
  const staff = staffOf(policy.authority.id)
  const store = SqliteStoreLayer({ dataDir })
  // A week of the panel on a test clock (June 2027); the request heard first is one mosaic sent (its form id), and
  // the administrator files its child's decision sheet. Played before the receiver starts: nothing else writes.
  const played = Effect.gen(function* () {
    const week = yield* playWeek(policy, { uploads: false })
    const heard = week.decisions[0]!
    yield* insertReference({ authorityId: authority, sourceId: "mosaic", recordType: "request", reference: formId }, heard.subject.referralId, "msg_sheet_seed")
    const uploaded = yield* Effect.flatMap(Documents, (documents) =>
      documents.uploadDecisionSheet({ actor: staff.administrator, identityGranted: false, purpose: "Upload" }, heard.id, heard.subject.childIds[0], pdfFile)
    )
    const other = week.decisions.find((candidate) => candidate.subject.referralId !== heard.subject.referralId)!
    return { heard, other, sha256: uploaded.file.sha256 }
  })
  const built = Layer.orDie(store)
  const core = Documents.Default.pipe(Layer.provideMerge(inMemoryCore(policy, built)), Layer.provideMerge(built))
  const result = await Effect.runPromise(played.pipe(Effect.provide(core), Effect.provide(TestContext.TestContext)))
  decision = result.heard
  panelsOwn = result.other
  filedSha256 = result.sha256
  // Queued at the test clock's June 2027: due now, as if that time had come.
  await queryStore(store, `UPDATE outbox_deliveries SET next_attempt_at = ? WHERE channel = 'webhook' AND seq IN (SELECT seq FROM outbox WHERE notification LIKE '%decision.sheet_uploaded%')`, [new Date().toISOString()])
  const port = await freePort()
  receiver = await startTestReceiver({ dataDir, sources, port, dispatch: true, notifier: outboundNotifier(config.sources, 5_000, `http://127.0.0.1:${port}`) })
}, 120_000)

afterAll(async () => {
  await receiver?.close()
  await caseSystem?.close()
})

const fetchedReads = () => countOf(receiver.store, "SELECT COUNT(*) AS n FROM access_log WHERE purpose = 'decision sheet fetched by source mosaic'")

describe("a decision sheet filed on a child's file (CPR-11) goes to the case system as a document event", () => {
  it("signed webhook with a link; the case system fetches the PDF with its credentials and gets exactly the sheet whose hash was sent", async () => {
    const webhook = await caseSystem.waitFor((received) => received.find((r) => JSON.parse(r.body).type === "decision.sheet_uploaded"), 60_000)
    const event = verifyWebhook(webhook, outboundSecret)
    const childId = decision.subject.childIds[0]
    expect(event.data.source).toEqual({ sourceId: "mosaic", recordType: "request", reference: formId })
    expect(event.data.facts).toMatchObject({ decisionId: decision.id, referralId: decision.subject.referralId, childId, sha256: filedSha256, stage: "final" })
    const href = `${receiver.url}/webhooks/wexcombe/mosaic/decision-sheets/${decision.id}/${childId}.pdf`
    expect(event.data.document).toEqual({ href, sha256: filedSha256, mediaType: "application/pdf" })
    expect(webhook.body, "no PDF in the webhook").not.toContain("JVBERi")
    expect(webhook.body).not.toContain("Alex Brook")

    expect(await fetchedReads()).toBe(0)
    const answer = await signedGet(href, secret)
    expect(answer.status).toBe(200)
    expect(answer.headers.get("content-type")).toBe("application/pdf")
    expect(answer.headers.get("content-disposition")).toBe(`attachment; filename="decision-sheet-${childId}.pdf"`)
    expect(answer.headers.get("repr-digest")).toBe(`sha-256=:${Buffer.from(filedSha256, "hex").toString("base64")}:`)
    expect(answer.headers.get("cache-control"), "no cache keeps a child's sheet").toBe("no-store")
    const pdf = new Uint8Array(await answer.arrayBuffer())
    expect(sha256(pdf)).toBe(event.data.document.sha256)
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true })
    expect(text).toContain("Decision sheet")
    expect(text).toContain("Alex Brook")
    expect(text).toContain(decision.id)
    expect(await fetchedReads(), "the fetch is an audited read of the child").toBeGreaterThan(0)
    const [entry] = await queryStore<{ person_id: string; role: string; child_id: string }>(receiver.store, "SELECT person_id, role, child_id FROM access_log WHERE purpose = 'decision sheet fetched by source mosaic'")
    expect(entry).toEqual({ person_id: "source:mosaic", role: "integrator", child_id: childId })
  }, 120_000)

  it("answers 401 without credentials, with the wrong secret or a signature for another path, 403 to another source; nothing is logged as read", async () => {
    const childId = decision.subject.childIds[0]
    const href = `${receiver.url}/webhooks/wexcombe/mosaic/decision-sheets/${decision.id}/${childId}.pdf`
    const before = await fetchedReads()
    const logged = () => countOf(receiver.store, "SELECT COUNT(*) AS n FROM access_log")
    const allBefore = await logged()
    expect((await signedGet(href, undefined)).status).toBe(401)
    expect((await signedGet(href, eclipseSecret)).status).toBe(401)
    expect((await signedGet(href, secret, `/webhooks/wexcombe/mosaic/decision-sheets/${decision.id}/someone-else.pdf`)).status).toBe(401)
    const asEclipse = await signedGet(`${receiver.url}/webhooks/wexcombe/eclipse/decision-sheets/${decision.id}/${childId}.pdf`, eclipseSecret)
    expect(asEclipse.status).toBe(403)
    expect(await asEclipse.text()).not.toContain("%PDF")
    expect((await signedGet(`${receiver.url}/webhooks/wexcombe/mosaic/decision-sheets/${decision.id}/child-of-nobody.pdf`, secret)).status).toBe(404)
    expect(await fetchedReads()).toBe(before)
    expect(await logged()).toBe(allBefore)
  }, 60_000)

  it("answers 401 for a source the sources file does not name, 404 for no such decision or a file not named .pdf, 403 for a decision whose request no source sent", async () => {
    const childId = decision.subject.childIds[0]
    const sheetsOf = (source: string) => `${receiver.url}/webhooks/wexcombe/${source}/decision-sheets`
    const before = await fetchedReads()
    for (const source of ["nobody", "constructor"]) {
      const answer = await signedGet(`${sheetsOf(source)}/${decision.id}/${childId}.pdf`, secret)
      expect(answer.status, source).toBe(401)
      expect(await answer.json()).toMatchObject({ status: 401, title: "The delivery could not be verified." })
    }
    const noSuchDecision = await signedGet(`${sheetsOf("mosaic")}/decision-of-nobody/${childId}.pdf`, secret)
    expect(noSuchDecision.status).toBe(404)
    expect(await noSuchDecision.json()).toMatchObject({ title: "No decision sheet was filed on this child's file for this decision." })
    for (const file of [`${childId}.htm`, `${childId}.pdf.htm`, childId]) {
      expect((await signedGet(`${sheetsOf("mosaic")}/${decision.id}/${file}`, secret)).status, file).toBe(404)
    }
    const notASources = await signedGet(`${sheetsOf("mosaic")}/${panelsOwn.id}/${panelsOwn.subject.childIds[0]}.pdf`, secret)
    expect(notASources.status).toBe(403)
    expect(await notASources.json()).toMatchObject({ title: "This decision sheet is about a request another source sent." })
    expect(await fetchedReads()).toBe(before)
  }, 60_000)

  it("a store that does not answer (a network partition) is answered 503 with Retry-After once the limit passes, not left hanging", async () => {
    const { store } = receiver
    // The same store, but its read models never answer, as a database behind a partition does not.
    const unanswering = Layer.merge(store, Layer.succeed(ReadModels, ReadModels.of({ get: () => Effect.never, query: () => Effect.never })))
    const stuck = await startTestReceiver({ dataDir: receiver.dataDir, store: unanswering, storeAnswerMs: 500 })
    try {
      const childId = decision.subject.childIds[0]
      const started = Date.now()
      const answer = await signedGet(`${stuck.url}/webhooks/wexcombe/mosaic/decision-sheets/${decision.id}/${childId}.pdf`, secret)
      expect(answer.status).toBe(503)
      expect(answer.headers.get("retry-after")).toBe("5")
      expect(await answer.json()).toMatchObject({ status: 503, title: "The decision sheet could not be read just now; please fetch it again." })
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      await stuck.close()
    }
  }, 60_000)

  it("docs/webhooks.md: the event has the documented shape, and its Node example fetches and checks the sheet, run as a process", async () => {
    const doc = repositoryFile("docs/webhooks.md")
    const section = doc.slice(doc.indexOf("### Decision sheets"))
    const documented = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!)
    const webhook = await caseSystem.waitFor((received) => received.find((r) => JSON.parse(r.body).type === "decision.sheet_uploaded"))
    const event = verifyWebhook(webhook, outboundSecret)
    expect(Object.keys(event.data).sort()).toEqual(Object.keys(documented.data).sort())
    // ruleId is the upload clock's, which this authority does not run.
    expect(Object.keys(event.data.facts).sort()).toEqual(Object.keys(documented.data.facts).filter((key) => key !== "ruleId").sort())
    expect(Object.keys(event.data.document).sort()).toEqual(Object.keys(documented.data.document).sort())

    const example = /```js\n([\s\S]*?)```/.exec(section)![1]!
    // Inside the app's folder, so `standardwebhooks` resolves as it would in an integrator's project.
    const dir = mkdtempSync(join(fileURLToPath(new URL("..", import.meta.url)), ".docs-example-"))
    try {
      writeFileSync(join(dir, "fetch-sheet.mjs"), example)
      const env = { ...process.env, HREF: event.data.document.href, SHA256: event.data.document.sha256, CAREPANEL_WEBHOOK_SECRET: secret }
      const { stdout } = await run(process.execPath, ["fetch-sheet.mjs"], { cwd: dir, env, timeout: 60_000 })
      expect(stdout).toMatch(new RegExp(`^decision-sheet\\.pdf: \\d+ bytes, SHA-256 ${filedSha256}\\n$`))
      expect(sha256(readFileSync(join(dir, "decision-sheet.pdf")))).toBe(filedSha256)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)
})
