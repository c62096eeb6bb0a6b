import type { RunnerTestFile, RunnerTestCase } from "vitest"
import type { Reporter } from "vitest/reporters"

/**
 * Mutation runs only. A mutant that makes a module throw while it loads leaves its test files with no tests, and
 * Stryker counts a run with no failed test as survived. This reporter turns each file that failed to load into one
 * failed test, so such a mutant is killed, as it should be: the code could not even be imported.
 */
export default class LoadFailuresAsTests implements Reporter {
  onFinished(files: ReadonlyArray<RunnerTestFile> = []) {
    for (const file of files) {
      if (file.result?.state !== "fail" || file.tasks.length > 0) continue
      const failed = {
        type: "test",
        id: `${file.id}_load`,
        name: "the test file loads",
        mode: "run",
        file,
        suite: file,
        meta: {},
        context: {},
        result: { state: "fail", errors: file.result.errors ?? [{ message: "the test file failed to load" }] }
      } as unknown as RunnerTestCase
      file.tasks.push(failed)
    }
  }
}
