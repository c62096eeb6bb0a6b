import { Effect } from "effect"
import { expect, it } from "vitest"
import type { MakeNotifierHarness } from "../NotifierContractOptions.js"
import { contractChild, contractKinds, contractNotification } from "../support/fixtures.js"
import { attempt, withHarness } from "../support/harness.js"

const nameParts = contractChild.split(" ")

export const exposureSuite = (make: MakeNotifierHarness) => {
  it("keeps the child's name out of the subject, headers and URL for every kind, though the body names them", () =>
    withHarness(make, ({ notifier, receiver }) =>
      Effect.gen(function* () {
        for (const kind of contractKinds) {
          expect(yield* attempt(notifier, contractNotification(kind)), kind).toBeUndefined()
        }
        const arrivals = receiver.arrivals()
        expect(arrivals).toHaveLength(contractKinds.length)
        for (const [i, arrival] of arrivals.entries()) {
          expect(arrival.exposed.length, "the receiver reports nothing exposed").toBeGreaterThan(0)
          for (const text of arrival.exposed) {
            for (const part of nameParts) expect(text, `${contractKinds[i]}: a child's name outside the body`).not.toContain(part)
          }
        }
      })
    ))
}
