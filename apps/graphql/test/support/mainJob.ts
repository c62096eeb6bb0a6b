import { type ChildProcess, spawn } from "node:child_process"
import { join } from "node:path"
import { apiBundle } from "./bundledProcesses.js"

/** As the README runs it (`src/main.ts` through tsx), or this run's bundle of it: the same code, started in a second of CPU, not several. */
export type MainFrom = "source" | "bundle"

/**
 * The main job in its own process, on a SQLite file in a data directory. From its bundle (test/support/bundledProcesses.ts),
 * but for the one test that starts it from source as the README does (mainJob.test.ts, "seeds a fictional authority on first start").
 */
export const startMain = (dataDir: string, env: Record<string, string> = {}, from: MainFrom = "bundle") => {
  const args = from === "source" ? ["--conditions=@carepanel/source", "--import", "tsx", "src/main.ts"] : [apiBundle("main")]
  const child = spawn(process.execPath, args, {
    cwd: join(import.meta.dirname, "../.."),
    env: { ...process.env, NODE_ENV: "development", PORT: "0", CAREPANEL_DATA_DIR: dataDir, CAREPANEL_POLICIES: "", DATABASE_URL: "", SMTP_URL: "", SMTP_HOST: "", ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  const started = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString()
      if (/^curl .*$/m.test(output)) resolve(output)
    })
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once("exit", (code) => reject(new Error(`main exited with ${code} before it was ready:\n${output}`)))
  })
  const exited = new Promise<{ readonly code: number | null; readonly output: string }>((resolve) => child.once("exit", (code) => resolve({ code, output })))
  return { child, started, exited, output: () => output }
}

export const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once("exit", (code) => resolve(code))
    child.kill("SIGTERM")
  })

