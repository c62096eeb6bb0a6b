import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { SqliteStoreLayer } from "@carepanel/store-sql"
import { afterEach, describe, expect, it } from "vitest"
import { renameAway } from "./support/renameAway.js"
import { apiBundle } from "./support/bundledProcesses.js"
import { startMain, stop } from "./support/mainJob.js"

/** Runs the example the server printed: its URL, its token and its query, as a user pasting the curl would. */
const pasteExample = async (printed: string) => {
  const curl = printed.match(/^curl -s (\S+) -H "Authorization: Bearer ([^"]+)" -H "Content-Type: application\/json" -d '(.*)'$/m)
  expect(curl, printed).not.toBeNull()
  const [, url, token, body] = curl as RegExpMatchArray & [string, string, string, string]
  const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body })
  expect(response.status).toBe(200)
  return { url, token, body: (await response.json()) as any }
}

const history = `{
  referrals(first: 100) { edges { node { id status } } }
  decisions(first: 100) { edges { node { id outcome status } } }
  placements { id childId }
}`

const ask = async (url: string, token: string, query: string) => {
  const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ query }) })
  return ((await response.json()) as any).data
}

let running: ChildProcess | undefined
afterEach(async () => {
  if (running !== undefined) await stop(running)
  running = undefined
})

describe("the main job (npm start) on the embedded SQLite store", () => {
  it("seeds a fictional authority on first start, prints a working example, keeps the data across a restart, and closes the store when a later start fails", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "carepanel-main-"))
    const first = startMain(dataDir, {}, "source")
    running = first.child
    const printed = await first.started
    expect(printed).toMatch(/Seeded Wexcombe Borough Council \(fictional\): \d+ sittings, \d+ requests, \d+ decisions, 1 Regulation 24 placement\./)
    expect(existsSync(join(dataDir, "carepanel.sqlite"))).toBe(true)
    // The seed's notices (logged, as no SMTP server is set) come before the banner, not after it, burying it: one
    // dispatcher interval (5 s) after the banner, none has been written.
    await new Promise((resolve) => setTimeout(resolve, 6_000))
    expect(first.output().slice(first.output().indexOf("Carepanel API for"))).not.toContain('"message":"notification"')

    const example = await pasteExample(printed)
    expect(example.body.errors).toBeUndefined()
    expect(example.body.data.viewer.authority.name).toBe("Wexcombe Borough Council (fictional)")
    expect(example.body.data.sittings.length).toBeGreaterThanOrEqual(4)
    expect(example.body.data.deadlines.some((clock: { explanation: string }) => /^due .* - [A-Z]+-/.test(clock.explanation))).toBe(true)

    const before = await ask(example.url, example.token, history)
    expect(printed).toMatch(/^A sitting is under way: Support Panel, today \d\d:\d\d-\d\d:\d\d \(sit_[\w-]+\), 2 requests on its agenda\.$/m)
    expect(printed).toMatch(/^ {2}1\. Record a decision on the sitting under way/m)
    expect(before.referrals.edges.length).toBe(8 + 2)
    expect(before.decisions.edges.length).toBeGreaterThan(0)
    expect(before.placements.length).toBe(1)
    expect(await stop(first.child)).toBe(0)

    const second = startMain(dataDir, {}, "source")
    running = second.child
    const again = await second.started
    expect(again).not.toMatch(/Seeded/)
    const restarted = await pasteExample(again)
    expect(await ask(restarted.url, restarted.token, history)).toEqual(before)
    expect(await stop(second.child)).toBe(0)

    // A start that fails after its server is up (the sitting under way cannot be looked for: a table renamed away)
    // says why in one line and closes the store before it exits.
    await renameAway(SqliteStoreLayer({ dataDir }), "read_models")
    const third = startMain(dataDir)
    running = third.child
    third.started.catch(() => undefined)
    const { code, output } = await third.exited
    expect(code).toBe(1)
    expect(output).toMatch(/^Cannot start: the store could not .* \(no such table: read_models\)$/m)
    expect(existsSync(join(dataDir, "carepanel.sqlite-wal"))).toBe(false)
  }, 120_000)
})

/** A file where the data directory should be. */
const aFile = join(mkdtempSync(join(tmpdir(), "carepanel-main-")), "not-a-directory")
writeFileSync(aFile, "")

