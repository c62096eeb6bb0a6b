import { EventStore, PersistenceError } from "@carepanel/core"
import { Effect, Exit, Fiber, Layer, Scope } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { PgStoreLayer, SqliteStoreLayer } from "../src/index.js"
import type { StoreServices } from "../src/StoreServices.js"
import { noteOn, streamNamed } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { closePgAdmin, freshDataDir, freshPgDatabase, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

// A process stopping (a deploy, a SIGTERM) closes its store while commits are queued for a group or being written:
// every caller must get an answer, and every commit answered as saved must be there when the store opens again.

const engines: ReadonlyArray<{ readonly name: string; readonly store: () => Promise<() => Layer.Layer<StoreServices, unknown>> }> = [
  {
    name: "SQLite",
    store: async () => {
      const dataDir = freshDataDir()
      return () => SqliteStoreLayer({ dataDir })
    }
  },
  {
    name: "PostgreSQL",
    store: async () => {
      const url = await freshPgDatabase()
      return () => PgStoreLayer(url)
    }
  }
]

const commits = 40

for (const engine of engines) {
  describe(`${engine.name}: closing the store while commits wait for a group`, () => {
    for (const after of [0, 5, 15, 30]) {
      it(`answers every caller, and each commit answered as saved is there after reopening (closed after ${after} ms)`, async () => {
        const open = await engine.store()
        const exits = await Effect.runPromise(
          Effect.gen(function* () {
            const scope = yield* Scope.make()
            const context = yield* Layer.buildWithScope(open(), scope)
            const store = EventStore.pipe(Effect.provide(context))
            const fibers = yield* Effect.forEach(Array.from({ length: commits }, (_, i) => i), (i) =>
              // One commit a millisecond: some are written before the store closes, some while, some after.
              Effect.fork(Effect.zipRight(Effect.sleep(`${i} millis`), Effect.flatMap(store, (events) => events.append(noteOn(`record-${i}`, 0)))))
            )
            yield* Effect.sleep(`${after} millis`)
            yield* Scope.close(scope, Exit.void)
            return yield* Effect.forEach(fibers, Fiber.await).pipe(
              Effect.timeoutFail({ duration: "10 seconds", onTimeout: () => new Error("a caller was never answered") })
            )
          })
        )
        for (const [i, exit] of exits.entries()) {
          // Saved; or refused as not saved (a PersistenceError, never an internal error); or, for a commit in the group
          // being written as the store closed, interrupted: it may or may not have been written, and was not answered.
          if (Exit.isFailure(exit) && !Exit.isInterrupted(exit)) {
            expect(exit.cause._tag === "Fail" && exit.cause.error, `record-${i}`).toBeInstanceOf(PersistenceError)
          }
        }
        const saved = exits.flatMap((exit, i) => (Exit.isSuccess(exit) ? [i] : []))
        await runOn(
          open(),
          Effect.gen(function* () {
            const events = yield* EventStore
            for (const i of saved) expect(yield* events.readStream(streamNamed(`record-${i}`)), `record-${i} was answered as saved`).toHaveLength(1)
          })
        )
      })
    }
  })
}
