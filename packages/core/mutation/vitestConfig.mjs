// The vitest options every package's mutation run shares (`vitest.mutation.config.ts`): fresh modules for each mutant
// (everyday suites may share loaded modules), a fixed fast-check seed, and a test file that fails to load counted as a
// failure. Plain JavaScript: vitest loads a config's workspace imports with Node itself, which cannot read TypeScript.
/** @param {ReadonlyArray<string>} exclude the tests that cannot run in Stryker's sandbox (a copy of the package alone) */
export const mutationTestOptions = (exclude) => ({
  isolate: true,
  setupFiles: ["@carepanel/core/mutation/fixedSeed"],
  reporters: ["default", "@carepanel/core/mutation/loadFailures"],
  exclude: [...exclude, "**/node_modules/**", "**/.stryker-tmp/**"]
})
