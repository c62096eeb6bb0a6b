import { spawn } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { EventStore, type StreamRef } from "@carepanel/core"
import type { WriterSpec } from "@carepanel/store-contract"
import { Effect } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { storeCommand } from "../src/cli/verifyCommand.js"
import { generateSigningKeyPem, SqliteStoreLayer } from "../src/index.js"
import { appendSome, streamNamed } from "./support/appendSome.js"
import { childScriptArgs } from "./support/childScripts.js"
import { runOn } from "./support/dialects.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

const run = (command: string, args: ReadonlyArray<string>, env: Record<string, string>) => Effect.runPromise(storeCommand(command, args, env))

/** A data directory with a signing key outside it, as production keeps one, and a few commits. */
const storeWithSomeCommits = async () => {
  const dataDir = freshDataDir()
  const pem = generateSigningKeyPem()
  const keyFile = join(freshDataDir(), "signing-key.pem")
  writeFileSync(keyFile, pem)
  await runOn(SqliteStoreLayer({ dataDir, signingKeyPem: pem }), appendSome(streamNamed("r1"), 3))
  return { dataDir, pem, keyFile, env: { CAREPANEL_DATA_DIR: dataDir, CAREPANEL_SIGNING_KEY_FILE: keyFile, DATABASE_URL: "", CAREPANEL_WITNESS_FILE: "" } }
}

/** A writer in another process appending to one stream without pause; `acked()` is the last version it acknowledged. */
const writerAppending = (env: Record<string, string>) => {
  const spec: WriterSpec = { authorityId: "authority-a", streamType: "contract-counter", streamId: "busy", writer: "w", count: 100_000 }
  const child = spawn(process.execPath, [...childScriptArgs("contractWriter"), JSON.stringify(spec)], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] })
  let acked = 0
  let pending = ""
  child.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString()
    const lines = pending.split("\n")
    pending = lines.pop()!
    for (const line of lines) if (line.startsWith("ack ")) acked = Number(line.split(" ")[3])
  })
  const stream: StreamRef = { authorityId: spec.authorityId as StreamRef["authorityId"], streamType: spec.streamType, id: spec.streamId }
  return { child, stream, acked: () => acked }
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe("carepanel-store backup (SQLite)", () => {
  it("copies the store while another process writes: the copy verifies, and holds every write acknowledged before it began", async () => {
    const { dataDir, pem, keyFile, env } = await storeWithSomeCommits()
    const writer = writerAppending(env)
    try {
      await until(() => writer.acked() >= 20)
      const ackedBefore = writer.acked()
      const copyDir = freshDataDir()
      const copy = join(copyDir, "carepanel.sqlite")
      const backup = await run("backup", [copy], env)
      const ackedAfter = writer.acked()
      expect(backup.lines[0]).toBe(`store: SQLite in ${dataDir}`)
      expect(backup.lines[1]).toMatch(new RegExp(`^backup written to ${copy}: \\d+ events, 0 access-log entries$`))
      expect(backup.exitCode).toBe(0)
      // The writer went on while the copy was taken: the copy was made of a store being written to.
      await until(() => writer.acked() > ackedAfter)

      const verified = await run("verify", [], { ...env, CAREPANEL_DATA_DIR: copyDir })
      expect(verified.lines[1]).toMatch(/^chain intact: \d+ events in 2 streams/)
      expect(verified.exitCode).toBe(0)
      const copied = await runOn(SqliteStoreLayer({ dataDir: copyDir, signingKeyPem: pem }), Effect.flatMap(EventStore, (store) => store.readStream(writer.stream)))
      expect(copied.length).toBeGreaterThanOrEqual(ackedBefore)
      expect(keyFile).not.toContain(copyDir)
    } finally {
      writer.child.kill("SIGKILL")
    }
  }, 30_000)

  it("restored into an empty data directory, the copy is the store: the same events, and the store opens on it", async () => {
    const { pem, env } = await storeWithSomeCommits()
    const copyDir = freshDataDir()
    expect((await run("backup", [join(copyDir, "copy.sqlite")], env)).exitCode).toBe(0)
    const restored = freshDataDir()
    mkdirSync(restored, { recursive: true })
    copyFileSync(join(copyDir, "copy.sqlite"), join(restored, "carepanel.sqlite"))
    const events = await runOn(SqliteStoreLayer({ dataDir: restored, signingKeyPem: pem }), Effect.flatMap(EventStore, (store) => store.readStream(streamNamed("r1"))))
    expect(events.map((event) => event.version)).toEqual([1, 2, 3])
  })

  it("never writes over a file, and sends PostgreSQL to pg_dump; neither touches anything", async () => {
    const { env } = await storeWithSomeCommits()
    const existing = join(freshDataDir(), "earlier.sqlite")
    writeFileSync(existing, "an earlier backup")
    const overExisting = await run("backup", [existing], env)
    expect(overExisting.lines.at(-1)).toBe(`carepanel-store: ${existing} already exists; the backup never writes over a file, name a new one`)
    expect(overExisting.exitCode).toBe(64)
    expect(readFileSync(existing, "utf8")).toBe("an earlier backup")
    const onPg = await run("backup", [join(freshDataDir(), "pg.sqlite")], { ...env, DATABASE_URL: "postgres://carepanel@127.0.0.1:1/carepanel" })
    expect(onPg.exitCode).toBe(64)
    expect(onPg.lines.at(-1)).toMatch(/back up PostgreSQL with pg_dump/)
    const noFile = await run("backup", [], env)
    expect(noFile.lines.slice(1)).toEqual(["carepanel-store: backup takes one argument, the file to write the copy to", "usage: carepanel-store backup <file>"])
    expect(noFile.exitCode).toBe(64)
    const intoMissingDir = join(freshDataDir(), "no-such-dir", "copy.sqlite")
    const failed = await run("backup", [intoMissingDir], env)
    expect(failed.exitCode).toBe(2)
    expect(failed.lines[0]).toMatch(new RegExp(`^Cannot write the copy ${intoMissingDir}: `))
    expect(existsSync(intoMissingDir)).toBe(false)
  })
})
