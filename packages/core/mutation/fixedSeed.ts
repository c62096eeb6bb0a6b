import fc from "fast-check"

// Mutation runs only (vitest.mutation.config.ts). Property tests name themselves "(with seed=N)"; a random seed would give
// each run different test names, so Stryker's per-test coverage would match no test and report mutants as uncovered.
fc.configureGlobal({ seed: 20_261_202 })
