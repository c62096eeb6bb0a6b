import { fileURLToPath } from "node:url"
import { stop } from "esbuild"
import type { TestProject } from "vitest/node"
import { bundleEntries } from "../../../../packages/store-sql/dev/bundleEntries.js"
import { buildApiBundles } from "../../../graphql/test/support/globalSetup.js"

const cacheDir = fileURLToPath(new URL("../../node_modules/.cache/webhooks-test-processes", import.meta.url))

/**
 * Bundles the receiver's main (test/support/bundledProcesses.ts), with the GraphQL app's bundler, and the API's (for
 * apiToReceiver.test.ts, which starts the API with the GraphQL app's `startMain`) once for the run; removes them at its end.
 */
export default async function setup(project: TestProject) {
  const [receiver, api] = await Promise.all([bundleEntries(cacheDir, { main: fileURLToPath(new URL("../../src/main.ts", import.meta.url)) }), buildApiBundles()])
  // esbuild's service process would idle until the run ends; stopped, its CPU is counted with the run's
  await stop()
  project.provide("receiverBundleDir", receiver.dir)
  project.provide("apiBundlesDir", api.dir)
  return () => {
    receiver.remove()
    api.remove()
  }
}
