// The StrykerJS options every package's stryker.config.mjs shares (`npm run mutation -- <package> <folder>`, see
// docs/testing.md); a package passes what differs (e.g. its timeout).
/** @param {import("@stryker-mutator/api/core").PartialStrykerOptions} options */
export const strykerConfig = (options = {}) => ({
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  mutate: ["src/**/*.ts", "!src/**/index.ts"],
  // Only Stryker's own folders: a bare "reports" would also hide the core's src/reports.
  ignorePatterns: ["/reports/mutation", "/.stryker-tmp", "/dist"],
  checkers: [],
  concurrency: 2,
  timeoutMS: 10_000,
  // The first, whole-suite run with per-test coverage takes about 30 s on an idle machine and over 5 minutes (Stryker's
  // default limit) on a shared, busy one.
  dryRunTimeoutMinutes: 20,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  ...options
})
