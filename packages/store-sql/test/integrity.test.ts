import { spawn } from "node:child_process"
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { AccessLog, type ChildId, type PersonId } from "@carepanel/core"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import {
  devKeyFile,
  eventHash,
  generateSigningKeyPem,
  migrations,
  migrationsTable,
  SqliteStoreLayer,
  StoreIntegrity,
  signingKeyFromPem,
  trustedKeyOf,
  verifyStore
} from "../src/index.js"
import { appendSome, authorityA, streamNamed } from "./support/appendSome.js"
import { runOn } from "./support/dialects.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"
import { childScriptArgs } from "./support/childScripts.js"

afterAll(removeTempDirs)

describe("the signing key", () => {
  it("is required in production: the store refuses to start without one and names the setting", async () => {
    const dataDir = freshDataDir()
    const error = await Effect.runPromise(
      Effect.flip(Effect.scoped(Effect.provide(Effect.void, SqliteStoreLayer({ dataDir }, { NODE_ENV: "production" }))))
    )
    expect(error).toMatchObject({
      _tag: "StoreConfigError",
      setting: "CAREPANEL_SIGNING_KEY_FILE",
      message: "CAREPANEL_SIGNING_KEY_FILE (or CAREPANEL_SIGNING_KEY) must name the Ed25519 key that signs the record in production"
    })
  })

  it("is generated in development beside the database, readable by its owner only, and kept for the next start", async () => {
    const dataDir = freshDataDir()
    const keyIdOnce = () => runOn(SqliteStoreLayer({ dataDir }, {}), Effect.map(StoreIntegrity, ({ key }) => key.keyId))
    const first = await keyIdOnce()
    const file = join(dataDir, devKeyFile)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(signingKeyFromPem(readFileSync(file, "utf8")).keyId).toBe(first)
    expect(await keyIdOnce()).toBe(first)
  })

  it("is generated once when several processes start together on an empty data directory: all of them sign with it", async () => {
    const dataDir = freshDataDir()
    const children = Array.from({ length: 4 }, () => {
      const proc = spawn(process.execPath, [...childScriptArgs("devKeyChild"), dataDir])
      let [out, err] = ["", ""]
      const ready = new Promise<void>((resolve) =>
        proc.stdout.on("data", (chunk) => {
          out += chunk
          if (out.startsWith("ready\n")) resolve()
        })
      )
      proc.stderr.on("data", (chunk) => (err += chunk))
      const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
        proc.on("exit", (code) => resolve({ code, out: out.replace("ready\n", "").trim(), err }))
      )
      return { proc, ready, exited }
    })
    await Promise.all(children.map(({ ready }) => ready))
    for (const { proc } of children) proc.stdin.write("go\n")
    const results = await Promise.all(children.map(({ exited }) => exited))
    expect(results.map(({ code, err }) => ({ code, err }))).toEqual(results.map(() => ({ code: 0, err: "" })))
    const keyIds = new Set(results.map(({ out }) => out))
    expect(keyIds).toEqual(new Set([signingKeyFromPem(readFileSync(join(dataDir, devKeyFile), "utf8")).keyId]))
    expect(readdirSync(dataDir)).toEqual([devKeyFile])
  }, 120_000)

  it("refuses a key that is not Ed25519, and a witness inside the data directory", async () => {
    const dataDir = freshDataDir()
    const notEd25519 = (await import("node:crypto")).generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" })
    const start = (layer: ReturnType<typeof SqliteStoreLayer>) => Effect.runPromise(Effect.flip(Effect.scoped(Effect.provide(Effect.void, layer))))
    expect(await start(SqliteStoreLayer({ dataDir }, { CAREPANEL_SIGNING_KEY: String(notEd25519) }))).toMatchObject({
      setting: "CAREPANEL_SIGNING_KEY",
      message: "CAREPANEL_SIGNING_KEY is not a usable signing key: it is a ec key, not an Ed25519 private key"
    })
    expect(await start(SqliteStoreLayer({ dataDir, witnessFile: join(dataDir, "witness.jsonl") }, {}))).toMatchObject({
      setting: "witnessFile",
      message: `witnessFile ${join(dataDir, "witness.jsonl")} is inside the data directory ${dataDir}: a witness must be kept apart from the database`
    })
  })

  it("rotates: each commit names its key; verify needs the retired key's public part to accept the older commits", async () => {
    const dataDir = freshDataDir()
    const [oldPem, newPem] = [generateSigningKeyPem(), generateSigningKeyPem()]
    const [oldKey, newKey] = [signingKeyFromPem(oldPem), signingKeyFromPem(newPem)]
    await runOn(SqliteStoreLayer({ dataDir, signingKeyPem: oldPem }), appendSome(streamNamed("r1"), 2))
    await runOn(
      SqliteStoreLayer({ dataDir, signingKeyPem: newPem }),
      Effect.gen(function* () {
        yield* appendSome(streamNamed("r1"), 1)
        expect(yield* verifyStore({ trusted: [trustedKeyOf(newKey)] })).toMatchObject({
          _tag: "Broken",
          position: 1,
          reason: `its commit was signed with key ${oldKey.keyId}, recorded in the store but not trusted`
        })
        expect(yield* verifyStore({ trusted: [trustedKeyOf(newKey), trustedKeyOf(oldKey)] })).toMatchObject({
          _tag: "Intact",
          commits: 3,
          keyIds: [oldKey.keyId, newKey.keyId]
        })
        const keys = yield* (yield* SqlClient.SqlClient)<{ key_id: string }>`SELECT key_id FROM signing_keys ORDER BY first_used_at, key_id`
        expect(keys.map((row) => row.key_id).sort()).toEqual([oldKey.keyId, newKey.keyId].sort())
      })
    )
  })
})

