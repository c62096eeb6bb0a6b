// A bench-only preload (`node --import ./bench/tail/probe.mjs`) that records, in the process it is loaded into, what
// the write tail needs to be explained: every HTTP request's arrival and answer, every stall of the event loop, every
// garbage collection, every SQLite statement slower than TAIL_PROBE_SLOW_MS (default 5 ms; COMMIT and BEGIN always),
// and the event loop's delay histogram. All times are epoch milliseconds (fractions kept). At exit it writes one JSON
// file to TAIL_PROBE_OUT. Never loaded by the application itself: `npm run bench` passes it when BENCH_TAIL_DIR is set.
import { statSync, writeFileSync } from "node:fs"
import { Server } from "node:http"
import { createRequire } from "node:module"
import { monitorEventLoopDelay, PerformanceObserver, performance } from "node:perf_hooks"

const out = process.env.TAIL_PROBE_OUT
/** Milliseconds in plain decimal ("5", "0.5"); anything else stops the process naming the setting, not a probe that records nothing. */
const slowMsOf = (text) => {
  if (text === undefined || text.trim() === "") return 5
  if (!/^\d+(\.\d+)?$/.test(text.trim())) throw new Error(`TAIL_PROBE_SLOW_MS must be milliseconds in plain decimal digits (5, 0.5), not "${text}"`)
  return Number(text.trim())
}
const slowMs = slowMsOf(process.env.TAIL_PROBE_SLOW_MS)
const now = () => performance.timeOrigin + performance.now()
/** The process's CPU time so far (user + system), ms: what a request waited behind, whatever the machine's load. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}

const requests = []
const stalls = []
const gcs = []
const statements = []
const commits = []

// Requests: arrival (the 'request' event, headers parsed) to the end of the answer ('finish').
// The socket's number tells a closed-loop client's latency: from the previous answer on the same socket (when the
// client sent this request) to this answer, which includes the time the request waited unread behind a busy loop.
const sockets = new WeakMap()
let socketCount = 0
const socketId = (socket) => {
  if (!sockets.has(socket)) sockets.set(socket, socketCount++)
  return sockets.get(socket)
}
const emit = Server.prototype.emit
Server.prototype.emit = function (event, ...args) {
  const [req, res] = args
  if (event === "request") {
    const entry = { start: now(), end: 0, socket: socketId(req.socket), cpuStart: cpuMs() }
    requests.push(entry)
    res.once("finish", () => {
      entry.end = now()
      entry.cpuEnd = cpuMs()
      entry.status = res.statusCode
    })
  }
  return emit.call(this, event, ...args)
}

// Stalls: a 10 ms interval that fires late by more than 20 ms means the loop was busy (or the process descheduled:
// the process's CPU time during the stall, cpu, tells the two apart on a loaded machine).
const tick = 10
let last = now()
let lastCpu = process.cpuUsage()
setInterval(() => {
  const t = now()
  const cpu = process.cpuUsage()
  if (t - last - tick > 20) stalls.push({ start: last + tick, end: t, cpu: (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000 })
  last = t
  lastCpu = cpu
}, tick).unref()

const delay = monitorEventLoopDelay({ resolution: 10 })
delay.enable()

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcs.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration, kind: entry.detail?.kind })
  }
}).observe({ entryTypes: ["gc"] })

// SQLite: time each statement of better-sqlite3 (the driver @effect/sql-sqlite-node uses; one copy in the workspace).
const Database = createRequire(import.meta.url)("better-sqlite3")
const scratch = new Database(":memory:")
const Statement = Object.getPrototypeOf(scratch.prepare("SELECT 1"))
scratch.close()
let transaction
// In WAL mode only a checkpoint writes the database file itself: a COMMIT after which the file changed ran one
// (SQLite's automatic checkpoint, every 1,000 pages of WAL, runs inside the COMMIT that crosses the mark).
const fileStamps = new Map()
const checkpointed = (file) => {
  try {
    const { mtimeMs, size } = statSync(file)
    const stamp = `${mtimeMs}/${size}`
    const changed = fileStamps.has(file) && fileStamps.get(file) !== stamp
    fileStamps.set(file, stamp)
    return changed
  } catch {
    return false
  }
}
for (const method of ["run", "all", "get"]) {
  const original = Statement[method]
  Statement[method] = function (...args) {
    const start = now()
    try {
      return original.apply(this, args)
    } finally {
      const end = now()
      const text = this.source
      const head = text.slice(0, 18).toUpperCase()
      if (head.startsWith("BEGIN")) transaction = { start, statements: 0, savepoints: 0, statementMs: 0, tables: new Set() }
      else if (transaction !== undefined) {
        transaction.statements++
        const table = /^\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)/i.exec(text)?.[1]
        if (table !== undefined) transaction.tables.add(table)
        if (head.startsWith("SAVEPOINT")) transaction.savepoints++
        if (head.startsWith("COMMIT")) {
          commits.push({ start: transaction.start, commitStart: start, end, statements: transaction.statements, savepoints: transaction.savepoints, tables: [...transaction.tables].sort(), checkpoint: checkpointed(this.database.name) })
          transaction = undefined
        } else if (head.startsWith("ROLLBACK") && !head.startsWith("ROLLBACK TO")) transaction = undefined
      }
      if (end - start >= slowMs) statements.push({ start, end, sql: text.slice(0, 120) })
    }
  }
}

const write = () => {
  if (out === undefined) return
  const ms = (ns) => ns / 1e6
  writeFileSync(
    out,
    JSON.stringify({
      pid: process.pid,
      loopDelay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) },
      requests,
      stalls,
      gcs,
      statements,
      commits
    })
  )
}
process.once("exit", write)
// A server with no SIGTERM handler of its own (the bare floor) would die without 'exit': write, then exit as it would.
process.once("SIGTERM", () => {
  write()
  if (process.listenerCount("SIGTERM") === 0) process.exit(0)
})
