import { createHash } from "node:crypto"
import { mkdtempSync, writeFileSync } from "node:fs"
import { Session } from "node:inspector/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { GroupedWrites, SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect, Layer, Logger, LogLevel, ManagedRuntime } from "effect"
import { receiverLayer } from "../src/app/appLayer.js"
import { findSource } from "../src/config/sources.js"
import { makeRunner } from "../src/http/runner.js"
import { submitted, teamManager } from "../test/support/fixtures.js"
import { quietNotifier, testConfig } from "../test/support/receiver.js"
import { benchDeliveries } from "./settings.js"

/**
 * `npm run bench:profile -- <file>`: CPU per whole delivery through the runner (no HTTP), 10 at a time as the bench's
 * connections send them, and a V8 CPU profile of those deliveries only (not the start or the seeding) written to <file>.
 * `BENCH_SYNCHRONOUS=NORMAL` takes the commit's fsync out of the profile (it samples wall time on the main thread).
 * The tracer is off, as in the receiver without telemetry (`telemetryOrOff`).
 */
const requests = 50
const deliveries = benchDeliveries()
const concurrency = 10
const out = process.argv[2]

const dataDir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-profile-"))
const config = testConfig(dataDir)
const runtime = ManagedRuntime.make(
  Layer.mergeAll(receiverLayer({ store: SqliteStoreLayer({ dataDir, synchronous: process.env.BENCH_SYNCHRONOUS === "NORMAL" ? "NORMAL" : "FULL" }), policies: config.policies, notifier: quietNotifier }), Logger.minimumLogLevel(LogLevel.Warning), Layer.setTracerEnabled(false))
)
const runner = makeRunner(runtime, await runtime.runPromise(Effect.map(GroupedWrites, (writes) => writes.transaction)))
const source = findSource(config.sources, "wexcombe", "mosaic")!
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")
const receive = (deliveryId: string, text: string) =>
  runner.receive({ authorityId: "wexcombe", sourceId: "mosaic", sourceRoles: source.roles, sourceEvents: source.events, deliveryId, text, bodySha256: sha256(text) })

for (let i = 0; i < requests; i++) await receive(`seed-${i}`, JSON.stringify(submitted(`bench-${i}`, { id: `child-bench-${i}`, name: "Sam Fictional" })))
let n = 0
const attached = () =>
  JSON.stringify({ type: "document.attached", data: { formId: `bench-${n % requests}`, actor: teamManager, document: { documentId: `bench-doc-${n++}`, kind: "other", title: "Case note" } } })
const worker = async (count: number) => {
  for (let i = 0; i < count; i++) {
    const answer = await receive(`profile-${n}`, attached())
    if (answer.status !== 200) throw new Error(JSON.stringify(answer))
  }
}
// Warm up (the first deliveries of each request load its whole stream), then measure.
await Promise.all(Array.from({ length: concurrency }, () => worker(20)))
const session = new Session()
if (out) {
  session.connect()
  await session.post("Profiler.enable")
  await session.post("Profiler.setSamplingInterval", { interval: 200 })
  await session.post("Profiler.start")
}
const start = process.cpuUsage()
const wall = performance.now()
await Promise.all(Array.from({ length: concurrency }, () => worker(deliveries / concurrency)))
const used = process.cpuUsage(start)
const seconds = (performance.now() - wall) / 1000
if (out) {
  const { profile } = await session.post("Profiler.stop")
  writeFileSync(out, JSON.stringify(profile))
}
console.log(`${deliveries} deliveries, ${concurrency} at a time: ${((used.user + used.system) / 1000 / deliveries).toFixed(2)} CPU ms each, ${(deliveries / seconds).toFixed(0)}/s`)
await runtime.dispose()
