import { existsSync, readFileSync } from "node:fs"
import { dirname, join } from "node:path"

/** The monorepo's root: the nearest folder above this one with turbo.json. */
const repositoryRoot = (from: string): string => {
  if (existsSync(join(from, "turbo.json"))) return from
  const parent = dirname(from)
  if (parent === from) throw new Error("no turbo.json above @carepanel/core: run the tests inside the Carepanel repository")
  return repositoryRoot(parent)
}

/**
 * A file of the repository (e.g. "docs/api.md") for a test of any package: found from this module, which stays in the
 * repository, so the test also passes in Stryker's copy of a package (packages/<name>/.stryker-tmp/sandbox-*), where
 * a fixed "../../../docs" from the test file points nowhere.
 */
export const repositoryFile = (path: string): string => readFileSync(join(repositoryRoot(import.meta.dirname), path), "utf8")
