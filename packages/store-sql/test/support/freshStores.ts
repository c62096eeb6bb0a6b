import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PgClient } from "@effect/sql-pg"
import { Effect, Layer, ManagedRuntime, Redacted } from "effect"
import { inject } from "vitest"
import { PgStoreLayer } from "../../src/layers/PgStoreLayer.js"
import { SqliteStoreLayer } from "../../src/layers/SqliteStoreLayer.js"

const tempDirs: Array<string> = []

/** A new empty data directory under the OS temp dir (removed by `removeTempDirs`). */
export const freshDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "carepanel-sqlite-"))
  tempDirs.push(dir)
  return dir
}

export const removeTempDirs = () => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export const freshSqliteLayer = () => SqliteStoreLayer({ dataDir: freshDataDir() })

const adminUrl = () => inject("postgresAdminUrl")
let admin: ManagedRuntime.ManagedRuntime<PgClient.PgClient, unknown> | undefined
let databases = 0
/**
 * Unique to this load of the module: vitest's worker threads share a pid, and a run with fresh modules per file (the
 * mutation run, `isolate: true`) loads this module again for each file and each mutant, counting from 0 again.
 */
const loaded = randomBytes(4).toString("hex")

/** Creates an empty database in the test cluster and returns its URL. */
export const freshPgDatabase = async (): Promise<string> => {
  admin ??= ManagedRuntime.make(PgClient.layer({ url: Redacted.make(adminUrl()), maxConnections: 2 }))
  const name = `carepanel_${process.pid}_${loaded}_${++databases}`
  await admin.runPromise(Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(`CREATE DATABASE ${name}`)))
  return adminUrl().replace(/\/postgres$/, `/${name}`)
}

export const closePgAdmin = async () => {
  await admin?.dispose()
  admin = undefined
}

export const freshPgLayer = () =>
  Layer.unwrapEffect(Effect.map(Effect.promise(freshPgDatabase), (url) => PgStoreLayer(url)))
