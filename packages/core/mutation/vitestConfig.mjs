// The vitest options every package's mutation run shares (`vitest.mutation.config.ts`): fresh modules for each mutant
// (everyday suites may share loaded modules), a fixed fast-check seed, and a test file that fails to load counted as a
// failure. Plain JavaScript: vitest loads a config's workspace imports with Node itself, which cannot read TypeScript.
// MUTATION_TESTS (comma-separated globs, e.g. "test/config*.test.ts") narrows a run to those tests: a module-level mutant
// re-runs every test, which a busy machine cannot afford. A mutant only other tests kill then counts as survived, so a
// narrowed score is a lower bound.
const narrowedTo = process.env.MUTATION_TESTS?.split(",").filter((glob) => glob !== "")

/** @param {ReadonlyArray<string>} exclude the tests that cannot run in Stryker's sandbox (a copy of the package alone) */
export const mutationTestOptions = (exclude) => ({
  ...(narrowedTo === undefined || narrowedTo.length === 0 ? {} : { include: narrowedTo }),
  isolate: true,
  setupFiles: ["@carepanel/core/mutation/fixedSeed"],
  reporters: ["default", "@carepanel/core/mutation/loadFailures"],
  exclude: [...exclude, "**/node_modules/**", "**/.stryker-tmp/**"]
})
