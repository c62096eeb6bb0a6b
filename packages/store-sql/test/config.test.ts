import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { Effect, Layer } from "effect"
import { afterAll, describe, expect, inject, it } from "vitest"
import { PgStoreLayer, SqliteStoreLayer, type StoreLayer, storeLayerFromEnv } from "../src/index.js"
import { freePort } from "../dev/postgresCluster.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

/** Builds the layer and returns the StoreConfigError it fails with (or fails the test). */
const configError = (layer: StoreLayer) =>
  Effect.runPromise(
    Layer.build(layer).pipe(
      Effect.scoped,
      Effect.flip,
      Effect.map((error) => ({ tag: error._tag, setting: error.setting, message: error.message }))
    )
  )

describe("bad configuration gives one clear message naming the setting", () => {
  it.each([
    ["not a url", '"not a url" cannot be read as a URL (expected postgres://user:password@host:5432/database)'],
    ["mysql://db.example/carepanel", 'the scheme is "mysql", expected postgres or postgresql'],
    ["postgres://user:secret@db.example", '"" is not a database name (the path must be /<database>)'],
    ["postgres:///carepanel", "it names no host"]
  ])("malformed DATABASE_URL %s", async (url, reason) => {
    expect(await configError(PgStoreLayer(url))).toEqual({
      tag: "StoreConfigError",
      setting: "DATABASE_URL",
      message: `DATABASE_URL is not a valid postgres:// URL: ${reason}`
    })
  })

  it("never prints a password", async () => {
    const { message } = await configError(PgStoreLayer("postgres://user:hunter2@host:notaport/db"))
    expect(message).toContain("postgres://user:***@host:notaport/db")
    expect(message).not.toContain("hunter2")
  })

  it("an unreachable server", async () => {
    const port = await freePort()
    expect(await configError(PgStoreLayer(`postgres://carepanel@127.0.0.1:${port}/carepanel`))).toEqual({
      tag: "StoreConfigError",
      setting: "DATABASE_URL",
      message: `Cannot reach the PostgreSQL server at DATABASE_URL 127.0.0.1:${port}: connection refused`
    })
  })

  it("a database that does not exist", async () => {
    const url = inject("postgresAdminUrl").replace(/\/postgres$/, "/no_such_database")
    const { message } = await configError(PgStoreLayer(url))
    expect(message).toMatch(/^Cannot reach the PostgreSQL server at DATABASE_URL 127\.0\.0\.1:\d+: the database "no_such_database" does not exist$/)
  })

  it("a CAREPANEL_DATA_DIR that cannot be written", async () => {
    const file = join(freshDataDir(), "a-file")
    writeFileSync(file, "")
    expect(await configError(SqliteStoreLayer({}, { CAREPANEL_DATA_DIR: join(file, "data") }))).toEqual({
      tag: "StoreConfigError",
      setting: "CAREPANEL_DATA_DIR",
      message: `CAREPANEL_DATA_DIR ${join(file, "data")} is not a writable directory: a part of the path is a file, not a directory`
    })
    expect((await configError(SqliteStoreLayer({}, { CAREPANEL_DATA_DIR: file }))).message).toBe(
      `CAREPANEL_DATA_DIR ${file} is not a writable directory: a file with that name exists`
    )
  })

  it("a data file that is not a SQLite database", async () => {
    const dataDir = freshDataDir()
    writeFileSync(join(dataDir, "carepanel.sqlite"), "this is not a database, it is a shopping list ".repeat(200))
    expect(await configError(SqliteStoreLayer({}, { CAREPANEL_DATA_DIR: dataDir }))).toMatchObject({
      setting: "CAREPANEL_DATA_DIR",
      message: `Cannot open the SQLite database at CAREPANEL_DATA_DIR ${join(dataDir, "carepanel.sqlite")}: file is not a database`
    })
  })
})

describe("CAREPANEL_SQLITE_LOCK_WAIT_MS", () => {
  it("is a whole number of milliseconds from 0 to 600 000; anything else names the setting and what it got", async () => {
    for (const wrong of ["soon", "-1", "2.5", "600001"]) {
      expect(await configError(SqliteStoreLayer({}, { CAREPANEL_DATA_DIR: freshDataDir(), CAREPANEL_SQLITE_LOCK_WAIT_MS: wrong }))).toEqual({
        tag: "StoreConfigError",
        setting: "CAREPANEL_SQLITE_LOCK_WAIT_MS",
        message: `CAREPANEL_SQLITE_LOCK_WAIT_MS must be a whole number of milliseconds from 0 to 600000, not "${wrong}"`
      })
    }
  })
})

describe("storeLayerFromEnv", () => {
  const dialect = (env: Record<string, string>) =>
    Effect.runPromise(
      Effect.flatMap(SqlClient.SqlClient, (sql) => Effect.succeed(sql.onDialectOrElse({ pg: () => "pg", sqlite: () => "sqlite", orElse: () => "?" }))).pipe(
        Effect.provide(storeLayerFromEnv(env))
      )
    )

  it("uses PostgreSQL when DATABASE_URL is set and SQLite in CAREPANEL_DATA_DIR otherwise", async () => {
    expect(await dialect({ DATABASE_URL: inject("postgresAdminUrl") })).toBe("pg")
    expect(await dialect({ DATABASE_URL: "  ", CAREPANEL_DATA_DIR: freshDataDir() })).toBe("sqlite")
  })
})
