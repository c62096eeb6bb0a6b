// A second process on the store: makes a ready request for a fictional child through the core, as the API would.
import { readFileSync } from "node:fs"
import { DateTime, Effect, Layer } from "effect"
import { Notifier, parsePolicyText } from "@carepanel/core"
import { staffOf } from "@carepanel/core/testing"
import { asOf, demoPolicyFile, makeRequest } from "@carepanel/demo"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { RandomIds } from "@carepanel/app-kit"
import { tuiLayer } from "../../src/core/tuiLayer.js"

const [dataDir, at] = process.argv.slice(2) as [string, string]
const policy = Effect.runSync(parsePolicyText(readFileSync(demoPolicyFile, "utf8"), demoPolicyFile))
const store = SqliteStoreLayer({ dataDir })
// This process delivers nothing: its notifications wait in the outbox for the store's dispatcher.
const notifier = Layer.succeed(Notifier, Notifier.of({ deliver: () => Effect.void }))
const layer = tuiLayer({ store, accessLog: store, ids: RandomIds, policies: [policy], notifier })
const made = await Effect.runPromise(
  asOf(DateTime.unsafeMake(at))(makeRequest(policy, staffOf(policy.authority.id), { id: "wx-child-10", name: "Ivo Drummond" }, policy.referral.inScope.requestTypes[0]!, "ready")).pipe(
    Effect.provide(layer)
  )
)
console.log(made.id)
