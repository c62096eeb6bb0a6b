import { type Actor, authorise, londonDateOf, ReadModels, Referral, referralCollection, referralReaders, Sittings } from "@carepanel/core"
import { DateTime, Effect, Schema } from "effect"

/** The statuses the Requests screen works on, in the order it lists them. */
export const workingStatuses: ReadonlyArray<Referral["status"]> = ["awaiting_approval", "ready", "accepted"]

/** The authority's requests, as the API's `referrals` query reads them (authorised, from the read model). */
export const listRequests = (actor: Actor) =>
  Effect.gen(function* () {
    yield* authorise(actor, referralReaders)
    const readModels = yield* ReadModels
    const rows = yield* readModels.query({ collection: referralCollection, authorityId: actor.authorityId })
    return yield* Effect.forEach(rows, (row) => Schema.decodeUnknown(Referral)(row.doc).pipe(Effect.orDie))
  })

/** Sittings from today on, soonest first: where a request can be accepted or let on late. */
export const upcomingSittings = (actor: Actor) =>
  Effect.gen(function* () {
    const today = londonDateOf(yield* DateTime.now)
    return yield* Effect.flatMap(Sittings, (use) => use.list(actor, { from: today }))
  })
