import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type Notification, Notifier } from "@carepanel/core"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect, Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { outboundNotifier } from "../src/app/outboundNotifier.js"
import { insertReference } from "../src/inbox/references.js"
import { startCaseSystem, verifyWebhook } from "./support/caseSystem.js"
import { authority, eclipseSecret, nextSecret, secret, sourcesFor } from "./support/fixtures.js"
import { testConfig } from "./support/receiver.js"

type CaseSystem = Awaited<ReturnType<typeof startCaseSystem>>
let mosaicSide: CaseSystem
let eclipseSide: CaseSystem
let deliverNow: (notification: Notification) => Promise<void>

const outbound = (url: string, outboundSecret: string) => ({ url, secrets: [outboundSecret], allowPrivateNetwork: true })

beforeAll(async () => {
  mosaicSide = await startCaseSystem()
  eclipseSide = await startCaseSystem()
  const base = sourcesFor().authorities[authority].sources
  // Two sources with endpoints of their own, and one (carefirst) that names none.
  const sources = {
    authorities: {
      [authority]: {
        sources: {
          mosaic: { ...base.mosaic, outbound: outbound(mosaicSide.url, nextSecret) },
          eclipse: { ...base.eclipse, outbound: outbound(eclipseSide.url, secret) },
          carefirst: { secrets: [eclipseSecret], events: ["request.withdrawn"], roles: ["social_worker"] }
        }
      }
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), "carepanel-outbound-notifier-"))
  const store = Layer.orDie(SqliteStoreLayer({ dataDir }))
  await Effect.runPromise(
    Effect.all([
      insertReference({ authorityId: authority, sourceId: "mosaic", recordType: "request", reference: "MOS-7001" }, "referral-from-mosaic", "msg_1"),
      insertReference({ authorityId: authority, sourceId: "eclipse", recordType: "placement", reference: "ECL-PL-22" }, "placement-from-eclipse", "msg_2"),
      insertReference({ authorityId: authority, sourceId: "carefirst", recordType: "request", reference: "CF-9" }, "referral-from-carefirst", "msg_3")
    ]).pipe(Effect.provide(store))
  )
  const notifier = outboundNotifier(testConfig(dataDir, sources).sources, 5_000, "https://carepanel.example.org/receiver//")
  deliverNow = (notification) =>
    Effect.runPromise(Effect.flatMap(Notifier, (port) => port.deliver(notification)).pipe(Effect.provide(Layer.provide(notifier, store))))
}, 60_000)

afterAll(async () => {
  await mosaicSide?.close()
  await eclipseSide?.close()
})

let sequence = 0
const notification = (kind: string, facts: Notification["facts"]): Notification => ({
  id: `note-${++sequence}`,
  authorityId: authority as Notification["authorityId"],
  kind,
  recipients: [],
  headline: "An outcome",
  body: [],
  facts
})

/** What each case system was sent for one notification, verified with that side's outbound secret. */
const sentFor = (id: string) => ({
  mosaic: mosaicSide.received.filter((r) => JSON.parse(r.body).data.notificationId === id).map((r) => verifyWebhook(r, nextSecret).data),
  eclipse: eclipseSide.received.filter((r) => JSON.parse(r.body).data.notificationId === id).map((r) => verifyWebhook(r, secret).data)
})

describe("outboundNotifier: each outcome to the endpoint of the source that created its record, with that source's reference", () => {
  it("a request's outcome (referralId), a placement's (placementId) and a clock's (aboutId) each go to their own source's endpoint", async () => {
    const request = notification("decision.made", { referralId: "referral-from-mosaic", decisionId: "decision-1" })
    const placement = notification("placement.review_due", { placementId: "placement-from-eclipse" })
    const clock = notification("clock.due", { aboutId: "referral-from-mosaic", clockId: "clock-1" })
    await deliverNow(request)
    await deliverNow(placement)
    await deliverNow(clock)
    expect(sentFor(request.id)).toEqual({ mosaic: [expect.objectContaining({ source: { sourceId: "mosaic", recordType: "request", reference: "MOS-7001" } })], eclipse: [] })
    expect(sentFor(placement.id)).toEqual({ mosaic: [], eclipse: [expect.objectContaining({ source: { sourceId: "eclipse", recordType: "placement", reference: "ECL-PL-22" } })] })
    expect(sentFor(clock.id)).toEqual({ mosaic: [expect.objectContaining({ source: { sourceId: "mosaic", recordType: "request", reference: "MOS-7001" } })], eclipse: [] })
    expect(sentFor(request.id).mosaic[0]).not.toHaveProperty("document")
  })

  it("sends nothing for a record no source created, for a source without an endpoint, or for a fact that names no record", async () => {
    const before = mosaicSide.received.length + eclipseSide.received.length
    await deliverNow(notification("decision.made", { referralId: "referral-from-the-panel" }))
    await deliverNow(notification("decision.made", { referralId: "referral-from-carefirst" }))
    await deliverNow(notification("decision.made", { decisionId: "referral-from-mosaic" }))
    expect(mosaicSide.received.length + eclipseSide.received.length).toBe(before)
  })

  it("a filed decision sheet carries its link under the public URL (its trailing slashes dropped), the source's path and the hash; never without both ids", async () => {
    const facts = { referralId: "referral-from-mosaic", decisionId: "decision-7", childId: "child-ash-01", sha256: "ab".repeat(32), mediaType: "application/pdf" }
    const sheet = notification("decision.sheet_uploaded", facts)
    const noChild = notification("decision.sheet_uploaded", { ...facts, childId: 7 })
    const noDecision = notification("decision.sheet_uploaded", { ...facts, decisionId: 7 })
    const otherKind = notification("decision.made", facts)
    for (const each of [sheet, noChild, noDecision, otherKind]) await deliverNow(each)
    expect(sentFor(sheet.id).mosaic[0]!.document).toEqual({
      href: "https://carepanel.example.org/receiver/webhooks/wexcombe/mosaic/decision-sheets/decision-7/child-ash-01.pdf",
      sha256: "ab".repeat(32),
      mediaType: "application/pdf"
    })
    for (const each of [noChild, noDecision, otherKind]) expect(sentFor(each.id).mosaic[0]).not.toHaveProperty("document")
  })
})
