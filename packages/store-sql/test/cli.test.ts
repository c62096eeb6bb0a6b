import { spawnSync } from "node:child_process"
import { readFileSync, realpathSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { verifyCommand } from "../src/cli/verifyCommand.js"
import { generateSigningKeyPem, SqliteStoreLayer, signingKeyFromPem } from "../src/index.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { runConsoleBlock } from "./support/consoleBlocks.js"
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
    // verify never creates a store: an empty data directory is named, in one line, exit 2
    const result = runCli(["verify"], { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" }, tmpdir())
    expect([result.status, result.stdout, result.stderr.trim()]).toEqual([
      2,
      "",
      `CAREPANEL_DATA_DIR ${dataDir} holds no Carepanel store (no ${join(dataDir, "carepanel.sqlite")}): nothing to verify`
    ])
    expect(runCli(["frobnicate"], {}, tmpdir()).status).toBe(64)
  })

  it("prints the number of events and streams of an intact chain, and the first broken link otherwise", async () => {
    const dataDir = freshDataDir()
    const env = { CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" }
    await runOn(SqliteStoreLayer({ dataDir }), Effect.all([appendSome(streamNamed("r1"), 3), appendSome(streamNamed("r2"), 1)]))
    const intact = await Effect.runPromise(verifyCommand([], env))
    expect(intact.exitCode).toBe(0)
    expect(intact.lines.slice(0, 2)).toEqual([`store: SQLite in ${dataDir}`, "chain intact: 4 events in 2 streams (4 signed commits), 0 access-log entries"])

    await runOn(
      SqliteStoreLayer({ dataDir }),
      Effect.flatMap(SqlClient.SqlClient, (sql) =>
        Effect.zipRight(sql`DROP TRIGGER events_are_never_updated`, sql`UPDATE events SET type = 'Forged' WHERE version = 3`)
      )
    )
    const broken = runCli(["verify"], env)
    expect(broken.status).toBe(1)
    expect(broken.stderr).toContain("chain broken at events position 3 (stream authority-a/referral/r1): its content does not match its hash")
    const oneStream = await Effect.runPromise(verifyCommand(["--stream", "authority-a/referral/r2"], env))
    expect(oneStream.lines.at(-1)).toBe("chain intact: 1 event in 1 stream")
  })

  it("prints one line naming the setting, and no stack trace, when the configuration is wrong", () => {
    const file = join(freshDataDir(), "a-file")
    writeFileSync(file, "")
    const result = runCli(["checkpoint"], { CAREPANEL_DATA_DIR: join(file, "data"), DATABASE_URL: "", CAREPANEL_WITNESS_FILE: join(file, "w") })
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toBe(
      `CAREPANEL_DATA_DIR ${join(file, "data")} is not a writable directory: a part of the path is a file, not a directory`
    )
    const badUrl = runCli(["verify"], { DATABASE_URL: "mysql://db.example/carepanel" })
    expect(badUrl.status).toBe(2)
    expect(badUrl.stderr.trim()).toBe('DATABASE_URL is not a valid postgres:// URL: the scheme is "mysql", expected postgres or postgresql')
  })
})

/**
 * docs/integrity.md's console blocks, run in order: `export` sets a variable, `npx carepanel-store` runs the CLI's
 * command in this process (the bin itself is run above; a process per line is too slow for CI).
 */
describe("docs/integrity.md", () => {
  it("runs its verify example: a checkpoint, an intact store, then a removed tail named by the witness", async () => {
    const doc = readFileSync(fileURLToPath(new URL("../../../docs/integrity.md", import.meta.url)), "utf8")
    const blocks = [...doc.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!)
    expect(blocks).toHaveLength(2)
    const scratch = freshDataDir()
    const keyFile = join(scratch, "signing-key.pem")
    writeFileSync(keyFile, generateSigningKeyPem(), { mode: 0o600 })
    const publicKeyFile = join(scratch, "authority-public.pem")
    writeFileSync(publicKeyFile, signingKeyFromPem(readFileSync(keyFile, "utf8")).publicKeyPem)
    const values: Record<string, string> = {
      "data directory": join(scratch, "data"),
      "key file": keyFile,
      "public key file": publicKeyFile,
      "witness file": join(scratch, "witness", "checkpoints.jsonl"),
      "key id": signingKeyFromPem(readFileSync(keyFile, "utf8")).keyId
    }
    const env: Record<string, string> = { DATABASE_URL: "", CAREPANEL_TRUSTED_KEYS_FILE: "" }
    const fill = (text: string) => text.replace(/<([^<>]+)>/g, (whole, name: string) => values[name] ?? whole)
    const runBlock = (block: string) => runConsoleBlock(block, env, fill, { "<time>": "\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z" })
    // the store of the example: four events in two streams
    await runBlock(blocks[0]!.split("$ npx")[0]!)
    await runOn(
      SqliteStoreLayer({ dataDir: values["data directory"]!, signingKeyPem: readFileSync(keyFile, "utf8") }),
      Effect.all([appendSome(streamNamed("r1"), 3), appendSome(streamNamed("r2"), 1)])
    )
    await runBlock(`$ npx${blocks[0]!.split("$ npx").slice(1).join("$ npx")}`)
    await runOn(
      SqliteStoreLayer({ dataDir: values["data directory"]!, signingKeyPem: readFileSync(keyFile, "utf8") }),
      Effect.flatMap(SqlClient.SqlClient, (sql) =>
        Effect.all([
          sql`DROP TRIGGER events_are_never_deleted`,
          sql`DROP TRIGGER chain_links_are_never_deleted`,
          sql`DELETE FROM events WHERE position = 4`,
          sql`DELETE FROM chain_links WHERE log = 'events' AND last_seq = 4`
        ])
      )
    )
    await runBlock(blocks[1]!)
  })
})
