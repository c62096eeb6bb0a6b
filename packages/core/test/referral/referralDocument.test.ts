import { readFileSync } from "node:fs"
import { describe, expect, it } from "@effect/vitest"
import { Effect, Schema } from "effect"
import { Referral } from "../../src/referral/Referral.js"
import { referralAggregate, referralDocument } from "../../src/referral/referralAggregate.js"
import { fixturePath } from "../events/eventTypes.js"

/** A request's life in stored events: each state along it, and the same state's document written twice. */
const life = ["DraftCreated", "DocumentRecorded", "DraftEdited", "DocumentRecorded", "ReferralSubmitted", "ReturnedForChanges", "ReferralSubmitted", "ReferralApproved", "LatePermissionGranted", "AcceptedOntoSitting", "DocumentRecorded", "ReferralHeard", "HearingRevised", "ReferralWithdrawn"]

describe("the referrals read model's document", () => {
  it.effect("is the request encoded whole, at every step of its life, though the form and documents are encoded once", () =>
    Effect.gen(function* () {
      let state = referralAggregate.decider.initialState
      let compared = 0
      for (const type of life) {
        const stored = JSON.parse(readFileSync(fixturePath("referral", type), "utf8")) as { data: unknown }
        state = referralAggregate.decider.evolve(state, yield* referralAggregate.events.decode(stored.data))
        if (state === undefined) continue
        const whole = Schema.encodeSync(Referral)(state)
        expect(referralDocument(state)).toEqual(whole)
        expect(referralDocument(state)).toEqual(whole)
        compared++
      }
      expect(compared).toBe(life.length)
    })
  )
})
