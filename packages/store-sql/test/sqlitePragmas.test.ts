import { existsSync } from "node:fs"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { holdWriteLock } from "../dev/writeLockHolder.js"
import { SqliteStoreLayer, StoreConfigError, WriteLockWait } from "../src/index.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

const pragma = (name: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.map(sql.unsafe<Record<string, unknown>>(`PRAGMA ${name}`), (rows) => Object.values(rows[0] ?? {})[0]))

describe("SQLite: the embedded store's file settings", () => {
  it("runs in WAL mode, syncs every commit (FULL), lets the driver block only a 10 ms slice and waits for a lock as long as told", async () => {
    const dataDir = freshDataDir()
    const settings = await runOn(
      SqliteStoreLayer({ dataDir, lockWaitMs: 2_500 }),
      Effect.gen(function* () {
        yield* appendSome(streamNamed("r1"), 2)
        return {
          journal: yield* pragma("journal_mode"),
          synchronous: yield* pragma("synchronous"),
          busyTimeout: yield* pragma("busy_timeout"),
          lockWait: (yield* WriteLockWait).millis,
          walFile: existsSync(join(dataDir, "carepanel.sqlite-wal"))
        }
      })
    )
    // synchronous: 2 is FULL.
    expect(settings).toEqual({ journal: "wal", synchronous: 2, busyTimeout: 10, lockWait: 2_500, walFile: true })
  })

  it("opens a new file whose lock another process holds as it starts: waits for it (up to its lock wait), then turns on WAL", async () => {
    // Processes starting together on a new file: one of them holds the lock while the others open it.
    const dataDir = freshDataDir()
    const file = join(dataDir, "carepanel.sqlite")
    const held = await holdWriteLock(file, 400)
    const journal = await runOn(SqliteStoreLayer({ dataDir, lockWaitMs: 5_000 }), Effect.zipRight(appendSome(streamNamed("r1"), 1), pragma("journal_mode")))
    await held.released
    expect(journal).toBe("wal")
    // Held for longer than the store may wait: it does not start, and says why.
    const otherDir = freshDataDir()
    const longer = await holdWriteLock(join(otherDir, "carepanel.sqlite"), 1_500)
    const refused = await Effect.runPromise(Effect.flip(Effect.scoped(Effect.provide(Effect.void, SqliteStoreLayer({ dataDir: otherDir, lockWaitMs: 100 })))))
    await longer.released
    expect(refused).toBeInstanceOf(StoreConfigError)
    expect(refused.message, refused.message).toMatch(/^Cannot open the SQLite database at dataDir .*carepanel\.sqlite: Another process held the database's write lock for the 100 ms/)
  })

  it("leaves the file in WAL mode for every later connection, even one that does not ask for it", async () => {
    const dataDir = freshDataDir()
    await runOn(SqliteStoreLayer({ dataDir, synchronous: "NORMAL" }), appendSome(streamNamed("r1"), 1))
    const bare = SqliteClient.layer({ filename: join(dataDir, "carepanel.sqlite"), disableWAL: true })
    const journal = await Effect.runPromise(pragma("journal_mode").pipe(Effect.provide(bare), Effect.scoped))
    expect(journal).toBe("wal")
  })
})
