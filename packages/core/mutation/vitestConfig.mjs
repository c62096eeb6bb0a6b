// The vitest options every package's mutation run shares (`vitest.mutation.config.ts`): fresh modules for each mutant
// (everyday suites may share loaded modules), a fixed fast-check seed, and a test file that fails to load counted as a
// failure. Plain JavaScript: vitest loads a config's workspace imports with Node itself, which cannot read TypeScript.
import { mergeConfig } from "vitest/config"

/** @param {ReadonlyArray<string>} exclude the tests that cannot run in Stryker's sandbox (a copy of the package alone) */
export const mutationTestOptions = (exclude) => ({
  isolate: true,
  setupFiles: ["@carepanel/core/mutation/fixedSeed"],
  reporters: ["default", "@carepanel/core/mutation/loadFailures"],
  exclude: [...exclude, "**/node_modules/**", "**/.stryker-tmp/**"]
})

/**
 * The package's everyday vitest config with `mutationTestOptions(exclude)`. MUTATION_TESTS (comma-separated globs, e.g.
 * `test/deadlines/**,test/referral/**`) narrows the run to those tests: a module-level mutant re-runs every test that
 * runs, which a busy machine cannot afford. A mutant that only other tests kill then counts as survived, so a narrowed
 * score is a lower bound. (Set after merging: a merge would add the globs to the everyday `include`.)
 * @template {import("vitest/config").UserConfig} C
 * @param {C} base
 * @param {ReadonlyArray<string>} exclude
 */
export const mutationTestConfig = (base, exclude) => {
  const merged = mergeConfig(base, { test: mutationTestOptions(exclude) })
  const narrowedTo = (process.env.MUTATION_TESTS ?? "").split(",").filter((glob) => glob !== "")
  return narrowedTo.length === 0 ? merged : { ...merged, test: { ...merged.test, include: narrowedTo } }
}
