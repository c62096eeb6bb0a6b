import type { ChildProcess } from "node:child_process"
import { createInterface } from "node:readline"
import type { Ack } from "../support/counterWriter.js"

export interface WatchedWriter {
  readonly acks: Array<Ack>
  /** Resolves when the writer printed `ready` (its store is open). */
  readonly ready: Promise<void>
  /** Resolves once `n` acks were read (rejects if the child exits first). */
  readonly acked: (n: number) => Promise<void>
  /** Resolves with the exit code or signal once the child has exited and its output is read. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stderr: string }>
}

/** Collects a writer child's acks from its stdout and its stderr for error messages. */
export const watchWriter = (child: ChildProcess): WatchedWriter => {
  const acks: Array<Ack> = []
  let stderr = ""
  const waiters: Array<{ n: number; resolve: () => void; reject: (e: Error) => void }> = []
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk)
  })
  const lines = createInterface({ input: child.stdout! })
  let onReady = () => {}
  const ready = new Promise<void>((resolve) => {
    onReady = resolve
  })
  lines.on("line", (line) => {
    if (line === "ready") onReady()
    const [tag, writer, seq, version] = line.split(" ")
    if (tag !== "ack" || writer === undefined) return
    acks.push({ writer, seq: Number(seq), version: Number(version) })
    for (const waiter of waiters.filter((w) => acks.length >= w.n)) waiter.resolve()
  })
  let done = false
  const closed = new Promise<void>((resolve) => lines.on("close", resolve))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => void closed.then(() => resolve({ code, signal, stderr })))
  )
  void exited.then(({ code, signal }) => {
    done = true
    for (const waiter of waiters) {
      if (acks.length < waiter.n) waiter.reject(new Error(`writer exited (${code ?? signal}) after ${acks.length} acks: ${stderr}`))
    }
  })
  return {
    acks,
    ready,
    exited,
    acked: (n) =>
      acks.length >= n
        ? Promise.resolve()
        : done
          ? Promise.reject(new Error(`writer exited after ${acks.length} acks: ${stderr}`))
          : new Promise((resolve, reject) => waiters.push({ n, resolve, reject }))
  }
}
