import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeNotifierHarness, NotifierContractOptions } from "../NotifierContractOptions.js"
import { contractNotification } from "../support/fixtures.js"
import { attempt, expectReadableFailure, withHarness } from "../support/harness.js"

export const failureSuite = (make: MakeNotifierHarness, options: NotifierContractOptions) => {
  it("answers a temporary failure with a retryable DeliveryFailed in one readable line, trying once (the dispatcher retries)", () =>
    withHarness(make, ({ notifier, receiver }) =>
      Effect.gen(function* () {
        receiver.answerWith({ _tag: "TemporaryFailure" })
        const failure = expectReadableFailure(yield* attempt(notifier, contractNotification()))
        expect(failure.permanent, "a temporary failure must be retried").not.toBe(true)
        expect(receiver.arrivals().map((arrival) => arrival.accepted)).toEqual([false])
      })
    ))

  // Registered only for channels that can say when to come back (HTTP Retry-After); SMTP cannot.
  if (options.retryAfter === true) {
    it("passes the receiver's Retry-After on as retryAfterMs", () =>
      withHarness(make, ({ notifier, receiver }) =>
        Effect.gen(function* () {
          receiver.answerWith({ _tag: "TemporaryFailure", retryAfterSeconds: 120 })
          const failure = expectReadableFailure(yield* attempt(notifier, contractNotification()))
          expect(failure.permanent).not.toBe(true)
          expect(failure.retryAfterMs).toBeGreaterThanOrEqual(119_000)
          expect(failure.retryAfterMs).toBeLessThanOrEqual(121_000)
        })
      ))
  }

  it("answers a permanent refusal with a permanent DeliveryFailed in one readable line", () =>
    withHarness(make, ({ notifier, receiver }) =>
      Effect.gen(function* () {
        receiver.answerWith({ _tag: "PermanentFailure" })
        const failure = expectReadableFailure(yield* attempt(notifier, contractNotification()))
        expect(failure.permanent, "a refusal that can never pass goes to the dead letters at once").toBe(true)
        expect(receiver.arrivals().map((arrival) => arrival.accepted)).toEqual([false])
      })
    ))

  it("answers a receiver that is not there with a retryable DeliveryFailed in one readable line, without a stack trace", () =>
    withHarness(make, ({ unreachable }) =>
      Effect.gen(function* () {
        const failure = expectReadableFailure(yield* attempt(unreachable, contractNotification()))
        expect(failure.permanent, "an outage passes: retry it").not.toBe(true)
      })
    ))
}
