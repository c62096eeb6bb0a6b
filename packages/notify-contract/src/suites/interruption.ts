import { Duration, Effect, Fiber } from "effect"
import { expect, it } from "vitest"
import type { MakeNotifierHarness } from "../NotifierContractOptions.js"
import { contractNotification } from "../support/fixtures.js"
import { attempt, waitUntil, withHarness } from "../support/harness.js"

export const interruptionSuite = (make: MakeNotifierHarness) => {
  it("stops when interrupted: lets go of the receiver at once, is not delivered, and sends again afterwards", () =>
    withHarness(make, ({ notifier, receiver }) =>
      Effect.gen(function* () {
        receiver.answerWith({ _tag: "Hang" })
        const notification = contractNotification()
        const delivery = yield* Effect.fork(notifier.deliver(notification))
        yield* waitUntil("the receiver to hold the request", () => receiver.held() === 1)
        expect(delivery.unsafePoll(), "the delivery finished before the receiver answered").toBeNull()
        // The dispatcher's time limit and a shutdown both interrupt the delivery.
        yield* Fiber.interrupt(delivery).pipe(
          Effect.timeoutFail({ duration: Duration.seconds(2), onTimeout: () => new Error("interrupting the delivery took over 2 s") }),
          Effect.orDie
        )
        yield* waitUntil("the notifier to close the request it was interrupted in", () => receiver.held() === 0)
        expect(receiver.arrivals().filter((arrival) => arrival.accepted)).toEqual([])
        receiver.answerWith({ _tag: "Accept" })
        expect(yield* attempt(notifier, notification)).toBeUndefined()
      })
    ))
}
