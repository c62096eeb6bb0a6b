import { copyFileSync } from "node:fs"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { SqliteStoreLayer } from "../src/index.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

/** The events a copy of the database file alone holds (no `-wal` beside it): those already checkpointed into it. */
const eventsInCopyOf = (file: string) => {
  const copy = join(freshDataDir(), "copy.sqlite")
  copyFileSync(file, copy)
  const events = Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.map(sql<{ n: number }>`SELECT count(*) AS n FROM events`, (rows) => rows[0]!.n)
  ).pipe(Effect.catchAll(() => Effect.succeed(0)))
  return events.pipe(Effect.provide(SqliteClient.layer({ filename: copy, disableWAL: true })), Effect.scoped)
}

describe("SQLite: the WAL is copied into the database file off the event loop", () => {
  it("within a second the database file alone holds what was committed, though the WAL stayed far under the size at which a commit copies it itself", async () => {
    const dataDir = freshDataDir()
    const file = join(dataDir, "carepanel.sqlite")
    const inCopy = await runOn(
      SqliteStoreLayer({ dataDir }),
      Effect.gen(function* () {
        yield* appendSome(streamNamed("r1"), 20)
        let copied = yield* eventsInCopyOf(file)
        for (let waited = 0; waited < 1_000 && copied < 20; waited += 50) {
          yield* Effect.sleep("50 millis")
          copied = yield* eventsInCopyOf(file)
        }
        return copied
      })
    )
    expect(inCopy).toBe(20)
  })
})
