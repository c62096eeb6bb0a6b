import { defineConfig } from "vitest/config"
import { BaseSequencer, type TestSpecification } from "vitest/node"

/**
 * The files that run longest, longest first (measured 2026-12-04; docs/testing.md). Without vitest's results cache,
 * as on CI's clean checkout, vitest starts the largest files first: these small files then started last, and the
 * PostgreSQL process contract ran alone at the end while the other worker sat idle.
 */
const slowest = ["pgProcessContract", "sqliteProcessContract", "pgContract", "sqliteContract", "tamperDetection", "rebuild", "accessLogKill", "cli", "dispatcherCrash", "integrity"]

const rank = (file: TestSpecification) => {
  const at = slowest.findIndex((name) => file.moduleId.endsWith(`/${name}.test.ts`))
  return at === -1 ? slowest.length : at
}

class SlowestFirst extends BaseSequencer {
  override async sort(files: Array<TestSpecification>): Promise<Array<TestSpecification>> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  resolve: { conditions: ["@carepanel/source"] },
  ssr: { resolve: { conditions: ["@carepanel/source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/postgresGlobalSetup.ts"],
    // Two test files at a time: most of the time here is spent waiting on PostgreSQL, fsync and child processes.
    maxWorkers: 2,
    // The files share nothing but the loaded modules (no mocks; each makes its own stores), so they are not isolated:
    // loading every module again for each file was 186 s of CI's CPU (18 s shared).
    isolate: false,
    sequence: { sequencer: SlowestFirst },
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