describe("the main job with a setting it cannot use", () => {
  it.each([
    ["CAREPANEL_DATA_DIR", { CAREPANEL_DATA_DIR: aFile }],
    ["SMTP_URL", { SMTP_URL: "smtp//no-scheme" }],
    ["DATABASE_URL", { DATABASE_URL: "postgres://carepanel:s3cret@:not-a-port/carepanel" }],
    ["CAREPANEL_AUTH", { CAREPANEL_AUTH: "{ not json" }],
    ["PORT", { PORT: "99999" }]
  ])("stops with one line naming %s, no stack trace and no secret", async (setting, env) => {
    const main = startMain(mkdtempSync(join(tmpdir(), "carepanel-main-")), env)
    main.started.catch(() => undefined)
    const { code, output } = await main.exited
    expect(code).toBe(1)
    expect(output.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^Cannot start: ${setting}\\b`))])
    expect(output).not.toContain("s3cret")
  })
})

describe("the main job on a store it cannot read", () => {
  it("stops with one line in the database's words, exits 1 at once, and leaves the SQLite file closed (no -wal file)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "carepanel-main-"))
    await renameAway(SqliteStoreLayer({ dataDir }), "events")
    const startedAt = performance.now()
    const main = startMain(dataDir)
    main.started.catch(() => undefined)
    const { code, output } = await main.exited
    expect(code).toBe(1)
    expect(output.trim().split("\n")).toEqual(["Cannot start: the store could not read the event log (no such table: events)"])
    // Stopped by what failed, not by a timer running out: the store's connections closed, nothing left to wait for.
    expect(performance.now() - startedAt).toBeLessThan(15_000)
    // SQLite folds the -wal file back into the database and removes it as its last connection closes.
    expect(existsSync(join(dataDir, "carepanel.sqlite-wal"))).toBe(false)
  })
})

describe.skipIf(process.getuid?.() !== 0)("the main job's first start on a disk too small for the demonstration seed (needs root to mount a tmpfs)", () => {
  it("stops with one line: the seed stopped part-way, in the database's words, and what to do", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "carepanel-main-full-"))
    const mount = spawnSync("mount", ["-t", "tmpfs", "-o", "size=600k", "tmpfs", dataDir], { encoding: "utf8" })
    expect(mount.status, mount.stderr).toBe(0)
    try {
      const main = startMain(dataDir)
      main.started.catch(() => undefined)
      const { code, output } = await main.exited
      expect(code).toBe(1)
      expect(output.trim().split("\n")).toEqual([
        `Cannot start: the demonstration seed stopped part-way (database or disk is full), so ${dataDir} holds half of it: empty it and start again`
      ])
    } finally {
      spawnSync("umount", [dataDir])
    }
  })
})

describe("the development token command (npm run dev-token)", () => {
  /** `scripts/devToken.ts`, from this run's bundle of it (test/support/bundledProcesses.ts). */
  const devToken = (dataDir: string, ...args: string[]) =>
    new Promise<{ readonly code: number | null; readonly out: string }>((resolve) => {
      const child = spawn(process.execPath, [apiBundle("devToken"), ...args], {
        cwd: join(import.meta.dirname, ".."),
        env: { ...process.env, NODE_ENV: "development", CAREPANEL_DATA_DIR: dataDir, CAREPANEL_POLICIES: "" },
        stdio: ["ignore", "pipe", "pipe"]
      })
      let out = ""
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()))
      child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()))
      child.once("exit", (code) => resolve({ code, out }))
    })

  it("prints a token the server on the same data directory accepts, with the roles asked for; an unknown role is refused", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "carepanel-token-"))
    const printed = await devToken(dataDir, "--role", "team_manager", "--role", "practice_supervisor")
    expect(printed.code, printed.out).toBe(0)
    const main = startMain(dataDir, { CAREPANEL_SEED: "false" })
    running = main.child
    const { url } = await pasteExample(await main.started)
    const viewer = await ask(url, printed.out.trim(), "{ viewer { roles authority { id } } }")
    expect(viewer.viewer).toEqual({ roles: ["team_manager", "practice_supervisor"], authority: { id: "wexcombe" } })

    const refused = await devToken(dataDir, "--role", "superuser")
    expect(refused.code).toBe(1)
    expect(refused.out).toMatch(/^Unknown role superuser: use one of social_worker, /)
  }, 150_000)

  it("--help lists the options; an unknown option, authority or expiry is refused, naming it, and prints no token", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "carepanel-token-"))
    const help = await devToken(dataDir, "--help")
    expect(help.code).toBe(0)
    expect(help.out).toContain("--role       one of social_worker, ")
    const refusals = [
      [["--rol", "team_manager"], "Unknown option '--rol'"],
      [["--authority", "wexcombe-typo"], "Unknown authority wexcombe-typo: the API's policies are for wexcombe."],
      [["--expires", "tomorrow"], "--expires tomorrow: give a number and a unit, e.g. 30m, 12h or 7d."]
    ] as const
    for (const [args, message] of refusals) {
      const refused = await devToken(dataDir, ...args)
      expect(refused.code, refused.out).toBe(1)
      expect(refused.out).toContain(message)
      expect(refused.out).not.toMatch(/eyJ/)
    }
  }, 60_000)
})
