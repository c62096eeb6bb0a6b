import { type Actor, authorise, londonDateOf, readAll, readWhere, Referral, referralCollection, referralReaders, Sittings } from "@carepanel/core"
import { DateTime, Effect } from "effect"

/** The statuses the Requests screen works on, in the order it lists them. */
const workingStatuses: ReadonlyArray<Referral["status"]> = ["awaiting_approval", "ready", "accepted"]

/** The authority's requests, as the API's `referrals` query reads them (authorised, from the read model). */
export const listRequests = (actor: Actor) =>
  authorise(actor, referralReaders).pipe(Effect.zipRight(readAll(referralCollection, Referral, actor.authorityId)))

/** The requests the Requests screen works on, by status in `workingStatuses`' order, read through the status index. */
export const listWorkingRequests = (actor: Actor) =>
  authorise(actor, referralReaders).pipe(
    Effect.zipRight(Effect.forEach(workingStatuses, (status) => readWhere(referralCollection, Referral, actor.authorityId, { status }))),
    Effect.map((byStatus) => byStatus.flat())
  )

/** Sittings from today on, soonest first: where a request can be accepted or let on late. */
export const upcomingSittings = (actor: Actor) =>
  Effect.gen(function* () {
    const today = londonDateOf(yield* DateTime.now)
    return yield* Effect.flatMap(Sittings, (use) => use.list(actor, { from: today }))
  })
