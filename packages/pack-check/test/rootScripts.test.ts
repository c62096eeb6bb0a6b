import { spawn } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { workspaceRoot } from "./support/tarballs.js"

/**
 * `npm start` and `npm run webhooks` as docs/deployment.md runs them, under a service manager that stops a service by
 * sending SIGTERM to the process it started: npm. The server must stop too, not keep its port and its dispatcher.
 */
const startScript = (script: string, env: Record<string, string>, listening: RegExp) => {
  const child = spawn("npm", ["run", "-s", script], {
    cwd: workspaceRoot,
    // Its own process group, so that the test can clear away whatever is left of it.
    detached: true,
    env: { ...process.env, NODE_ENV: "development", DATABASE_URL: "", SMTP_URL: "", SMTP_HOST: "", OTEL_SDK_DISABLED: "true", ...env },
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
    child.once("exit", (code) => reject(new Error(`npm run ${script} exited (${code}) before listening:\n${output}`)))
  })
  const clearAway = () => {
    try {
      process.kill(-child.pid!, "SIGKILL")
    } catch {
      // the group is gone already
    }
  }
  return { child, url, clearAway }
}

const answers = async (url: string) => {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })).ok
  } catch {
    return false
  }
}

const stillAnswersAfter = async (url: string, ms: number) => {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (!(await answers(url))) return false
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return true
}

describe("the root scripts that run a server", () => {
  it.each([
    ["webhooks", { CAREPANEL_WEBHOOKS_PORT: "0" }, /at (http:\/\/[^/\s]+)\/webhooks\//],
    ["start", { PORT: "0", CAREPANEL_SEED: "false", CAREPANEL_POLICIES: "" }, /^Carepanel API for .* at (\S+)\/graphql$/m]
  ] as const)("npm run %s: SIGTERM to npm stops the server", async (script, env, listening) => {
    const started = startScript(script, { CAREPANEL_DATA_DIR: mkdtempSync(join(tmpdir(), `carepanel-npm-${script}-`)), ...env }, listening)
    try {
      const url = await started.url
      expect(await answers(url)).toBe(true)
      started.child.kill("SIGTERM")
      expect(await stillAnswersAfter(url, 10_000), `npm run ${script} still answers 10 s after npm was sent SIGTERM`).toBe(false)
    } finally {
      started.clearAway()
    }
  }, 150_000)
})
