import { type AuthorityId, EventStore, ReadModels } from "@carepanel/core"
import { Deferred, Effect, Fiber, Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { makeWriteTransaction } from "../src/index.js"
import { dialects, runOn } from "./support/dialects.js"
import { closePgAdmin, freshSqliteLayer, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

const authorityId = "beside-authority" as AuthorityId
const stream = { authorityId, streamType: "referral", id: "ref-beside" } as const

/** A request's first commit: its event and its read-model row. */
const firstCommit = {
  stream,
  expectedVersion: 0,
  events: [{ type: "NoteRecorded", data: { note: "a fictional note" } }],
  readModels: [{ collection: "referrals", authorityId, id: "ref-beside", index: { status: "draft" }, doc: { status: "draft" } }],
  notifications: []
}

/** What another request of the same process reads of the record while the write is open: its row, a page, its history. */
const readEverything = Effect.gen(function* () {
  const readModels = yield* ReadModels
  const events = yield* EventStore
  return {
    row: (yield* readModels.get("referrals", authorityId, "ref-beside"))?.id,
    page: (yield* readModels.query({ collection: "referrals", authorityId, where: { status: "draft" } })).map((row) => row.id),
    history: (yield* events.readStream(stream)).map((event) => event.type),
    log: (yield* events.readAll({ after: 0, limit: 10 })).map((event) => event.type)
  }
})

/**
 * A write transaction that has written the commit, then waits (yielding to the event loop, as a group's leader does)
 * until told to end, and then commits or gives up.
 */
const openWrite = (outcome: "commit" | "give up") =>
  Effect.gen(function* () {
    const writeTransaction = yield* makeWriteTransaction
    const events = yield* EventStore
    const written = yield* Deferred.make<void>()
    const end = yield* Deferred.make<void>()
    const writer = yield* Effect.fork(
      Effect.exit(
        writeTransaction(
          Effect.gen(function* () {
            yield* events.append(firstCommit)
            yield* Deferred.succeed(written, undefined)
            yield* Deferred.await(end)
            if (outcome === "give up") return yield* Effect.fail("the caller gives up" as const)
          })
        )
      )
    )
    yield* Deferred.await(written)
    return { end: Effect.zipRight(Deferred.succeed(end, undefined), Fiber.join(writer)) }
  })

const nothing = { row: undefined, page: [], history: [], log: [] }
const theCommit = { row: "ref-beside", page: ["ref-beside"], history: ["NoteRecorded"], log: ["NoteRecorded"] }

/** SQLite as the apps run it without telemetry (tracer off: statements go straight to the connection), and with it. */
const engines = [{ name: "SQLite, tracer off", fresh: () => Layer.merge(freshSqliteLayer(), Layer.setTracerEnabled(false)) }, ...dialects]

describe.each(engines)("$name: reads beside an open write transaction of the same process", ({ fresh }) => {
  it("never see a write that is then rolled back", () =>
    runOn(
      fresh(),
      Effect.gen(function* () {
        const write = yield* openWrite("give up")
        const reading = yield* Effect.fork(readEverything)
        yield* Effect.sleep("50 millis")
        yield* write.end
        expect(yield* Fiber.join(reading)).toEqual(nothing)
        expect(yield* readEverything).toEqual(nothing)
      })
    ))

  it("see a write whole once it is committed, and never half of it before", () =>
    runOn(
      fresh(),
      Effect.gen(function* () {
        const write = yield* openWrite("commit")
        const reading = yield* Effect.fork(readEverything)
        yield* Effect.sleep("50 millis")
        yield* write.end
        expect([nothing, theCommit]).toContainEqual(yield* Fiber.join(reading))
        expect(yield* readEverything).toEqual(theCommit)
      })
    ))
})
