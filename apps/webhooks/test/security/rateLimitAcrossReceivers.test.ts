import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { untilWindowStarts } from "@carepanel/app-kit/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { eclipseSecret, sourcesFor } from "../support/fixtures.js"
import { type ReceiverProcess, spawnReceiver } from "../support/process.js"
import { deliver } from "../support/receiver.js"

/** Issue 14 item 9 across processes: two receivers on one SQLite data directory share one source's allowance. */
const limit = 10
const sent = 3 * limit
/** Deliveries go to the two receivers in turn, one every `paceMs` (20 a second). */
const paceMs = 50
/** docs/deployment.md, "Limits across replicas": the limit plus what is sent in 0.5 s. */
const overshoot = 500 / paceMs
const malformed = { type: "request.withdrawn", data: {} }
let receivers: ReadonlyArray<ReceiverProcess> = []

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-limit-"))
  const file = join(dir, "sources.json")
  writeFileSync(file, JSON.stringify(sourcesFor()))
  const env = { CAREPANEL_DATA_DIR: dir, CAREPANEL_WEBHOOK_SOURCES: file, CAREPANEL_LOG_LEVEL: "Warning", CAREPANEL_WEBHOOK_REQUESTS_PER_MINUTE: String(limit) }
  receivers = await Promise.all([spawnReceiver(env), spawnReceiver(env)])
}, 120_000)
afterAll(() => Promise.all(receivers.map((receiver) => receiver.stop())), 30_000)

describe("the per-source limit across two receiver processes", () => {
  it(`${limit} verified deliveries a minute per source: at most ${limit} + ${overshoot} taken over both, not 2 x ${limit}; another source is unaffected`, async () => {
    // Windows are aligned to the minute; start early in one so that the burst does not straddle two.
    if (60_000 - (Date.now() % 60_000) < 5_000) await untilWindowStarts(60)
    const answers: Array<Promise<Awaited<ReturnType<typeof deliver>>>> = []
    for (let i = 0; i < sent; i++) {
      answers.push(deliver(receivers[i % 2]!.url, malformed))
      await new Promise((resolve) => setTimeout(resolve, paceMs))
    }
    const answered = await Promise.all(answers)
    const taken = answered.filter((answer) => answer.status === 422).length
    const refused = answered.filter((answer) => answer.status === 429)
    console.info(`taken over 2 receivers, limit ${limit}: ${taken} of ${sent}`)
    expect(taken + refused.length).toBe(sent)
    expect(taken).toBeGreaterThanOrEqual(limit)
    expect(taken).toBeLessThanOrEqual(limit + overshoot)
    for (const { retryAfter } of refused) expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
    for (const receiver of receivers) expect((await deliver(receiver.url, malformed, { source: "eclipse", secret: eclipseSecret })).status).toBe(422)
  }, 60_000)
})
