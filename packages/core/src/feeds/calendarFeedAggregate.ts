import { Effect, Schema } from "effect"
import type { AuthorityContext } from "../shared/authorityContext.js"
import { actedBy } from "../shared/authorise.js"
import { type Aggregate, eventCodec } from "../shared/commandRunner.js"
import type { Decider } from "../shared/decider.js"
import { CalendarFeed, type CalendarFeedCommand, CalendarFeedEvent, type CalendarFeedState, NoCalendarFeed } from "./CalendarFeed.js"

export const calendarFeedStreamType = "calendar-feed"
export const calendarFeedCollection = "calendarFeeds"

const evolve = (state: CalendarFeedState, event: CalendarFeedEvent): CalendarFeedState => {
  if (event._tag === "CalendarFeedRevoked") {
    if (state === undefined) return state
    const { secretHash: _secret, ...rest } = state
    return { ...rest, revokedAt: event.at }
  }
  // Issuing while a secret is live replaces it: a rotation. Issuing after a revocation starts afresh.
  const rotations = state === undefined ? 0 : state.secretHash === undefined ? state.rotations : state.rotations + 1
  return {
    personId: event.by.personId,
    name: event.by.name,
    roles: event.roles,
    identityGranted: event.identityGranted,
    secretHash: event.secretHash,
    issuedAt: event.at,
    rotations
  }
}

const decider: Decider<CalendarFeedCommand, CalendarFeedEvent, CalendarFeedState, NoCalendarFeed, AuthorityContext> = {
  initialState: undefined,
  evolve,
  decide: (command, state) => {
    const audit = { by: actedBy(command.by), at: command.at }
    if (command._tag === "IssueCalendarFeed") {
      return Effect.succeed([
        { _tag: "CalendarFeedIssued", roles: command.by.actor.roles, identityGranted: command.identityGranted, secretHash: command.secretHash, ...audit }
      ])
    }
    return state?.secretHash === undefined
      ? Effect.fail(new NoCalendarFeed({ message: "You have no calendar feed to revoke." }))
      : Effect.succeed([{ _tag: "CalendarFeedRevoked", ...audit }])
  }
}

/** One stream per person (`authority/calendar-feed/personId`); the read model is found by the secret's hash. */
export const calendarFeedAggregate: Aggregate<CalendarFeedCommand, CalendarFeedEvent, CalendarFeedState, NoCalendarFeed, AuthorityContext> = {
  streamType: calendarFeedStreamType,
  decider,
  events: eventCodec(CalendarFeedEvent),
  readModels: (state, stream) =>
    state === undefined
      ? []
      : [
          {
            collection: calendarFeedCollection,
            authorityId: stream.authorityId,
            id: stream.id,
            index: { secretHash: state.secretHash ?? null },
            doc: Schema.encodeSync(CalendarFeed)(state)
          }
        ]
}
