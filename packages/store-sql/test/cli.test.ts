import { spawnSync } from "node:child_process"
import { realpathSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { verifyCommand } from "../src/cli/verifyCommand.js"
import { SqliteStoreLayer } from "../src/index.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

// The command the README documents, as npm links it for the workspace: it runs from source, so no build is needed.
const linkedBin = fileURLToPath(new URL("../../../node_modules/.bin/carepanel-store", import.meta.url))
const runCli = (args: ReadonlyArray<string>, env: Record<string, string>, cwd?: string) =>
  spawnSync(linkedBin, args, { env: { ...process.env, ...env }, encoding: "utf8", ...(cwd === undefined ? {} : { cwd }) })

describe("carepanel-store verify", () => {
  it("is linked by npm install and runs from source from any directory, built or not", () => {
    expect(realpathSync(linkedBin)).toBe(fileURLToPath(new URL("../bin/carepanel-store.js", import.meta.url)))
    const dataDir = freshDataDir()
    const result = runCli(["verify"], { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" }, tmpdir())
    expect(result.stderr).toBe("")
    expect(result.stdout).toBe(`store: SQLite in ${dataDir}\nchain intact: 0 events in 0 streams\n`)
    expect(runCli(["frobnicate"], {}, tmpdir()).status).toBe(64)
  })

  it("prints the number of events and streams of an intact chain, and the first broken link otherwise", async () => {
    const dataDir = freshDataDir()
    const env = { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" }
    await runOn(SqliteStoreLayer({ dataDir }), Effect.all([appendSome(streamNamed("r1"), 3), appendSome(streamNamed("r2"), 1)]))
    const intact = await Effect.runPromise(verifyCommand([], env))
    expect(intact).toEqual({ exitCode: 0, lines: [`store: SQLite in ${dataDir}`, "chain intact: 4 events in 2 streams"] })

    await runOn(
      SqliteStoreLayer({ dataDir }),
      Effect.flatMap(SqlClient.SqlClient, (sql) =>
        Effect.zipRight(sql`DROP TRIGGER events_are_never_updated`, sql`UPDATE events SET type = 'Forged' WHERE version = 3`)
      )
    )
    const broken = runCli(["verify"], env)
    expect(broken.status).toBe(1)
    expect(broken.stderr).toContain("chain broken: stream authority-a/referral/r1 version 3")
    const oneStream = await Effect.runPromise(verifyCommand(["--stream", "authority-a/referral/r2"], env))
    expect(oneStream.lines.at(-1)).toBe("chain intact: 1 events in 1 streams")
  })

  it("prints one line naming the setting, and no stack trace, when the configuration is wrong", () => {
    const file = join(freshDataDir(), "a-file")
    writeFileSync(file, "")
    const result = runCli(["verify"], { CAREPANEL_DATA_DIR: join(file, "data"), DATABASE_URL: "" })
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toBe(
      `CAREPANEL_DATA_DIR ${join(file, "data")} is not a writable directory: a part of the path is a file, not a directory`
    )
    const badUrl = runCli(["verify"], { DATABASE_URL: "mysql://db.example/carepanel" })
    expect(badUrl.status).toBe(2)
    expect(badUrl.stderr.trim()).toBe('DATABASE_URL is not a valid postgres:// URL: the scheme is "mysql", expected postgres or postgresql')
  })
})
