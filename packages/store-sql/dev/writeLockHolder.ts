import { spawn } from "node:child_process"
import { join } from "node:path"

export interface HeldWriteLock {
  /** Resolves when the other process has let the lock go and exited. */
  readonly released: Promise<void>
}

/**
 * Starts another process that holds the SQLite file's write lock for `ms` milliseconds (as a backup, a
 * migration or a stuck process might); resolves once it holds it.
 */
export const holdWriteLock = (file: string, ms: number): Promise<HeldWriteLock> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, "writeLockHolderChild.mjs"), file, String(ms)], {
      stdio: ["ignore", "pipe", "inherit"]
    })
    const released = new Promise<void>((done, failed) =>
      child.on("exit", (code) => (code === 0 ? done() : failed(new Error(`the lock holder exited with ${code}`))))
    )
    released.catch(reject)
    child.stdout.setEncoding("utf8")
    child.stdout.on("data", (text: string) => {
      if (text.includes("locked")) resolve({ released })
    })
  })
