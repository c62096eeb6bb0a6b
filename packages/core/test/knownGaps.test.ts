import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

/** A test marked as failing (`it.fails`, `it.effect.fails`): a gap not yet closed. */
const marksAGap = /\bit(\.effect)?\.fails\(/

/** The core's test files, in every folder. */
const testFiles = () => (readdirSync(import.meta.dirname, { recursive: true }) as string[]).filter((file) => file.endsWith(".test.ts"))

/** The core's test files that hold a test marked as failing. */
const filesWithFailingTests = () =>
  testFiles()
    .filter((file) => marksAGap.test(readFileSync(join(import.meta.dirname, file), "utf8")))
    .map((file) => `packages/core/test/${file}`)
    .sort()

/** The test files docs/domain-guide.md's "Known gaps" lists, one bullet each. */
const filesNamedAsGaps = () => {
  const guide = repositoryFile("docs/domain-guide.md")
  const start = guide.indexOf("\n## Known gaps")
  const next = guide.indexOf("\n## ", start + 1)
  const section = guide.slice(start, next === -1 ? undefined : next)
  return [...section.matchAll(/^- `(packages\/core\/test\/[^`]+\.test\.ts)`/gm)].map((match) => match[1]!).sort()
}

describe("docs/domain-guide.md: the known gaps", () => {
  it("names every test left failing for a gap not yet closed, and no other", () => {
    expect(repositoryFile("docs/domain-guide.md")).toContain("\n## Known gaps")
    expect(filesNamedAsGaps()).toEqual(filesWithFailingTests())
  })

  // With no gap open both lists are empty: this says the search would still find one, in any folder.
  it("finds a test marked as failing in any folder, and only such a test", () => {
    expect(testFiles()).toContain(join("decision", "tripartiteCaseForAChildNotDisabled.test.ts"))
    expect(["it.fails", "it.effect.fails", "it.effect", "it"].map((call) => marksAGap.test(`  ${call}("a gap", () =>`))).toEqual([true, true, false, false])
  })
})
