import { describe } from "vitest"
import type { Layer } from "effect"
import type { StoreContractOptions, StorePorts } from "./StoreContractOptions.js"
import { accessLogSuite } from "./suites/accessLog.js"
import { appendAndReadSuite } from "./suites/appendAndRead.js"
import { atomicitySuite } from "./suites/atomicity.js"
import { changeFeedSuite } from "./suites/changeFeed.js"
import { commandFuzzSuite } from "./suites/commandFuzz.js"
import { fuzzRunsOf } from "./support/fuzzRuns.js"
import { concurrentCommitsSuite } from "./suites/concurrentCommits.js"
import { concurrentWritersSuite } from "./suites/concurrentWriters.js"
import { dispatcherProcessesSuite } from "./suites/dispatcherProcesses.js"
import { modelBasedSuite } from "./suites/modelBased.js"
import { multiStreamSuite } from "./suites/multiStream.js"
import { outboxSuite } from "./suites/outbox.js"
import { outboxLeaseSuite } from "./suites/outboxLease.js"
import { processesSuite } from "./suites/processes.js"
import { readModelQuerySuite } from "./suites/readModelQueries.js"
import { requestKeysSuite } from "./suites/requestKeys.js"
import { tenancySuite } from "./suites/tenancy.js"

/**
 * Registers the store contract as vitest tests under `describe(name)`. Call it at the top level of a
 * test file. `makeLayer` must give a fresh, empty store on every call; it may provide more than the ports (`I`,
 * what `commandFuzz.integrity` checks).
 *
 * ```ts
 * runStoreContract("my adapter", () => MyStoreLayer(freshDatabase()), { processes: { makeSharedStore }, accessLog: () => MyAccessLog(freshDatabase()) })
 * ```
 */
export const runStoreContract = <I = never>(
  name: string,
  makeLayer: () => Layer.Layer<StorePorts | I, unknown>,
  options: StoreContractOptions<I> = {}
): void => {
  describe(`${name} store contract`, { timeout: options.timeoutMs ?? 60_000 }, () => {
    describe("append and read", () => appendAndReadSuite(makeLayer))
    describe("read-model queries", () => readModelQuerySuite(makeLayer))
    describe("outbox", () => outboxSuite(makeLayer))
    describe("outbox leases", () => outboxLeaseSuite(makeLayer))
    describe("one transaction per commit", () => atomicitySuite(makeLayer, options.failingRows ?? []))
    describe("tenancy", () => tenancySuite(makeLayer))
    describe("optimistic concurrency", () => concurrentWritersSuite(makeLayer))
    describe("several records in one commit", () => multiStreamSuite(makeLayer))
    describe("commits that arrive together", () => concurrentCommitsSuite(makeLayer, options.concurrentCommitRuns ?? 5))
    describe("change feed", () => changeFeedSuite(makeLayer))
    describe("request keys", () => requestKeysSuite(makeLayer, options.keyedChangesRollBack ?? true))
    describe("model-based", () => modelBasedSuite(makeLayer, options.modelRuns ?? 30))
    const fuzzRuns = fuzzRunsOf(options.commandFuzz?.runs ?? 2)
    describe("concurrent commands", () => commandFuzzSuite<I>(options.commandFuzz?.store ?? makeLayer, fuzzRuns, options.commandFuzz?.integrity))
    // Registered only when given: an adapter without an access log leaves it out (the apps then need one elsewhere).
    const { accessLog } = options
    if (accessLog) describe("access log", () => accessLogSuite(accessLog))
  })
  // A store that lives inside one process (in-memory) has no crash or multi-process behaviour to test.
  if (options.processes) runStoreProcessContract(name, options.processes, options.timeoutMs)
}

/**
 * Registers only the crash and multi-process tests, under the same names as `runStoreContract` gives them. An
 * adapter may call `runStoreContract` without `processes` in one test file and this in another, so that a test
 * runner can run the two halves side by side (they are the slow half: child processes and their start-up).
 */
export const runStoreProcessContract = (
  name: string,
  processes: NonNullable<StoreContractOptions["processes"]>,
  timeoutMs?: number
): void => {
  describe(`${name} store contract`, { timeout: timeoutMs ?? 60_000 }, () => {
    describe("processes", () => processesSuite(processes.makeSharedStore))
    if (processes.dispatchers) describe("dispatcher processes", () => dispatcherProcessesSuite(processes.makeSharedStore))
  })
}
