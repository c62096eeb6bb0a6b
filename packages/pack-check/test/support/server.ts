import { spawn } from "node:child_process"
import { workspaceRoot } from "./tarballs.js"

/** The settings every server a test starts is given: development, SQLite, email and telemetry off. */
export const quietServerEnv = { NODE_ENV: "development", DATABASE_URL: "", SMTP_URL: "", SMTP_HOST: "", OTEL_SDK_DISABLED: "true" }

/**
 * A server started from the repository's root as a command (`npm run -s start`, `node apps/.../dist/main.js`) in a
 * process group of its own: its output so far, its URL once `listening` (a pattern whose first group is the URL)
 * matches the output, and `clearAway` to kill whatever is left of the group.
 */
export const startServer = (command: string, args: ReadonlyArray<string>, env: Record<string, string>, listening: RegExp) => {
  const child = spawn(command, args, {
    cwd: workspaceRoot,
    // Its own process group, so that the test can clear away whatever is left of it.
    detached: true,
    env: { ...process.env, ...quietServerEnv, ...env },
    stdio: ["ignore", "pipe", "pipe"]
  })
  let output = ""
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const found = listening.exec(output)?.[1]
      if (found !== undefined) resolve(found)
    }
    child.stdout.on("data", onData)
    child.stderr.on("data", onData)
    child.once("exit", (code) => reject(new Error(`${command} ${args.join(" ")} exited (${code}) before listening:\n${output}`)))
  })
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
  const clearAway = () => {
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {
      // the group is gone already
    }
  }
  return { child, url, exited, output: () => output, clearAway }
}
