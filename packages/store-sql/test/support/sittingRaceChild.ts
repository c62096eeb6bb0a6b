/**
 * Child process for the race between cancelling a sitting and accepting requests onto it: opens the store the
 * environment names, as an app would, says "ready", waits for a line on stdin (the test lets each go when it wants), then
 * either cancels the sitting (`cancel <sittingId>`) or accepts each request onto it in turn
 * (`accept <sittingId> <referralId>...`), printing each outcome as a line of JSON.
 */
import { once } from "node:events"
import { EnglandAndWalesCalendar, preset, Referrals, SittingId, Sittings, type ReferralId } from "@carepanel/core"
import { SequentialIds, staffOf, staticPolicies } from "@carepanel/core/testing"
import { Effect, Layer } from "effect"
import { StoreLayerFromEnv } from "../../src/index.js"

const policy = preset("north-somerset")
const staff = staffOf(policy.authority.id)
const core = Layer.mergeAll(Referrals.Default, Sittings.Default).pipe(
  Layer.provideMerge(Layer.mergeAll(StoreLayerFromEnv, SequentialIds, staticPolicies(policy), EnglandAndWalesCalendar))
)
const [what, sitting, ...rest] = process.argv.slice(2)
const sittingId = SittingId.make(sitting!)

const program = Effect.gen(function* () {
  const [referrals, sittings] = yield* Effect.all([Referrals, Sittings])
  console.log("ready")
  yield* Effect.promise(() => once(process.stdin, "data"))
  if (what === "cancel") {
    yield* sittings.cancel(staff.administrator, sittingId, "The chair is unwell")
    console.log(JSON.stringify({ cancelled: sittingId }))
    return
  }
  for (const referralId of rest) {
    const outcome = yield* Effect.either(referrals.acceptOntoSitting(staff.administrator, referralId as ReferralId, sittingId))
    console.log(JSON.stringify({ referralId, outcome: outcome._tag === "Right" ? "accepted" : outcome.left._tag }))
  }
})

try {
  await Effect.runPromise(program.pipe(Effect.provide(core), Effect.scoped))
  process.exit(0)
} catch (error) {
  console.error(String(error))
  process.exit(1)
}
