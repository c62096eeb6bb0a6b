import { type ChildProcess, spawn } from "node:child_process"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { setTimeout as sleep } from "node:timers/promises"
import { SqlClient } from "@effect/sql"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { holdWriteLock } from "../dev/writeLockHolder.js"
import { SqliteStoreLayer, StoreIntegrity, trustedKeyOf, verifyStore } from "../src/index.js"
import { childScriptArgs } from "./support/childScripts.js"
import { freshDataDir, removeTempDirs } from "./support/freshStores.js"

afterAll(removeTempDirs)

/**
 * What a logging child (support/accessLogChild.ts) said before it died: each acknowledged entry, each group commit.
 * `killAtAck(n)` kills it the moment its n-th acknowledgement is read, a fraction of a millisecond after it was printed.
 */
const watchLogging = (child: ChildProcess) => {
  const acked: Array<string> = []
  let killAt = Number.POSITIVE_INFINITY
  let grouped = 0
  let stderr = ""
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk)
  })
  let onReady = () => {}
  const ready = new Promise<void>((resolve) => {
    onReady = resolve
  })
  const lines = createInterface({ input: child.stdout! })
  lines.on("line", (line) => {
    const [tag, value] = line.split(" ")
    if (tag === "ready") onReady()
    if (tag === "ack" && acked.push(value!) === killAt) child.kill("SIGKILL")
    if (tag === "group") grouped += Number(value)
  })
  const closed = new Promise<void>((resolve) => lines.on("close", resolve))
  const exited = new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("exit", (_code, signal) => void closed.then(() => resolve({ signal, stderr })))
  )
  const killAtAck = (n: number) => {
    killAt = n
    if (acked.length >= n) child.kill("SIGKILL")
  }
  return { acked, grouped: () => grouped, killAtAck, ready, exited }
}

/** Another process takes the file's write lock for 20-100 ms, again and again, until stopped; `holds` counts the takes. */
const holdTheLockNowAndThen = (file: string) => {
  const state = { running: true, holds: 0 }
  const holding = (async () => {
    while (state.running) {
      const held = await holdWriteLock(file, 20 + Math.random() * 80)
      state.holds += 1
      await held.released
      await sleep(Math.random() * 60)
    }
  })()
  return {
    holds: () => state.holds,
    /** Resolves once the last taker has let the lock go. */
    stop: () => {
      state.running = false
      return holding
    }
  }
}

const untilTrue = async (condition: () => boolean) => {
  while (!condition()) await sleep(5)
}

interface LoggedRow {
  readonly seq: number
  readonly child_id: string
}
interface LinkRow {
  readonly first_seq: number
  readonly last_seq: number
}

/** Opens the store again, as the next process would after the kill, and reads the access log and its links. */
const reopen = async (dataDir: string) => {
  const runtime = ManagedRuntime.make(SqliteStoreLayer({ dataDir }))
  try {
    return await runtime.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const rows = yield* sql<LoggedRow>`SELECT seq, child_id FROM access_log ORDER BY seq`
        const links = yield* sql<LinkRow>`SELECT first_seq, last_seq FROM chain_links WHERE log = 'access' ORDER BY last_seq`
        const { key } = yield* StoreIntegrity
        const report = yield* verifyStore({ trusted: [trustedKeyOf(key)] })
        return { rows, links: links.map((link) => [Number(link.first_seq), Number(link.last_seq)] as const), report }
      })
    )
  } finally {
    await runtime.dispose()
  }
}

/**
 * A read's access-log entry is acknowledged (`record` returns, and the read is answered) only once its group is
 * committed, on the access log's own connection (sqliteAccessWriter.ts) or, when another process holds the write
 * lock, through the group commit. Each round a child process logs reads from 16 fibres (many per turn of the event
 * loop) while another process takes the write lock now and then, and is killed with SIGKILL mid-burst; the store is
 * opened again and must hold every acknowledged entry exactly once, under links that tile the log from its first row to
 * its last (none covering rows that are not there, no row after the last link), and `verify` must pass.
 *
 * What it cannot tell: a killed process leaves the operating system's page cache behind, so a commit written but not
 * yet synced to the disk survives here; `synchronous = FULL` and `NORMAL` look alike, and a power cut is not
 * simulated (FULL's fsync at each commit is what keeps an acknowledged entry then). Nor does it see which path each
 * entry took: only that, over the rounds, some went each way.
 */
