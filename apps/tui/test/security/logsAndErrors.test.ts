import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir, userInfo } from "node:os"
import { join } from "node:path"
import { ConfigError } from "@carepanel/app-kit"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { InMemoryAccessLog, InMemoryStoreLayer, SequentialIds } from "@carepanel/core/testing"
import { Data, Effect, Layer, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { renameAway } from "../../../graphql/test/support/renameAway.js"
import { startupFailure } from "../../src/config/startupFailure.js"
import { logEntry } from "../../src/core/log.js"
import { makeTuiRuntime, type TuiRuntime } from "../../src/core/runtime.js"
import { demoPolicy, staff } from "../support/harness.js"
import { startTui } from "../support/start.js"
import { canary, rawControl } from "./canary.js"

/** Every line is one JSON object with no character a terminal takes as control; returns them parsed. */
const parsedLines = (lines: ReadonlyArray<string>): ReadonlyArray<{ readonly message: unknown; readonly logLevel: unknown; readonly annotations: Record<string, unknown> }> =>
  lines.flatMap((chunk) => chunk.split("\n")).filter((line) => line !== "").map((line) => {
    expect(line.match(rawControl), line).toBeNull()
    return JSON.parse(line)
  })

class StoreBroke extends Data.TaggedError("StoreBroke")<{ readonly message: string }> {}

describe("The TUI's logs", () => {
  const lines: Array<string> = []
  let tui: TuiRuntime
  beforeAll(async () => {
    const store = Layer.merge(InMemoryStoreLayer, InMemoryAccessLog)
    tui = await makeTuiRuntime({ store, accessLog: store, ids: SequentialIds, policies: [demoPolicy], operator: staff.administrator, log: (line) => lines.push(line) })
  })
  afterAll(() => tui.runtime.dispose())

  it("are JSON through Effect's logger: what the core logs reads back exactly, one object per line, whatever the values hold", async () => {
    await tui.runtime.runPromise(Effect.logWarning(`Notification delivery will be retried ${canary}`).pipe(Effect.annotateLogs({ recipient: canary, error: `550 ${canary}` })))
    const [entry, ...more] = parsedLines(lines)
    expect(more).toEqual([])
    expect(entry).toMatchObject({ message: `Notification delivery will be retried ${canary}`, logLevel: "WARN", annotations: { recipient: canary, error: `550 ${canary}` } })
  })

  it("a record that no longer decodes, logged by the core with its cause, says where it failed, never the value (a child's name)", async () => {
    lines.length = 0
    const stored = { fullName: "Tallulah Canarywood ", dateOfBirth: "2016-09-14" }
    const unreadable = Schema.decodeUnknown(Schema.Struct({ fullName: Schema.Trimmed, dateOfBirth: Schema.String }))(stored)
    await tui.runtime.runPromise(Effect.catchAllCause(unreadable, (cause) => Effect.logError("Clock reminders failed unexpectedly; trying again next time", cause)))
    const [entry] = parsedLines(lines)
    expect(JSON.stringify(entry)).toContain("actual (value not logged)")
    expect(lines.join("\n")).not.toContain("Canarywood")
  })

  it("start-up and its failure are JSON too: a setting's value holding control reads back exactly", () => {
    const written: Array<string> = []
    logEntry((line) => written.push(line), "Info", "Seeding the demonstration authority", { authority: canary, into: `/srv/${canary}` })
    const failure = startupFailure(new ConfigError("CAREPANEL_DATA_DIR", `/srv/${canary} is not a writable directory`), true)
    logEntry((line) => written.push(line), "Error", failure.message, failure.annotations)
    expect(parsedLines(written)).toMatchObject([
      { message: "Seeding the demonstration authority", annotations: { authority: canary, into: `/srv/${canary}` } },
      { message: "Cannot start: a setting cannot be used", logLevel: "ERROR", annotations: { setting: "CAREPANEL_DATA_DIR", problem: `CAREPANEL_DATA_DIR: /srv/${canary} is not a writable directory` } }
    ])
  })
})

describe("Errors in production", () => {
  const defect = new Error(`SQLITE_CORRUPT reading the row of ${canary}`)

  it("a failure at start that is a bug shows a clear message and its kind: no stack, nothing it held", () => {
    // As main() catches it: the runtime's FiberFailure around the defect.
    const caught = (() => {
      try {
        return Effect.runSync(Effect.die(defect))
      } catch (error) {
        return error
      }
    })()
    const shown = JSON.stringify(startupFailure(caught, true))
    expect(shown).toContain("Cannot start: an unexpected error")
    expect(shown).toContain('"error":"Error"')
    expect(shown).not.toContain("SQLITE_CORRUPT")
    expect(shown).not.toContain("pwned")
    expect(shown).not.toMatch(/\bat .*:\d+:\d+/)
    // Outside production the developer gets the message and the stack.
    expect(JSON.stringify(startupFailure(defect, false))).toMatch(/SQLITE_CORRUPT[\s\S]*at .*:\d+:\d+/)
  })

  it("on the screen: the core's refusal in its words, a defect said plainly, with nothing of what it held", async () => {
    const store = Layer.merge(InMemoryStoreLayer, InMemoryAccessLog)
    const production = await makeTuiRuntime({ store, accessLog: store, ids: SequentialIds, policies: [demoPolicy], operator: staff.administrator, log: () => {}, production: true })
    const development = await makeTuiRuntime({ store, accessLog: store, ids: SequentialIds, policies: [demoPolicy], operator: staff.administrator, log: () => {} })
    try {
      expect(await production.run(Effect.die(defect))).toEqual({ ok: false, message: "Something went wrong and nothing was saved. Try again." })
      expect(await production.run(Effect.fail(new StoreBroke({ message: "The store is busy; nothing was saved." })))).toEqual({ ok: false, message: "The store is busy; nothing was saved." })
      expect(await development.run(Effect.die(defect))).toMatchObject({ ok: false, message: expect.stringContaining("SQLITE_CORRUPT") })
    } finally {
      await Promise.all([production.runtime.dispose(), development.runtime.dispose()])
    }
  })

  it("a real start that cannot go on writes one JSON line to stderr, nothing to the terminal's stdout, no stack", async () => {
    // An operators file whose name holds terminal control (but NUL and "/", which no path can hold), which the user
    // running the TUI could change: refused in production, naming the file.
    const operators = join(mkdtempSync(join(tmpdir(), "carepanel-tui-start-")), `${canary.replaceAll("\u0000", "").replaceAll("/", "")}.yaml`)
    writeFileSync(operators, `operators:\n  ${userInfo().username}:\n    personId: dev-ingleby\n    name: Dev Ingleby\n    authorityId: wexcombe\n    roles: [panel_administrator]\n`)
    const failed = await startTui({ NODE_ENV: "production", CAREPANEL_OPERATORS: operators })
    expect(failed.code).toBe(1)
    expect(failed.stdout).toBe("")
    const [entry, ...more] = parsedLines([failed.stderr])
    expect(more).toEqual([])
    expect(entry).toMatchObject({ message: "Cannot start: a setting cannot be used", logLevel: "ERROR", annotations: { setting: `CAREPANEL_OPERATORS (${operators})` } })
    expect(entry!.annotations.problem).toContain("could then be any member of staff")
    expect(failed.stderr).not.toMatch(/\bat .*:\d+:\d+/)
  }, 120_000)
})

describe("A start on a store it cannot read", () => {
  it("a real start whose data directory is a file names CAREPANEL_DATA_DIR, in one JSON line", async () => {
    const aFile = join(mkdtempSync(join(tmpdir(), "carepanel-tui-start-")), "not-a-directory")
    writeFileSync(aFile, "")
    const failed = await startTui({ NODE_ENV: "development", CAREPANEL_DATA_DIR: aFile, CAREPANEL_POLICIES: "", DATABASE_URL: "" })
    expect(failed.code).toBe(1)
    expect(parsedLines([failed.stderr])).toEqual([
      expect.objectContaining({
        message: "Cannot start: a setting cannot be used",
        annotations: { setting: "CAREPANEL_DATA_DIR", problem: `CAREPANEL_DATA_DIR ${aFile} is not a writable directory: a file with that name exists` }
      })
    ])
  }, 120_000)

  it("a real start on a store it cannot read (a table renamed away) logs what the store could not do, in its words, and closes the store", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "carepanel-tui-start-"))
    await renameAway(SqliteStoreLayer({ dataDir }), "events")
    const failed = await startTui({ NODE_ENV: "development", CAREPANEL_DATA_DIR: dataDir, CAREPANEL_POLICIES: "", DATABASE_URL: "" })
    expect(failed.code).toBe(1)
    expect(failed.stdout).toBe("")
    expect(parsedLines([failed.stderr])).toEqual([
      expect.objectContaining({ message: "Cannot start: the store failed", logLevel: "ERROR", annotations: { operation: "read the event log", storeError: "no such table: events" } })
    ])
    // SQLite folds the -wal file back into the database and removes it as its last connection closes.
    expect(existsSync(join(dataDir, "carepanel.sqlite-wal"))).toBe(false)
  }, 120_000)
})
