import type { TestProject } from "vitest/node"
import { startPostgresCluster } from "../../dev/postgresCluster.js"
import { buildChildScripts } from "./buildChildScripts.js"

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test cluster's `postgres` database; tests create their own databases from it. */
    postgresAdminUrl: string
  }
}

/**
 * Bundles the child processes' scripts (test/support/childScripts.ts), then starts a real PostgreSQL server for the
 * run (never skipped: if it cannot start, every test file fails with the reason) and sets DATABASE_URL to its admin database.
 */
export default async function setup(project: TestProject) {
  const children = await buildChildScripts()
  project.provide("childScriptsDir", children.dir)
  const cluster = await startPostgresCluster().catch((error) => {
    children.remove()
    throw error
  })
  const url = cluster.url("postgres")
  process.env.DATABASE_URL = url
  project.provide("postgresAdminUrl", url)
  return () => {
    cluster.stop()
    children.remove()
  }
}
