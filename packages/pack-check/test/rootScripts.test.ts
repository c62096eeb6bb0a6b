import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { startServer } from "./support/server.js"

/**
 * `npm start` and `npm run webhooks` as docs/deployment.md runs them, under a service manager that stops a service by
 * sending SIGTERM to the process it started: npm. The server must stop too, not keep its port and its dispatcher.
 */
const startScript = (script: string, env: Record<string, string>, listening: RegExp) => startServer("npm", ["run", "-s", script], env, listening)

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
