import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { workspaceRoot } from "./support/tarballs.js"

/** The apps' READMEs, which an IT team follows to run each app: the files they name and how they say it starts. */
const apps = ["graphql", "webhooks", "tui"]
const readmeOf = (app: string) => readFileSync(join(workspaceRoot, "apps", app, "README.md"), "utf8")
const rootScripts: Readonly<Record<string, string>> = JSON.parse(readFileSync(join(workspaceRoot, "package.json"), "utf8")).scripts

/** A path in backticks with a folder and a file's extension (`src/start.ts`, `packages/demo/policies/wexcombe.yaml`). */
const namedFiles = (text: string) => [...text.matchAll(/`([\w.-]+\/[\w./-]+\.(?:ts|tsx|yaml|json|sql|mjs|js|md))`/g)].map((match) => match[1]!)

describe("the apps' READMEs", () => {
  it.each(apps)("apps/%s/README.md names only files there are, from the app or from the repository's root", (app) => {
    const missing = namedFiles(readmeOf(app)).filter(
      (path) => !path.startsWith("/") && !existsSync(join(workspaceRoot, "apps", app, path)) && !existsSync(join(workspaceRoot, path))
    )
    expect(missing).toEqual([])
  })

  it.each([
    ["graphql", "start"],
    ["tui", "tui"]
  ])("apps/%s/README.md does not say `npm run %s` builds first, when the root script runs it from source", (app, script) => {
    const runsFromSource = /--import tsx|\bdev\b/.test(rootScripts[script] ?? "")
    expect(runsFromSource, `the root script ${script}`).toBe(true)
    expect(readmeOf(app)).not.toMatch(/builds this package and what it depends on/)
  })
})
