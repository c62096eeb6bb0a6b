/**
 * The other process of the change-feed lag bench: opens the store named by its environment (DATABASE_URL or
 * CAREPANEL_DATA_DIR), waits for "go" on stdin, then appends `count` one-event commits `pauseMs` apart.
 */
import { EventStore } from "@carepanel/core"
import { Effect } from "effect"
import { StoreLayerFromEnv } from "../src/index.js"

const [count, pauseMs] = process.argv.slice(2).map(Number) as [number, number]
const authorityId = "bench" as never

const go = new Promise<void>((resolve) => process.stdin.once("data", () => resolve()))

const program = Effect.gen(function* () {
  const store = yield* EventStore
  console.log("ready")
  yield* Effect.promise(() => go)
  for (let i = 0; i < count; i++) {
    yield* store.append({
      stream: { authorityId, streamType: "referral", id: `lag-${i}` },
      expectedVersion: 0,
      events: [{ type: "ReferralSubmitted", data: { i } }],
      readModels: [],
      notifications: []
    })
    yield* Effect.sleep(pauseMs)
  }
})

await Effect.runPromise(program.pipe(Effect.provide(StoreLayerFromEnv), Effect.scoped))
process.exit(0)
