import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeNotifierHarness } from "../NotifierContractOptions.js"
import { contractNotification } from "../support/fixtures.js"
import { attempt, expectReadableFailure, withHarness } from "../support/harness.js"

export const deliverySuite = (make: MakeNotifierHarness) => {
  it("succeeds only once the receiver has the message, keyed by the notification id", () =>
    withHarness(make, ({ notifier, receiver }) =>
      Effect.gen(function* () {
        const notification = contractNotification()
        expect(yield* attempt(notifier, notification)).toBeUndefined()
        expect(receiver.arrivals()).toEqual([expect.objectContaining({ key: notification.id, accepted: true })])
        // An id with the characters core's ids may hold still arrives as itself.
        const odd = contractNotification("sitting.agenda_published", { id: "sit_7/agenda 2027-06-01T08:00:00.000Z:panel_member" })
        expect(yield* attempt(notifier, odd)).toBeUndefined()
        expect(receiver.arrivals()[1]).toMatchObject({ key: odd.id, accepted: true })
      })
    ))

  it("sends the same idempotency key on every attempt, so the receiver recognises a resend", () =>
    withHarness(make, ({ notifier, receiver }) =>
      Effect.gen(function* () {
        const notification = contractNotification("decision.final")
        receiver.answerWith({ _tag: "TemporaryFailure" })
        expectReadableFailure(yield* attempt(notifier, notification))
        receiver.answerWith({ _tag: "Accept" })
        // Delivered, then delivered again: what an at-least-once dispatcher does after a crash.
        expect(yield* attempt(notifier, notification)).toBeUndefined()
        expect(yield* attempt(notifier, notification)).toBeUndefined()
        const other = contractNotification("decision.final")
        expect(yield* attempt(notifier, other)).toBeUndefined()
        expect(receiver.arrivals().map((arrival) => [arrival.key, arrival.accepted])).toEqual([
          [notification.id, false],
          [notification.id, true],
          [notification.id, true],
          [other.id, true]
        ])
      })
    ))
}
