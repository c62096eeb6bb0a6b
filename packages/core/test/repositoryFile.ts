import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"

/** The monorepo's root: the nearest folder above this one with turbo.json. */
const repositoryRoot = (from: string): string => {
  if (existsSync(join(from, "turbo.json"))) return from
  const parent = dirname(from)
  if (parent === from) throw new Error("no turbo.json above the core's tests: run them inside the Carepanel repository")
  return repositoryRoot(parent)
}

/**
 * A file of the repository (e.g. "docs/domain-guide.md"), found by walking up rather than by a fixed "../../..", so
 * the test also passes where Stryker copies the package deeper (packages/core/.stryker-tmp/sandbox-*).
 */
export const repositoryFile = (path: string): string => readFileSync(join(repositoryRoot(import.meta.dirname), path), "utf8")
