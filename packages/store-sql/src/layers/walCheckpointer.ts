import { createRequire } from "node:module"
import { Worker } from "node:worker_threads"
import { Effect, Layer } from "effect"

/**
 * Pages the process's own connection lets the WAL reach before it checkpoints in a `COMMIT` (SQLite's default is
 * 1,000): only reached when the background checkpointer has stopped keeping up.
 */
export const fallbackAutocheckpointPages = 10_000

/** How often the background checkpointer copies the WAL into the database file. */
export const checkpointEveryMs = 200

// Plain JavaScript run by the worker (`eval`), so that it needs no TypeScript loader in development. A PASSIVE
// checkpoint never waits for, nor blocks, a writer or a reader; busy (another process's checkpoint) is skipped.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads")
const Database = require(workerData.driver)
const db = new Database(workerData.filename, { fileMustExist: true })
db.pragma("busy_timeout = 0")
const checkpoint = () => {
  try { db.pragma("wal_checkpoint(PASSIVE)") } catch {}
}
const timer = setInterval(checkpoint, workerData.everyMs)
parentPort.once("message", () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/** better-sqlite3 as @effect/sql-sqlite-node resolves it. */
const driverPath = () => {
  const fromHere = createRequire(import.meta.url)
  return createRequire(fromHere.resolve("@effect/sql-sqlite-node")).resolve("better-sqlite3")
}

/**
 * Copies the WAL into the database file on a worker thread with its own connection, every `checkpointEveryMs`, for as
 * long as the layer's scope is open. Without it the commit that takes the WAL past 1,000 pages copies them itself, and
 * better-sqlite3 being synchronous, every request of the process waits behind that copy and its sync.
 */
export const WalCheckpointer = (filename: string) =>
  Layer.scopedDiscard(
    Effect.acquireRelease(
      Effect.sync(() => {
        const worker = new Worker(workerSource, {
          eval: true,
          workerData: { driver: driverPath(), filename, everyMs: checkpointEveryMs },
          // The worker needs none of the process's loaders or flags.
          execArgv: []
        })
        // A worker that fails (its connection could not open) leaves the checkpoints to the commits, as without it.
        worker.on("error", () => {})
        const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()))
        return { worker, exited }
      }),
      ({ worker, exited }) =>
        Effect.promise(() => {
          worker.postMessage("stop")
          return exited
        })
    )
  )