describe("an existing store", () => {
  it("gets its events and access log signed at the first start after migration 0010, and only then", async () => {
    const dataDir = freshDataDir()
    const filename = join(dataDir, "carepanel.sqlite")
    // A store as the release before 0010 left it: migrations 1-8, three events of one stream, one access-log entry.
    await Effect.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        yield* sql.unsafe(`CREATE TABLE ${migrationsTable} (migration_id integer PRIMARY KEY NOT NULL,
          created_at datetime NOT NULL DEFAULT current_timestamp, name VARCHAR(255) NOT NULL)`)
        for (const [id, name, migration] of migrations.filter(([id]) => id <= 8)) {
          for (const statement of migration.sqlite) yield* sql.unsafe(statement)
          yield* sql`INSERT INTO ${sql(migrationsTable)} (migration_id, name) VALUES (${id}, ${name})`
        }
        let hash = ""
        for (const version of [1, 2, 3]) {
          const event = { streamId: "authority-a/referral/old", version, type: "Noted", data: `{"n":${version}}`, recordedAt: `2026-01-0${version}T00:00:00.000Z` }
          hash = eventHash(hash, event)
          yield* sql`INSERT INTO events ${sql.insert({ position: version, stream_id: event.streamId, authority_id: "authority-a", stream_type: "referral", entity_id: "old", version, type: event.type, data: event.data, recorded_at: event.recordedAt, hash })}`
        }
        yield* sql`UPDATE event_head SET last_position = 3`
        yield* sql`INSERT INTO access_log ${sql.insert({ authority_id: "authority-a", person_id: "sw-1", role: "social_worker", at: "2026-01-04T00:00:00.000Z", child_id: "c1", fields: "[]", purpose: "review" })}`
      }).pipe(Effect.provide(SqliteClient.layer({ filename })))
    )
    const pem = generateSigningKeyPem()
    const trusted = [trustedKeyOf(signingKeyFromPem(pem))]
    const layer = SqliteStoreLayer({ dataDir, signingKeyPem: pem })
    await runOn(
      layer,
      Effect.gen(function* () {
        expect(yield* verifyStore({ trusted })).toMatchObject({ _tag: "Intact", events: 3, commits: 3, accessEntries: 1 })
        yield* appendSome(streamNamed("r1"), 1)
        yield* (yield* AccessLog).record([
          { authorityId: authorityA, personId: "sw-2" as PersonId, role: "social_worker", at: "2027-01-01T00:00:00.000Z", childId: "c1" as ChildId, fields: [], purpose: "review" }
        ])
      })
    )
    await runOn(
      layer,
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        expect(yield* verifyStore({ trusted })).toMatchObject({ _tag: "Intact", events: 4, commits: 4, accessEntries: 2 })
        const links = yield* sql<{ n: number }>`SELECT COUNT(*) AS n FROM chain_links`
        expect(links[0]?.n).toBe(6)
      })
    )
  })
})
