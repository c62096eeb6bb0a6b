import { SqlClient } from "@effect/sql"
import { type AuthorityId, EventStore, type KeyedChange, PersistenceError, RequestKeys } from "@carepanel/core"
import { Effect, Exit, type Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { type GroupCommitOptions, PgStoreLayer, SqliteStoreLayer } from "../src/index.js"
import type { StoreServices } from "../src/StoreServices.js"
import { runOn } from "./support/dialects.js"
import { closePgAdmin, freshDataDir, freshPgDatabase, removeTempDirs } from "./support/freshStores.js"

afterAll(async () => {
  removeTempDirs()
  await closePgAdmin()
})

// A COMMIT can fail after every statement of the transaction succeeded: a full disk, an I/O error, a deferred
// constraint. Here a deferred constraint refuses, at COMMIT only, any transaction that wrote an event of type "Refused".

const authorityId = "commit-failure" as AuthorityId
const streamOf = (id: string) => ({ authorityId, streamType: "child-record", id })

const append = (id: string, type: "Fine" | "Refused") =>
  Effect.flatMap(EventStore, (store) =>
    store.append({ stream: streamOf(id), expectedVersion: 0, events: [{ type, data: {} }], readModels: [], notifications: [] })
  )

const readBack = (id: string) => Effect.flatMap(EventStore, (store) => store.readStream(streamOf(id)))

const keyed: KeyedChange = { authorityId, personId: "priya-ashdown", key: "5f0c2a9e-commit-failure", fingerprint: "append" }
const once = <A, E>(run: Effect.Effect<A, E, EventStore>) => Effect.flatMap(RequestKeys, (keys) => keys.once(keyed, run))

const engines: ReadonlyArray<{
  readonly name: string
  readonly fresh: (options: GroupCommitOptions) => Promise<Layer.Layer<StoreServices, unknown>>
  readonly refuseAtCommit: ReadonlyArray<string>
}> = [
  {
    name: "SQLite",
    fresh: (options) => Promise.resolve(SqliteStoreLayer({ dataDir: freshDataDir(), ...options })),
    refuseAtCommit: [
      "PRAGMA foreign_keys = ON",
      "CREATE TABLE nowhere (id INTEGER PRIMARY KEY)",
      "CREATE TABLE refusal (id INTEGER REFERENCES nowhere (id) DEFERRABLE INITIALLY DEFERRED)",
      "CREATE TRIGGER refuse AFTER INSERT ON events WHEN new.type = 'Refused' BEGIN INSERT INTO refusal VALUES (1); END"
    ]
  },
  {
    name: "PostgreSQL",
    fresh: async (options) => PgStoreLayer(await freshPgDatabase(), options),
    refuseAtCommit: [
      "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN IF NEW.type = 'Refused' THEN RAISE EXCEPTION 'refused at commit'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
      "CREATE CONSTRAINT TRIGGER refuse AFTER INSERT ON events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse()"
    ]
  }
]

const installRefusal = (statements: ReadonlyArray<string>) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.forEach(statements, (statement) => sql.unsafe(statement), { discard: true }))

/** Refused as a failure to save (the words a user is shown), not as an internal error. */
const expectCouldNotSave = (exit: Exit.Exit<unknown, unknown>) => {
  expect(Exit.isFailure(exit) && exit.cause._tag === "Fail", `a typed failure, not a defect: ${String(exit)}`).toBe(true)
  if (Exit.isFailure(exit) && exit.cause._tag === "Fail") {
    expect(exit.cause.error).toBeInstanceOf(PersistenceError)
    expect((exit.cause.error as PersistenceError).message).toMatch(/^The database could not save the change\. Please try again/)
  }
}

