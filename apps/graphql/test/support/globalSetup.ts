import { fileURLToPath } from "node:url"
import { stop } from "esbuild"
import type { TestProject } from "vitest/node"
import { bundleEntries } from "../../../../packages/store-sql/dev/bundleEntries.js"

const cacheDir = fileURLToPath(new URL("../../node_modules/.cache/graphql-test-processes", import.meta.url))

/** Bundles the API's main job and its dev-token script (test/support/bundledProcesses.ts says which tests run them). */
export const buildApiBundles = () =>
  bundleEntries(cacheDir, {
    main: fileURLToPath(new URL("../../src/main.ts", import.meta.url)),
    devToken: fileURLToPath(new URL("../../scripts/devToken.ts", import.meta.url))
  })

/** Bundles them once for the run; removes them at its end. */
export default async function setup(project: TestProject) {
  const bundles = await buildApiBundles()
  // esbuild's service process would idle until the run ends; stopped, its CPU is counted with the run's
  await stop()
  project.provide("apiBundlesDir", bundles.dir)
  return bundles.remove
}
