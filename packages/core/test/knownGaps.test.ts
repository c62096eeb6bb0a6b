import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { repositoryFile } from "@carepanel/core/mutation/repositoryFile"

/** The core's test files that hold a test marked as failing (`it.fails`, `it.effect.fails`): a gap not yet closed. */
const filesWithFailingTests = () =>
  (readdirSync(import.meta.dirname, { recursive: true }) as string[])
    .filter((file) => file.endsWith(".test.ts") && /\bit(\.effect)?\.fails\(/.test(readFileSync(join(import.meta.dirname, file), "utf8")))
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
})
