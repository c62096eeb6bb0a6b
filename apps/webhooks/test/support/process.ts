import { type ChildProcess, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { receiverBundle } from "./bundledProcesses.js"

const main = fileURLToPath(new URL("../../src/main.ts", import.meta.url))

/** As the README runs it (`src/main.ts` through tsx), or this run's bundle of it: the same code, listening after a second of CPU, not several. */
export type ReceiverFrom = "source" | "bundle"

export interface ReceiverProcess {
  readonly url: string
  readonly child: ChildProcess
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/**
 * The receiver as its own process, on a free port; resolves once it listens. From its bundle
 * (test/support/bundledProcesses.ts), but for the one test that starts it from source as the README does (operators.test.ts).
 */
export const spawnReceiver = (env: Record<string, string>, from: ReceiverFrom = "bundle"): Promise<ReceiverProcess> =>
  new Promise((resolve, reject) => {
    const args = from === "source" ? ["--conditions=@carepanel/source", "--import", "tsx", main] : [receiverBundle()]
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CAREPANEL_WEBHOOKS_PORT: "0", CAREPANEL_WEBHOOK_REQUESTS_PER_MINUTE: "1000000", ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let output = ""
    const exited = new Promise<void>((done) => child.once("exit", () => done()))
    let listening = false
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /at (http:\/\/[^/\s]+)\/webhooks\//.exec(output)?.[1]
      if (url !== undefined && !listening) {
        listening = true
        resolve({
          url,
          child,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM")
            await exited
          }
        })
      }
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once("exit", (code) => reject(new Error(`the receiver exited (${code}) before listening:\n${output}`)))
  })
