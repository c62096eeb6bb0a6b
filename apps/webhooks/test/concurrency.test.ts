import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PgStoreLayer } from "@carepanel/store-sql"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type PostgresCluster, startPostgresCluster } from "../../../packages/store-sql/dev/postgresCluster.js"
import { sourcesFor, submitted } from "./support/fixtures.js"
import { type ReceiverProcess, spawnReceiver } from "./support/process.js"
import { signedHeaders } from "./support/receiver.js"
import { countOf, sqliteAt } from "./support/storeQuery.js"

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
}, 120_000)
afterAll(() => cluster?.stop())

const sourcesFile = () => {
  const dir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-procs-"))
  const file = join(dir, "sources.json")
  writeFileSync(file, JSON.stringify(sourcesFor()))
  return { dir, file }
}

/** 1,000 POSTs of one signed delivery, 50 at a time, alternating between the two processes. */
const burstOfRepeats = async (receivers: ReadonlyArray<ReceiverProcess>) => {
  const body = JSON.stringify(submitted("form-burst"))
  const headers = signedHeaders(body, { id: "msg_burst" })
  const answers: Array<{ status: number; text: string }> = []
  for (let round = 0; round < 20; round++) {
    answers.push(
      ...(await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const response = await fetch(`${receivers[i % 2]!.url}/webhooks/wexcombe/mosaic`, { method: "POST", headers, body })
          return { status: response.status, text: await response.text() }
        })
      ))
    )
  }
  return answers
}

const engines = [
  ["SQLite (one file, WAL)", () => {
    const { dir, file } = sourcesFile()
    return { env: { CAREPANEL_DATA_DIR: dir, CAREPANEL_WEBHOOK_SOURCES: file, CAREPANEL_LOG_LEVEL: "Warning" }, store: sqliteAt(dir) }
  }],
  ["PostgreSQL", () => {
    const { file } = sourcesFile()
    const url = cluster.url("postgres")
    return { env: { DATABASE_URL: url, CAREPANEL_WEBHOOK_SOURCES: file, CAREPANEL_LOG_LEVEL: "Warning" }, store: PgStoreLayer(url) }
  }]
] as const

describe.each(engines)("%s: two receiver processes on one store", (_, setup) => {
  it("answers 1,000 deliveries of one id (50 at a time, over two processes) alike, and creates one request", async () => {
    const { env, store } = setup()
    const receivers = await Promise.all([spawnReceiver(env), spawnReceiver(env)])
    try {
      const answers = await burstOfRepeats(receivers)
      expect(answers).toHaveLength(1_000)
      expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]))
      expect(new Set(answers.map((answer) => answer.text)).size).toBe(1)
      expect(await countOf(store, "SELECT COUNT(*) AS n FROM events WHERE type = 'DraftCreated'")).toBe(1)
      expect(await countOf(store, "SELECT COUNT(*) AS n FROM webhook_deliveries")).toBe(1)
      expect(await countOf(store, "SELECT COUNT(*) AS n FROM inbox")).toBe(1)
    } finally {
      await Promise.all(receivers.map((receiver) => receiver.stop()))
    }
  }, 120_000)
})
