import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Notifier } from "@carepanel/core"
import { SqliteStoreLayer, type StoreServices } from "@carepanel/store-sql"
import { Effect, Layer, LogLevel } from "effect"
import { Webhook } from "standardwebhooks"
import { configFromEnv } from "../../src/config/config.js"
import { type ReceiverOptions, startReceiver } from "../../src/app/startApp.js"
import { authority, secret, sourcesFor } from "./fixtures.js"

export const quietNotifier = Layer.succeed(Notifier, Notifier.of({ deliver: () => Effect.void }))

/** Writes a sources file and reads it (and the default policy) as the receiver's environment would. */
export const testConfig = (dataDir: string, sources: unknown = sourcesFor()) => {
  const file = join(dataDir, "sources.json")
  writeFileSync(file, JSON.stringify(sources))
  return configFromEnv({ CAREPANEL_WEBHOOK_SOURCES: file, CAREPANEL_DATA_DIR: dataDir })
}

/** The receiver on 127.0.0.1, a free port, its own SQLite file (or the given store). */
export const startTestReceiver = async (options: Partial<ReceiverOptions> & { readonly dataDir?: string; readonly sources?: unknown } = {}) => {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "carepanel-webhooks-"))
  const config = testConfig(dataDir, options.sources)
  const store: Layer.Layer<StoreServices, unknown> = options.store ?? SqliteStoreLayer({ dataDir })
  const receiver = await startReceiver({
    host: "127.0.0.1",
    port: 0,
    policies: config.policies,
    logLevel: LogLevel.None,
    notifier: quietNotifier,
    // Tests send faster than a case system: test/security/rateLimit.test.ts sets the limit it tests.
    sourceRateLimit: { requests: 1_000_000, windowSeconds: 60 },
    ...options, sources: config.sources, store })
  return { ...receiver, dataDir, store }
}

export interface Sent {
  readonly id?: string
  readonly secret?: string
  readonly timestamp?: number
  readonly source?: string
  readonly headers?: Record<string, string | undefined>
}

export const nowSeconds = () => Math.floor(Date.now() / 1000)

/** Headers signed by the specification's official library. */
export const signedHeaders = (body: string, sent: Sent = {}): Record<string, string> => {
  const id = sent.id ?? `msg_${Math.random().toString(36).slice(2)}`
  const timestamp = sent.timestamp ?? nowSeconds()
  const signature = new Webhook(sent.secret ?? secret).sign(id, new Date(timestamp * 1000), body)
  return { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signature }
}

export interface Answered {
  readonly status: number
  readonly contentType: string
  readonly retryAfter: string | null
  readonly body: any
}

/** POSTs a body (an object is JSON-encoded) to the receiver, signed unless the headers say otherwise. */
export const deliver = async (url: string, payload: unknown, sent: Sent = {}): Promise<Answered> => {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload)
  const headers = Object.fromEntries(
    Object.entries({ ...signedHeaders(body, sent), ...sent.headers }).filter((entry): entry is [string, string] => entry[1] !== undefined)
  )
  const response = await fetch(`${url}/webhooks/${authority}/${sent.source ?? "mosaic"}`, { method: "POST", headers, body })
  const text = await response.text()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = text
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", retryAfter: response.headers.get("retry-after"), body: parsed }
}
