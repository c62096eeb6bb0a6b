import { spawnSync } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { startServer } from "./support/server.js"
import { workspaceRoot } from "./support/tarballs.js"

/** The commands of docs/deployment.md's "Running from a build": the build, then one `node <entry point>` an app. */
const fromABuild = () => {
  const page = readFileSync(join(workspaceRoot, "docs/deployment.md"), "utf8")
  const section = page.split("\n## Running from a build\n")[1]!.split("\n## ")[0]!
  const [build, ...starts] = /```sh\n([\s\S]*?)```/.exec(section)![1]!.trim().split("\n")
  return { build, starts: starts.map((line) => line.split(" ")) }
}

const json = async (url: string, init?: RequestInit) => {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })
  return { status: response.status, body: (await response.json()) as unknown }
}

/** SIGTERM, and how the process ended (its exit code), within 15 s. */
const stopped = async (server: ReturnType<typeof startServer>) => {
  server.child.kill("SIGTERM")
  return Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve("still running 15 s after SIGTERM"), 15_000))])
}

describe("docs/deployment.md, running from a build", () => {
  it("the API and the webhook receiver start from their compiled dist with node alone on a fresh store, answer over HTTP and stop on SIGTERM", async () => {
    const { build, starts } = fromABuild()
    // The build is turbo's, made before this package's tests (turbo.json); this test runs what it made.
    expect(build).toBe("npm install && npm run build")
    expect(starts).toEqual([
      ["node", "apps/graphql/dist/main.js"],
      ["node", "apps/webhooks/dist/main.js"]
    ])
    for (const [, entry] of starts) expect(existsSync(join(workspaceRoot, entry!)), `${entry} is missing: run npm run build first`).toBe(true)
    const store = { CAREPANEL_DATA_DIR: mkdtempSync(join(tmpdir(), "carepanel-dist-")), INIT_CWD: "", CAREPANEL_POLICIES: "" }
    // No seed: the fictional authority's weeks would take most of the time; the store is migrated all the same.
    const api = startServer(process.execPath, [starts[0]![1]!], { ...store, PORT: "0", CAREPANEL_SEED: "false" }, /^Try:\n(curl .*)$/m)
    const receiver = startServer(process.execPath, [starts[1]![1]!], { ...store, CAREPANEL_WEBHOOKS_PORT: "0" }, /at (http:\/\/[^/\s]+)\/webhooks\//)
    try {
      // The query the API's banner prints for a newcomer to paste, sent as its curl would send it.
      const curl = await api.url
      const [, url, token, body] = /^curl -s (\S+) -H "Authorization: Bearer (\S+)" -H "Content-Type: application\/json" -d '(.*)'$/.exec(curl)!
      const apiRoot = url!.replace(/\/graphql$/, "")
      const receiverRoot = await receiver.url
      for (const root of [apiRoot, receiverRoot]) {
        expect(await json(`${root}/health`)).toEqual({ status: 200, body: { status: "ok" } })
        expect(await json(`${root}/ready`)).toEqual({ status: 200, body: { ready: true, store: "reachable", migrations: "current" } })
      }
      const answer = await json(url!, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body! })
      expect(answer).toEqual({
        status: 200,
        body: {
          data: {
            viewer: { name: "Dana Whitlock (development)", roles: ["panel_administrator"], authority: { name: "Wexcombe Borough Council (fictional)" } },
            sittings: [],
            deadlines: []
          }
        }
      })
      expect([await stopped(api), await stopped(receiver)]).toEqual([0, 0])
    } finally {
      api.clearAway()
      receiver.clearAway()
    }
  }, 60_000)
})

describe("the command-line tools where tsx is not installed (npm install --omit=dev)", () => {
  it.each([["packages/store-sql", "carepanel-store"], ["apps/webhooks", "carepanel-webhooks"]])(
    "%s's bin %s runs its build, not a crash looking for tsx, beside its source",
    (folder, bin) => {
      // The package's layout, its source and its build, with no node_modules to find tsx in.
      const copy = mkdtempSync(join(tmpdir(), `carepanel-bin-${bin}-`))
      for (const dir of ["bin", "src/cli", "dist/cli"]) mkdirSync(join(copy, dir), { recursive: true })
      copyFileSync(join(workspaceRoot, folder, "bin", `${bin}.js`), join(copy, "bin", `${bin}.js`))
      writeFileSync(join(copy, "package.json"), JSON.stringify({ type: "module" }))
      writeFileSync(join(copy, "src/cli/main.ts"), "export {}\n")
      writeFileSync(join(copy, "dist/cli/main.js"), 'console.log("the build, with " + process.argv.slice(2).join(" "))\n')
      const run = spawnSync(process.execPath, [join(copy, "bin", `${bin}.js`), "verify"], { encoding: "utf8" })
      // Before: exit 1, "Cannot find package 'tsx'".
      expect([run.status, run.stdout, run.stderr]).toEqual([0, "the build, with verify\n", ""])
    }
  )
})
