import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { SqlClient } from "@effect/sql"
import { Effect, Fiber, Layer, Logger, TestClock, TestContext } from "effect"
import { describe, expect, it } from "vitest"
import { sweepParked } from "../src/app/sweepParked.js"
import { sweepRefused } from "../src/app/sweepRefused.js"
import { insertDelivery } from "../src/inbox/deliveries.js"
import { authority } from "./support/fixtures.js"

const day = 24 * 3_600_000
const minute = 60_000
const now = Date.parse("2027-06-01T09:00:00.000Z")
const at = (ms: number) => new Date(ms).toISOString()

const kept = (deliveryId: string, outcome: "parked" | "refused" | "dead" | "applied", updatedAt: number, waitingFor?: string) =>
  insertDelivery({
    authorityId: authority,
    deliveryId,
    sourceId: "mosaic",
    eventType: "request.approved",
    bodySha256: "0".repeat(64),
    outcome,
    answer: { status: 202, body: { outcome } },
    receivedAt: at(updatedAt),
    updatedAt: at(updatedAt),
    waitingFor,
    body: "{}"
  })

const rows = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql<{ delivery_id: string; outcome: string; updated_at: string }>`SELECT delivery_id, outcome, updated_at FROM webhook_deliveries ORDER BY delivery_id`
)

describe("the sweep of parked deliveries (7 days, every minute)", () => {
  it("kills what has waited longer than the configured time since it was parked, not sooner, and looks again each minute", async () => {
    const warnings: Array<{ message: unknown; annotations: Record<string, unknown> }> = []
    const logger = Logger.make(({ message, annotations }) => {
      warnings.push({ message, annotations: Object.fromEntries(annotations) })
    })
    const store = Layer.orDie(SqliteStoreLayer({ dataDir: mkdtempSync(join(tmpdir(), "carepanel-sweep-")) }))
    const program = Effect.gen(function* () {
      yield* TestClock.setTime(now)
      yield* kept("msg_a_stale", "parked", now - 7 * day - 1, "mosaic/request/form-a")
      yield* kept("msg_b_waiting", "parked", now - 7 * day + 30_000, "mosaic/request/form-b")
      yield* kept("msg_c_replay", "parked", now - 30 * day)
      yield* kept("msg_d_refused", "refused", now - 30 * day, "mosaic/request/form-d")
      const sweep = yield* Effect.fork(sweepParked(7 * day, minute))
      yield* TestClock.adjust(0)
      const first = yield* rows
      yield* TestClock.adjust(minute - 1)
      const beforeTheMinute = yield* rows
      yield* TestClock.adjust(1)
      const afterTheMinute = yield* rows
      yield* TestClock.adjust(minute)
      yield* Fiber.interrupt(sweep)
      return { first, beforeTheMinute, afterTheMinute }
    })
    const { first, beforeTheMinute, afterTheMinute } = await Effect.runPromise(
      program.pipe(Effect.provide(store), Effect.provide(Logger.replace(Logger.defaultLogger, logger)), Effect.provide(TestContext.TestContext))
    )
    expect(first).toEqual([
      { delivery_id: "msg_a_stale", outcome: "dead", updated_at: at(now) },
      { delivery_id: "msg_b_waiting", outcome: "parked", updated_at: at(now - 7 * day + 30_000) },
      { delivery_id: "msg_c_replay", outcome: "parked", updated_at: at(now - 30 * day) },
      { delivery_id: "msg_d_refused", outcome: "refused", updated_at: at(now - 30 * day) }
    ])
    expect(beforeTheMinute).toEqual(first)
    expect(afterTheMinute[1]).toEqual({ delivery_id: "msg_b_waiting", outcome: "dead", updated_at: at(now + minute) })
    expect(afterTheMinute.map((row) => row.outcome)).toEqual(["dead", "dead", "parked", "refused"])
    // The operator's line: one for each sweep that killed any, with how many; none for the third, which killed none.
    expect(warnings).toEqual([
      { message: ["parked deliveries are now dead"], annotations: { outcome: "dead", count: 1 } },
      { message: ["parked deliveries are now dead"], annotations: { outcome: "dead", count: 1 } }
    ])
  })
})

const withBodies = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  sql<{ delivery_id: string; outcome: string; body: string | null }>`SELECT delivery_id, outcome, body FROM webhook_deliveries ORDER BY delivery_id`
)

describe("the sweep of refused and dead deliveries (90 days, beside the parked sweep)", () => {
  it("erases the body of what has been refused or dead longer than the retention period, not sooner, and never a parked one's", async () => {
    const lines: Array<{ message: unknown; annotations: Record<string, unknown> }> = []
    const logger = Logger.make(({ message, annotations }) => {
      lines.push({ message, annotations: Object.fromEntries(annotations) })
    })
    const store = Layer.orDie(SqliteStoreLayer({ dataDir: mkdtempSync(join(tmpdir(), "carepanel-erase-")) }))
    const program = Effect.gen(function* () {
      yield* TestClock.setTime(now)
      yield* kept("msg_a_refused_long_ago", "refused", now - 90 * day - 1)
      yield* kept("msg_b_refused_lately", "refused", now - 90 * day + 30_000)
      yield* kept("msg_c_dead_long_ago", "dead", now - 200 * day, "mosaic/request/form-c")
      yield* kept("msg_d_parked_long_ago", "parked", now - 200 * day)
      const sweep = yield* Effect.fork(sweepRefused(90, minute))
      yield* TestClock.adjust(0)
      const first = yield* withBodies
      yield* TestClock.adjust(minute)
      const afterTheMinute = yield* withBodies
      // A third sweep, with nothing left to erase: no line.
      yield* TestClock.adjust(minute)
      yield* Fiber.interrupt(sweep)
      return { first, afterTheMinute }
    })
    const { first, afterTheMinute } = await Effect.runPromise(
      program.pipe(Effect.provide(store), Effect.provide(Logger.replace(Logger.defaultLogger, logger)), Effect.provide(TestContext.TestContext))
    )
    const bodiesKept = (rows: ReadonlyArray<{ delivery_id: string; outcome: string; body: string | null }>) => rows.map((row) => [row.delivery_id, row.outcome, row.body !== null])
    expect(bodiesKept(first)).toEqual([
      ["msg_a_refused_long_ago", "refused", false],
      ["msg_b_refused_lately", "refused", true],
      ["msg_c_dead_long_ago", "dead", false],
      ["msg_d_parked_long_ago", "parked", true]
    ])
    expect(bodiesKept(afterTheMinute).map(([, , body]) => body)).toEqual([false, false, false, true])
    expect(lines).toEqual([
      { message: ["refused and dead deliveries past their retention period are erased"], annotations: { outcome: "erased", count: 2 } },
      { message: ["refused and dead deliveries past their retention period are erased"], annotations: { outcome: "erased", count: 1 } }
    ])
  })
})
