import { createHash } from "node:crypto"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Actor, AuthorityId, DocumentId, PersonId, ReferralId, Referrals } from "@carepanel/core"
import { GroupedWrites, SqliteStoreLayer } from "@carepanel/store-sql"
import { Effect, Layer, Logger, LogLevel, ManagedRuntime } from "effect"
import { Webhook } from "standardwebhooks"
import { receiverLayer } from "../src/app/appLayer.js"
import { findSource } from "../src/config/sources.js"
import { decodeEvent } from "../src/events/decodeEvent.js"
import { earlierAnswer } from "../src/inbox/applyDelivery.js"
import { makeRunner } from "../src/http/runner.js"
import { verifySignature } from "../src/http/verifySignature.js"
import { secret, submitted, teamManager } from "../test/support/fixtures.js"
import { quietNotifier, testConfig } from "../test/support/receiver.js"

/**
 * `npm run bench:phases`: where a delivery's time goes, as CPU milliseconds per delivery (CPU time, so other work on
 * the machine barely moves it), in one process on one SQLite file: the signature check, the look for an earlier
 * answer, decoding the event, the core's own `recordDocument` in a transaction of its own, and a whole delivery
 * (`document.attached` through the runner: look, decode, the inbox transaction with the core's append inside).
 */
const requests = 50
const repeats = 300

const dataDir = mkdtempSync(join(tmpdir(), "carepanel-webhooks-phases-"))
const config = testConfig(dataDir)
const runtime = ManagedRuntime.make(
  Layer.mergeAll(receiverLayer({ store: SqliteStoreLayer({ dataDir }), policies: config.policies, notifier: quietNotifier }), Logger.minimumLogLevel(LogLevel.Warning))
)
const runner = makeRunner(runtime, await runtime.runPromise(Effect.map(GroupedWrites, (writes) => writes.transaction)))
const source = findSource(config.sources, "wexcombe", "mosaic")!
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex")
const receive = (deliveryId: string, text: string) =>
  runner.receive({ authorityId: "wexcombe", sourceId: "mosaic", sourceRoles: source.roles, sourceEvents: source.events, deliveryId, text, bodySha256: sha256(text) })

const requestIds: Array<string> = []
for (let i = 0; i < requests; i++) {
  const answer = await receive(`seed-${i}`, JSON.stringify(submitted(`bench-${i}`, { id: `child-bench-${i}`, name: "Sam Fictional" })))
  requestIds.push((answer.body as { touched: Array<{ id: string }> }).touched[0]!.id)
}

let n = 0
const attached = () =>
  JSON.stringify({ type: "document.attached", data: { formId: `bench-${n % requests}`, actor: teamManager, document: { documentId: `bench-doc-${n++}`, kind: "other", title: "Case note" } } })

/** Runs the phases in turn, `repeats` times (so the requests' histories grow alike under each), and prints each one's CPU per call. */
const cpuPerCall = async (phases: ReadonlyArray<readonly [string, (i: number) => unknown]>) => {
  const micros = phases.map(() => 0)
  for (let i = 0; i < repeats; i++) {
    for (const [p, [, call]] of phases.entries()) {
      const start = process.cpuUsage()
      await call(i)
      const used = process.cpuUsage(start)
      micros[p]! += used.user + used.system
    }
  }
  for (const [p, [phase]] of phases.entries()) console.log(`| ${phase} | ${(micros[p]! / 1000 / repeats).toFixed(2)} |`)
}

console.log(`\nCPU per delivery, ${repeats} of each (SQLite, ${requests} requests)\n`)
console.log("| phase | CPU ms |")
console.log("|---|---|")
const signed = attached()
const now = new Date()
const headers = { id: "msg_phases", timestamp: String(Math.floor(now.getTime() / 1000)), signature: new Webhook(secret).sign("msg_phases", now, signed) }
const bytes = new TextEncoder().encode(signed)
const actor = new Actor({ personId: PersonId.make(teamManager.personId), name: teamManager.name, authorityId: AuthorityId.make("wexcombe"), roles: ["team_manager"] })
await cpuPerCall([
  ["verify the signature", () => verifySignature(headers, bytes, [secret], Math.floor(now.getTime() / 1000))],
  ["look for an earlier answer (one read)", (i) => runtime.runPromise(earlierAnswer({ authorityId: "wexcombe", deliveryId: `none-${i}`, bodySha256: "" }))],
  ["decode the event", () => decodeEvent(signed, source.events)],
  [
    "the core's recordDocument alone (its own transaction)",
    (i) =>
      runtime.runPromise(
        Effect.flatMap(Referrals, (referrals) =>
          referrals.recordDocument(actor, ReferralId.make(requestIds[i % requests]!), { documentId: DocumentId.make(`core-doc-${i}`), kind: "other", title: "Case note" })
        )
      )
  ],
  [
    "a whole delivery (look, decode, inbox transaction with the core's append)",
    async (i) => {
      const answer = await receive(`phases-${i}`, attached())
      if (answer.status !== 200) throw new Error(JSON.stringify(answer))
    }
  ]
])
await runtime.dispose()