for (const engine of engines) {
  describe(`${engine.name}: a COMMIT that fails`, () => {
    it("fails every commit of its group as not saved, leaves none of them readable, and the next commit is saved", async () => {
      await runOn(
        await engine.fresh({}),
        Effect.gen(function* () {
          yield* installRefusal(engine.refuseAtCommit)
          const ids = ["fine-1", "refused", "fine-2", "fine-3"]
          const exits = yield* Effect.all(
            ids.map((id) => Effect.exit(append(id, id === "refused" ? "Refused" : "Fine"))),
            { concurrency: "unbounded" }
          )
          expectCouldNotSave(exits[1]!)
          // Read at once, before any other write: nothing of a commit that was refused may be seen.
          for (const [i, id] of ids.entries()) {
            const exit = exits[i]!
            if (Exit.isSuccess(exit)) expect(yield* readBack(id), `${id} was acknowledged`).toHaveLength(1)
            else {
              expectCouldNotSave(exit)
              expect(yield* readBack(id), `${id} was refused`).toEqual([])
            }
          }
          expect(Exit.isSuccess(yield* Effect.exit(append("after", "Fine"))), "the store goes on").toBe(true)
          expect(yield* readBack("after")).toHaveLength(1)
        })
      )
    })

    if (engine.name === "SQLite") {
      it("a keyed change and its repeat in one group both fail with the group's COMMIT, and the key is left free", async () => {
        await runOn(
          await engine.fresh({}),
          Effect.gen(function* () {
            yield* installRefusal(engine.refuseAtCommit)
            // The repeat finds the first's claim in the group's transaction: its AlreadyApplied waits for the COMMIT.
            const [first, repeat] = yield* Effect.all([Effect.exit(once(append("refused", "Refused"))), Effect.exit(once(append("repeat", "Fine")))], { concurrency: "unbounded" })
            for (const exit of [first, repeat]) {
              expect(Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error instanceof PersistenceError && exit.cause.error.message, String(exit)).toMatch(
                /^The database could not save the change and its request key\. Please try again/
              )
            }
            expect(yield* readBack("refused")).toEqual([])
            expect(yield* readBack("repeat")).toEqual([])
            expect((yield* once(append("after", "Fine")))._tag).toBe("Applied")
            expect(yield* readBack("after")).toHaveLength(1)
          })
        )
      })
    } else {
      it("a keyed change sent while the same key's first change is committing waits for it, and runs when that COMMIT fails", async () => {
        await runOn(
          await engine.fresh({}),
          Effect.gen(function* () {
            yield* installRefusal(engine.refuseAtCommit)
            // The first holds its claim uncommitted for a second; the second is sent meanwhile.
            const [first, second] = yield* Effect.all(
              [
                Effect.exit(once(Effect.zipLeft(append("refused", "Refused"), Effect.sleep("1 second")))),
                Effect.exit(Effect.zipRight(Effect.sleep("300 millis"), once(append("second", "Fine"))))
              ],
              { concurrency: "unbounded" }
            )
            expect(Exit.isFailure(first) && first.cause._tag === "Fail" && first.cause.error instanceof PersistenceError && first.cause.error.message, String(first)).toMatch(
              /^The database could not save the change and its request key\. Please try again/
            )
            expect(Exit.isSuccess(second) && second.value._tag, String(second)).toBe("Applied")
            expect(yield* readBack("refused")).toEqual([])
            expect(yield* readBack("second")).toHaveLength(1)
            expect((yield* once(append("after", "Fine")))._tag).toBe("AlreadyApplied")
          })
        )
      })
    }

    for (const [how, options, traced] of [
      ["alone, grouping on", {}, false],
      ["alone, grouping off", { groupCommit: false }, false],
      ["alone, with tracing on", {}, true]
    ] as const) {
      it(`${how}: answered as not saved, not readable, and the next commit is saved`, async () => {
        await runOn(
          await engine.fresh(options),
          Effect.gen(function* () {
            yield* installRefusal(engine.refuseAtCommit)
            expectCouldNotSave(yield* Effect.exit(append("refused", "Refused")))
            expect(yield* readBack("refused")).toEqual([])
            yield* append("after", "Fine")
            expect(yield* readBack("after")).toHaveLength(1)
          }).pipe(Effect.withTracerEnabled(traced))
        )
      })
    }
  })
}
