import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { type AuthorityId, PersistenceError } from "@carepanel/core"
import { Cause, Effect, Exit, ManagedRuntime, Option } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { holdWriteLock } from "../dev/writeLockHolder.js"
import { Inbox, makeWriteTransaction, SqliteStoreLayer } from "../src/index.js"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const wexcombe = "wexcombe" as AuthorityId
const harlow = "harlow" as AuthorityId

const failureOf = <A, E>(exit: Exit.Exit<A, E>) => (Exit.isFailure(exit) ? Option.getOrUndefined(Cause.failureOption(exit.cause)) : undefined)

for (const { name, fresh } of dialects) {
  describe(`${name}: the inbox of processed message ids (a webhook's webhook-id)`, () => {
    it("answers true the first time a message id is marked, false for every repeat, and keeps each authority's ids apart", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          const inbox = yield* Inbox
          const sql = yield* SqlClient.SqlClient
          const before = new Date().toISOString()
          expect(yield* inbox.markProcessed(wexcombe, "msg_2Yh7")).toBe(true)
          expect(yield* inbox.markProcessed(wexcombe, "msg_2Yh7")).toBe(false)
          expect(yield* inbox.markProcessed(wexcombe, "msg_2Yh7")).toBe(false)
          // The same id from another authority's case system is another message.
          expect(yield* inbox.markProcessed(harlow, "msg_2Yh7")).toBe(true)
          expect(yield* inbox.markProcessed(wexcombe, "msg_2Yh8")).toBe(true)
          expect(yield* inbox.markProcessed(harlow, "msg_2Yh7")).toBe(false)
          const after = new Date().toISOString()
          const rows = yield* sql<{ authority_id: string; message_id: string; processed_at: string }>`SELECT authority_id, message_id, processed_at FROM inbox ORDER BY authority_id, message_id`
          expect(rows.map((row) => `${row.authority_id}/${row.message_id}`)).toEqual(["harlow/msg_2Yh7", "wexcombe/msg_2Yh7", "wexcombe/msg_2Yh8"])
          // When it was first processed, kept as it was: a repeat does not move it.
          for (const row of rows) {
            expect(row.processed_at >= before && row.processed_at <= after).toBe(true)
          }
        })
      ))

    it("inside the receiver's own transaction, the id is kept only if that transaction commits", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          const inbox = yield* Inbox
          const writeTransaction = yield* makeWriteTransaction
          // The delivery's work failed after the id was claimed: the claim is rolled back with it, so a retry is processed.
          const failed = yield* Effect.exit(
            writeTransaction(Effect.zipRight(inbox.markProcessed(wexcombe, "msg_rolled_back"), Effect.fail("the event was refused" as const)))
          )
          expect(failureOf(failed)).toBe("the event was refused")
          expect(yield* writeTransaction(inbox.markProcessed(wexcombe, "msg_rolled_back"))).toBe(true)
          // Within one transaction, a second mark of the same id already sees the first.
          expect(yield* writeTransaction(Effect.all([inbox.markProcessed(wexcombe, "msg_twice"), inbox.markProcessed(wexcombe, "msg_twice")]))).toEqual([true, false])
          expect(yield* inbox.markProcessed(wexcombe, "msg_twice")).toBe(false)
        })
      ))

    it("a database that cannot record the id fails as a PersistenceError naming the operation, not as a driver error", () =>
      runOn(
        fresh(),
        Effect.gen(function* () {
          const inbox = yield* Inbox
          const sql = yield* SqlClient.SqlClient
          yield* sql`DROP TABLE inbox`
          const failure = failureOf(yield* Effect.exit(inbox.markProcessed(wexcombe, "msg_lost")))
          expect(failure).toBeInstanceOf(PersistenceError)
          expect(failure).toMatchObject({
            operation: "record a processed message",
            message: "The database could not record a processed message. Please try again; if it keeps happening, tell your administrator."
          })
          expect((failure as PersistenceError).retryAfterSeconds).toBeUndefined()
        })
      ))
  })
}

describe("SQLite: the inbox while another process holds the write lock", () => {
  it("answers busy, with the seconds after which the webhook may be sent again, and records nothing", async () => {
    const dataDir = freshDataDir()
    const runtime = ManagedRuntime.make(SqliteStoreLayer({ dataDir, lockWaitMs: 300 }))
    const mark = (id: string) => runtime.runPromiseExit(Effect.flatMap(Inbox, (inbox) => inbox.markProcessed(wexcombe, id)))
    expect(Exit.isSuccess(await mark("msg_warm"))).toBe(true)
    const held = await holdWriteLock(join(dataDir, "carepanel.sqlite"), 1_500)
    const failure = failureOf(await mark("msg_busy"))
    await held.released
    expect(failure).toBeInstanceOf(PersistenceError)
    expect(failure).toMatchObject({
      operation: "record a processed message",
      retryAfterSeconds: 1,
      message: "The database is busy and could not record a processed message; nothing was saved. Please try again in 1 s."
    })
    // Nothing was kept: once the lock is gone the same delivery is processed as a first.
    const again = await mark("msg_busy")
    expect(Exit.isSuccess(again) && again.value).toBe(true)
    await runtime.dispose()
  }, 30_000)
})
