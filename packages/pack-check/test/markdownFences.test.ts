import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"
import { workspaceRoot } from "./support/tarballs.js"

/** The pages a reader opens: the README, docs/ and each package's and app's README. */
const pages = (): ReadonlyArray<string> => {
  const docs = readdirSync(join(workspaceRoot, "docs"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(workspaceRoot, "docs", name))
  const readmes = ["apps", "packages"].flatMap((folder) =>
    readdirSync(join(workspaceRoot, folder)).map((name) => join(workspaceRoot, folder, name, "README.md"))
  )
  return [join(workspaceRoot, "README.md"), ...docs, ...readmes.filter((path) => safeRead(path) !== undefined)]
}

const safeRead = (path: string): string | undefined => {
  try {
    return readFileSync(path, "utf8")
  } catch {
    return undefined
  }
}

/**
 * Every code block opens with its language and closes with a bare fence. A block left unclosed turns the rest of the
 * page inside out (prose shown as code, the next command as prose) while the fences still pair up; with a language on
 * every opening fence, such a page shows as a closing fence that names a language.
 */
const fenceProblems = (text: string): ReadonlyArray<string> => {
  const problems: Array<string> = []
  let openedAt: number | undefined
  text.split("\n").forEach((line, index) => {
    const fence = /^\s*```(.*)$/.exec(line)
    if (!fence) return
    const info = fence[1]!.trim()
    if (openedAt === undefined) {
      if (info === "") problems.push(`line ${index + 1}: a code block opens without its language`)
      openedAt = index + 1
    } else {
      if (info !== "") problems.push(`line ${index + 1}: "${line.trim()}" closes the block opened at line ${openedAt}`)
      openedAt = undefined
    }
  })
  if (openedAt !== undefined) problems.push(`line ${openedAt}: a code block is never closed`)
  return problems
}

describe("the documentation's code blocks", () => {
  it("finds a block left open, as the README's webhooks command once was", () => {
    const page = ["```sh", "npm run webhooks", "Run the terminal UI:", "", "```sh", "npm run tui", "```", ""].join("\n")
    expect(fenceProblems(page)).toEqual([`line 5: "\`\`\`sh" closes the block opened at line 1`, "line 7: a code block opens without its language",
      "line 7: a code block is never closed"
    ])
  })

  it.each(pages().map((path) => [relative(workspaceRoot, path), path]))("%s opens each block with its language and closes it", (_, path) => {
    expect(fenceProblems(readFileSync(path, "utf8"))).toEqual([])
  })
})
