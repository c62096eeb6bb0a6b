import { SqlClient } from "@effect/sql"
import { Outbox } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { migrations, runMigrationsOf } from "../src/migrations/runMigrations.js"
import { authorityA } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { closePgAdmin, removeTempDirs } from "./support/freshStores.js"
import { migrationEngines } from "./support/migrationEngines.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const notification = (id: string) => ({ id, authorityId: authorityA, kind: "papers_due", recipients: [], headline: `Papers ${id}`, body: [], facts: {} })

/** Two notifications queued a week apart by a store at migration 18, which kept no time of queueing. */
const oldOutbox = Effect.gen(function* () {
  yield* runMigrationsOf(migrations.filter(([id]) => id < 19))
  const sql = yield* SqlClient.SqlClient
  const row = (id: string, at: string) => ({ id, authority_id: authorityA, notification: JSON.stringify(notification(id)), state: "pending", attempts: 0, next_attempt_at: at })
  yield* sql`INSERT INTO outbox ${sql.insert([row("last-week", "2027-05-25T08:00:00.000Z"), row("today", "2027-06-01T08:00:00.000Z")])}`
})

describe("migration 19: when each notification was queued", () => {
  for (const { name, prepare } of migrationEngines) {
    it(`${name}: a notification queued before it reads as queued when it was first due`, async () => {
      const { client, store } = await prepare()
      await Effect.runPromise(oldOutbox.pipe(Effect.provide(client), Effect.scoped))
      const read = await runOn(
        store(),
        Effect.flatMap(Outbox, (outbox) =>
          Effect.all({
            all: outbox.queuedAfter(authorityA, 0, 10),
            sinceYesterday: Effect.flatMap(outbox.positionSince("2027-05-31T08:00:00.000Z"), (from) => outbox.queuedAfter(authorityA, from, 10))
          })
        )
      )
      expect(read.all.map((entry) => [entry.notification.id, entry.queuedAt])).toEqual([
        ["last-week", "2027-05-25T08:00:00.000Z"],
        ["today", "2027-06-01T08:00:00.000Z"]
      ])
      expect(read.sinceYesterday.map((entry) => entry.notification.id)).toEqual(["today"])
    }, 60_000)
  }
})
