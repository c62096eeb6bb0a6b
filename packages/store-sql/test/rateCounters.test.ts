import { SqlClient } from "@effect/sql"
import { RateCounters } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const minute = 60_000
const t0 = Date.UTC(2026, 11, 3, 10, 0, 0)

for (const { name, fresh } of dialects) {
  describe(`${name}: counts shared by every process for per-client limits (migration 0013)`, () => {
    it("adds each process's requests to its key's window and answers the totals in order; ended windows are deleted", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          const counters = yield* RateCounters
          const sql = yield* SqlClient.SqlClient
          const window = t0 + minute
          // Two processes' flushes: the second answers the first's requests too; keys and windows are counted apart.
          expect(yield* counters.addRequests([{ key: "subject wexcombe eden", windowEndsAt: window, delta: 7 }, { key: "ip 192.0.2.7", windowEndsAt: window, delta: 2 }], t0)).toEqual([7, 2])
          expect(
            yield* counters.addRequests(
              [
                { key: "ip 192.0.2.7", windowEndsAt: window, delta: 3 },
                { key: "subject wexcombe eden", windowEndsAt: window, delta: 5 },
                { key: "subject wexcombe eden", windowEndsAt: window + minute, delta: 1 }
              ],
              t0 + 1_000
            )
          ).toEqual([5, 12, 1])
          expect(yield* counters.addRequests([], t0 + 2_000)).toEqual([])
          // A minute after a window ended its rows are gone; the next window's stay.
          yield* counters.addRequests([{ key: "subject wexcombe fern", windowEndsAt: window + 3 * minute, delta: 1 }], window + minute + 1)
          const rows = yield* sql<{ counter_key: string }>`SELECT counter_key FROM rate_counts ORDER BY counter_key, window_ends_at`
          expect(rows.map((row) => row.counter_key)).toEqual(["subject wexcombe eden", "subject wexcombe fern"])
          if (name === "PostgreSQL") {
            // Counters, not records: PostgreSQL writes them without the WAL.
            const persistence = yield* sql<{ relname: string; relpersistence: string }>`SELECT relname, relpersistence FROM pg_class WHERE relname IN ('rate_counts', 'open_streams') ORDER BY relname`
            expect(persistence).toEqual([{ relname: "open_streams", relpersistence: "u" }, { relname: "rate_counts", relpersistence: "u" }])
          }
        })
      ))

    it("open streams: each process's counts replace its last, the others' are summed, a process silent for too long stops counting", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          const counters = yield* RateCounters
          yield* counters.recordStreams("api-a", [{ key: "wexcombe hazel", open: 2 }], t0)
          yield* counters.recordStreams("api-b", [{ key: "wexcombe hazel", open: 1 }, { key: "wexcombe iris", open: 1 }], t0 + 10_000)
          const asMap = (map: ReadonlyMap<string, number>) => Object.fromEntries(map)
          expect(asMap(yield* counters.otherStreams("api-a", t0 - 30_000))).toEqual({ "wexcombe hazel": 1, "wexcombe iris": 1 })
          expect(asMap(yield* counters.otherStreams("api-c", t0 - 30_000))).toEqual({ "wexcombe hazel": 3, "wexcombe iris": 1 })
          // api-a last spoke at t0: 30 s later it no longer counts (it crashed), api-b still does.
          expect(asMap(yield* counters.otherStreams("api-c", t0 + 5_000))).toEqual({ "wexcombe hazel": 1, "wexcombe iris": 1 })
          yield* counters.recordStreams("api-b", [{ key: "wexcombe iris", open: 2 }], t0 + 11_000)
          expect(asMap(yield* counters.otherStreams("api-c", t0 - 30_000))).toEqual({ "wexcombe hazel": 2, "wexcombe iris": 2 })
          yield* counters.recordStreams("api-a", [], t0 + 12_000)
          expect(asMap(yield* counters.otherStreams("api-c", t0 - 30_000))).toEqual({ "wexcombe iris": 2 })
        })
      ))
  })
}
