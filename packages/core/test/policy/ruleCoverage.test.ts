import { readdirSync, readFileSync, statSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "@effect/vitest"
import { ruleCatalogue } from "../../src/policy/rules.js"

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })

const root = join(import.meta.dirname, "../..")
/** Tests anywhere in the repository count: a rule cited in core may be exercised through an app (STAT-GDPR). */
const repository = join(root, "../..")
const testDirs = ["packages", "apps"].flatMap((group) => {
  const dir = join(repository, group)
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory()
    ? readdirSync(dir).map((name) => join(dir, name, "test")).filter((path) => statSync(path, { throwIfNoEntry: false })?.isDirectory())
    : []
})
const ids = Object.keys(ruleCatalogue)
const idPattern = new RegExp(`\\b(${ids.map((id) => id.replace(/-/g, "\\-")).join("|")})\\b`, "g")

const source = filesUnder(join(root, "src"))
  .filter((path) => path.endsWith(".ts") && !path.endsWith("rules.ts"))
  .map((path) => readFileSync(path, "utf8"))
  .join("\n")
const testNames = testDirs
  .flatMap(filesUnder)
  .filter((path) => path.endsWith(".test.ts"))
  .flatMap((path) => [...readFileSync(path, "utf8").matchAll(/\b(?:it|test)(?:\.\w+)*(?:\([^)]*\))?\(\s*(?:"([^"]+)"|'([^']+)'|`([^`]+)`)/g)])
  .map((match) => match[1] ?? match[2] ?? match[3]!)
  .join("\n")

describe("rule catalogue coverage", () => {
  it("every rule id core cites appears in at least one test name in the repository", () => {
    const implemented = [...new Set([...source.matchAll(idPattern)].map((match) => match[1]!))]
    const untested = implemented.filter((id) => !new RegExp(`\\b${id}\\b`).test(testNames))
    expect(untested).toEqual([])
  })
})
