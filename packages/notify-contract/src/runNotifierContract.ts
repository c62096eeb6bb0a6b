import { describe } from "vitest"
import type { MakeNotifierHarness, NotifierContractOptions } from "./NotifierContractOptions.js"
import { deliverySuite } from "./suites/delivery.js"
import { exposureSuite } from "./suites/exposure.js"
import { failureSuite } from "./suites/failures.js"
import { interruptionSuite } from "./suites/interruption.js"

/**
 * Registers the notifier contract as vitest tests under `describe(name)`. Call it at the top level of a test file.
 * `makeHarness` builds a real receiver on a loopback port and the notifier pointed at it, fresh for each test.
 *
 * ```ts
 * runNotifierContract("secure-email gateway", () => gatewayHarness(), { retryAfter: true })
 * ```
 */
export const runNotifierContract = (name: string, makeHarness: MakeNotifierHarness, options: NotifierContractOptions = {}): void => {
  describe(`${name} notifier contract`, { timeout: options.timeoutMs ?? 30_000 }, () => {
    describe("delivery", () => deliverySuite(makeHarness))
    describe("failures", () => failureSuite(makeHarness, options))
    describe("interruption", () => interruptionSuite(makeHarness))
    describe("what leaves", () => exposureSuite(makeHarness))
  })
}
