import type { DeliveryFailed, Notification, Notifier } from "@carepanel/core"
import { Cause, Duration, Effect, Exit, Option, Schedule } from "effect"
import { expect } from "vitest"
import type { MakeNotifierHarness, NotifierHarness } from "../NotifierContractOptions.js"

/** Runs one test against a fresh harness, and closes its receiver afterwards. */
export const withHarness = (make: MakeNotifierHarness, test: (harness: NotifierHarness) => Effect.Effect<void, unknown>): Promise<void> =>
  Effect.runPromise(Effect.scoped(Effect.flatMap(make(), test)))

/**
 * One delivery: undefined when delivered, else its `DeliveryFailed`. A notifier that dies or is interrupted instead
 * fails the test: the dispatcher would record that as "failed unexpectedly", with no way to tell retryable from not.
 */
export const attempt = (notifier: Notifier["Type"], notification: Notification) =>
  Effect.flatMap(Effect.exit(notifier.deliver(notification)), (exit) => {
    if (Exit.isSuccess(exit)) return Effect.succeed(undefined)
    const failure = Cause.failureOption(exit.cause)
    if (Option.isNone(failure)) {
      return Effect.dieMessage(`deliver must fail with DeliveryFailed, not die or stop: ${Cause.pretty(exit.cause)}`)
    }
    return Effect.succeed(failure.value)
  })

const stackLine = /\bat\s+\S+\s+\(|\bat\s+\S+:\d+:\d+|\.[cm]?[jt]sx?:\d+/

/** The delivery failed, with a `DeliveryFailed` whose message is one readable line for an operator. */
export const expectReadableFailure = (failure: DeliveryFailed | undefined): DeliveryFailed => {
  expect(failure, "the delivery should have failed").toBeDefined()
  const { _tag, message } = failure as DeliveryFailed
  expect(_tag).toBe("DeliveryFailed")
  expect(message.trim(), "the failure has no message").not.toBe("")
  expect(message, "the failure message is more than one line").not.toMatch(/[\r\n]/)
  expect(message, "the failure message holds a stack trace").not.toMatch(stackLine)
  expect(message, "the failure message shows an unprinted value").not.toMatch(/\[object \w+\]|\bundefined\b|\bnull\b/)
  expect(message.length, "the failure message is too long to read").toBeLessThanOrEqual(500)
  return failure as DeliveryFailed
}

/** Waits until `ready()` holds, checking every 10 ms, or fails saying what it waited for. */
export const waitUntil = (what: string, ready: () => boolean, within = Duration.seconds(5)) =>
  Effect.suspend(() => (ready() ? Effect.void : Effect.fail("not yet"))).pipe(
    Effect.retry({ schedule: Schedule.spaced(Duration.millis(10)) }),
    Effect.timeoutFail({ duration: within, onTimeout: () => new Error(`waited ${Duration.format(within)} for ${what}`) }),
    Effect.orDie
  )
