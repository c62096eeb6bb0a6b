import { SqlClient } from "@effect/sql"
import { EventStore } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const driverMessage = (error: { cause?: unknown }) => String((error.cause as { message?: unknown })?.message)

for (const { name, fresh } of dialects) {
  describe(`${name}: events are append-only in the database`, () => {
  it("refuses to update, delete or truncate events, even by hand", () =>
    runOn(
      fresh(),
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const stream = streamNamed("r1")
        yield* appendSome(stream, 2)
        const attempts = [
          sql`UPDATE events SET data = '{"amount":1}' WHERE version = 1`,
          sql`DELETE FROM events WHERE version = 2`,
          sql`DELETE FROM events`,
          ...(name === "PostgreSQL" ? [sql`TRUNCATE events`] : [])
        ]
        for (const attempt of attempts) {
          const error = yield* Effect.flip(attempt)
          expect(driverMessage(error)).toMatch(/events are append-only/)
        }
        const events = yield* (yield* EventStore).readStream(stream)
        expect(events.map((e) => [e.version, (e.data as { amount: number }).amount])).toEqual([
          [1, 100],
          [2, 101]
        ])
      })
    ))
})
}
