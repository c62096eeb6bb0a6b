import type { ChildProcess } from "node:child_process"
import { createInterface } from "node:readline"

export interface WatchedDispatcher {
  readonly claimed: Array<string>
  readonly delivered: Array<string>
  readonly ready: Promise<void>
  readonly exited: Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stderr: string }>
}

/** Collects a dispatcher child's `claimed` and `delivered` lines, and its stderr for error messages. */
export const watchDispatcher = (child: ChildProcess): WatchedDispatcher => {
  const claimed: Array<string> = []
  const delivered: Array<string> = []
  let stderr = ""
  let onReady = () => {}
  const ready = new Promise<void>((resolve) => {
    onReady = resolve
  })
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk)
  })
  const lines = createInterface({ input: child.stdout! })
  lines.on("line", (line) => {
    const [tag, id] = line.split(" ")
    if (tag === "ready") onReady()
    if (tag === "claimed" && id) claimed.push(id)
    if (tag === "delivered" && id) delivered.push(id)
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal, stderr }))
  )
  return { claimed, delivered, ready, exited }
}