describe("SQLite: the access log, with its writer killed with SIGKILL", () => {
  it("keeps every acknowledged read's entry exactly once, and nothing half-written, whichever connection wrote it", async () => {
    const dataDir = freshDataDir()
    const file = join(dataDir, "carepanel.sqlite")
    await reopen(dataDir) // the schema and the development key exist before the children open the file
    const acknowledged: Array<string> = []
    let grouped = 0
    const rounds = 6
    for (let round = 1; round <= rounds; round++) {
      const child = spawn(process.execPath, [...childScriptArgs("accessLogChild"), `round${round}`], {
        env: { ...process.env, CAREPANEL_DATA_DIR: dataDir, DATABASE_URL: "" },
        stdio: ["ignore", "pipe", "pipe"]
      })
      const logging = watchLogging(child)
      await Promise.race([logging.ready, logging.exited.then((exit) => Promise.reject(new Error(`the child died before it was ready: ${exit.stderr}`)))])
      const lock = holdTheLockNowAndThen(file)
      // Once this round has sent records through the group commit, the kill lands in one of three ways in turn.
      await Promise.race([untilTrue(() => logging.grouped() > 0), logging.exited])
      if (round % 3 === 1) {
        // The moment an entry is acknowledged: what was acknowledged last must be there.
        logging.killAtAck(logging.acked.length + 1 + Math.floor(Math.random() * 1500))
      } else if (round % 3 === 2) {
        // At any moment while the own connection writes (no entry is acknowledged while the lock is held elsewhere).
        const atLeast = logging.acked.length + Math.floor(Math.random() * 1500)
        await Promise.race([untilTrue(() => logging.acked.length >= atLeast), logging.exited])
        await sleep(Math.random() * 5)
        child.kill("SIGKILL")
      } else {
        // Around a hold: while records wait for the lock, or just after it is let go, as the group commit writes them.
        const holds = lock.holds()
        await Promise.race([untilTrue(() => lock.holds() > holds), logging.exited])
        await sleep(Math.random() * 150)
        child.kill("SIGKILL")
      }
      const exit = await logging.exited
      expect(exit.signal, exit.stderr).toBe("SIGKILL")
      await lock.stop()
      acknowledged.push(...logging.acked)
      grouped += logging.grouped()

      const { rows, links, report } = await reopen(dataDir)
      const timesLogged = new Map<string, number>()
      for (const row of rows) timesLogged.set(row.child_id, (timesLogged.get(row.child_id) ?? 0) + 1)
      expect(acknowledged.filter((childId) => timesLogged.get(childId) !== 1), "acknowledged but not logged exactly once").toEqual([])
      expect([...timesLogged].filter(([, times]) => times > 1), "logged twice").toEqual([])
      // Logged but never acknowledged: at most the records in flight when each child was killed (16 fibres, 2 entries).
      expect(rows.length - acknowledged.length).toBeLessThanOrEqual(round * 16 * 2)
      // SQLite hands out seqs without gaps: each link starts right after the one before, the last ends at the last row.
      expect(rows.map((row) => Number(row.seq))).toEqual(rows.map((_, i) => i + 1))
      expect(links.every(([first, last], i) => first === (i === 0 ? 1 : links[i - 1]![1] + 1) && last >= first), "links tile the log").toBe(true)
      expect(links.at(-1)?.[1] ?? 0, "the last link ends at the last row").toBe(rows.length)
      expect(report).toMatchObject({ _tag: "Intact", accessEntries: rows.length })
    }
    expect(grouped, "some records went through the group commit while the lock was held elsewhere").toBeGreaterThan(0)
    expect(acknowledged.length, "most went through the access log's own connection").toBeGreaterThan(2 * grouped)
  }, 120_000)
})
