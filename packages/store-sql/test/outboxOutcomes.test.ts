import { type AuthorityId, dispatchOnce, dispatcherConfig, Notifier, Outbox } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStoreLayer } from "../src/index.js"
import { runOn } from "./support/dialects.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

const authorityId = "outbox-authority" as AuthorityId
const batch = 48
const notification = (id: string) => ({
  id,
  authorityId,
  kind: "outbox.test",
  recipients: [{ _tag: "RoleHolder" as const, role: "panel_administrator" as const }],
  headline: `Fictional notice ${id}`,
  body: ["Written by the outbox outcomes test."],
  facts: { id }
})

/** A notifier that answers at once, as the log notifier does: nothing of a pass waits on the network. */
const instant = Notifier.of({ deliver: () => Effect.void })

describe("SQLite: a dispatcher pass records its outcomes through group commit", () => {
  it("shares syncs between a pass's outcomes and lets the event loop turn between them, so requests are read during a pass", async () => {
    const groups: Array<number> = []
    const layer = SqliteStoreLayer({ dataDir: freshDataDir(), onGroup: (size) => groups.push(size) })
    await runOn(
      layer,
      Effect.gen(function* () {
        const outbox = yield* Outbox
        yield* outbox.enqueue(Array.from({ length: batch }, (_, i) => notification(`n-${i}`)), new Date().toISOString())
        groups.length = 0
        // A stand-in for the API's sockets: how many turns of the event loop happen while the pass runs.
        let turns = 0
        let passing = true
        const turn = () => {
          turns++
          if (passing) setImmediate(turn)
        }
        setImmediate(turn)
        const report = yield* dispatchOnce(dispatcherConfig({ batchSize: batch, concurrency: 4 })).pipe(Effect.provideService(Notifier, instant))
        passing = false
        expect(report.delivered).toHaveLength(batch)
        expect(groups.reduce((sum, size) => sum + size, 0), "every outcome was committed in a group").toBe(batch)
        expect(groups.length, "outcomes recorded at the same moment share a transaction and its sync").toBeLessThanOrEqual(batch / 2)
        // Before, the 48 outcomes were 48 transactions and syncs run back to back in microtasks: no turn at all.
        expect(turns, "the event loop turned between the groups").toBeGreaterThanOrEqual(groups.length - 1)
        const states = yield* Effect.forEach(report.delivered, (id) => outbox.get("email", id))
        expect(states.every((entry) => entry?.state === "delivered" && entry.lease === undefined)).toBe(true)
      })
    )
  })
})
