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

const before = migrations.filter(([id]) => id < 9)
const at = "2027-06-01T09:00:00.000Z"
const notification = (id: string) => ({
  id,
  authorityId: authorityA,
  kind: "decision.recorded",
  recipients: [],
  headline: `Decision ${id}`,
  body: [],
  facts: { referralId: `ref-${id}` }
})

/** An outbox as migration 8 left it: one state per notification, whichever dispatcher took it. */
const oldOutbox = Effect.gen(function* () {
  yield* runMigrationsOf(before)
  const sql = yield* SqlClient.SqlClient
  const row = (id: string, state: string, attempts: number, lastError: string | null) => ({
    id,
    authority_id: authorityA,
    notification: JSON.stringify(notification(id)),
    state,
    attempts,
    next_attempt_at: at,
    last_error: lastError
  })
  yield* sql`INSERT INTO outbox ${sql.insert([row("sent", "delivered", 1, null), row("waiting", "pending", 2, "SMTP 451"), row("gave-up", "dead", 12, "no such mailbox")])}`
})


describe("migration 9: delivery state per channel", () => {
  for (const { name, prepare } of migrationEngines) {
    it(`${name}: keeps what was sent, dead or pending on every channel, so nothing already sent goes again`, async () => {
      const { client, store } = await prepare()
      await Effect.runPromise(oldOutbox.pipe(Effect.provide(client), Effect.scoped))
      const entries = await runOn(
        store(),
        Effect.flatMap(Outbox, (outbox) =>
          Effect.all({
            due: Effect.all([outbox.due("email", "9999-01-01T00:00:00.000Z", 10), outbox.due("webhook", "9999-01-01T00:00:00.000Z", 10)]),
            sent: Effect.all([outbox.get("email", "sent"), outbox.get("webhook", "sent")]),
            gaveUp: outbox.get("webhook", "gave-up")
          })
        )
      )
      expect(entries.due.map((due) => due.map((entry) => [entry.notification.id, entry.attempts, entry.lastError]))).toEqual([
        [["waiting", 2, "SMTP 451"]],
        [["waiting", 2, "SMTP 451"]]
      ])
      expect(entries.sent.map((entry) => entry?.state)).toEqual(["delivered", "delivered"])
      expect(entries.gaveUp).toMatchObject({ channel: "webhook", state: "dead", attempts: 12, notification: notification("gave-up") })
    }, 60_000)
  }
})
