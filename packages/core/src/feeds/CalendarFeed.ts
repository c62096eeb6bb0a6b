import { type DateTime, Schema } from "effect"
import { ActedBy } from "../shared/actor.js"
import type { Authorised } from "../shared/authorise.js"
import { PersonId } from "../shared/ids.js"
import { Role } from "../shared/roles.js"

/**
 * A person's calendar subscription: a secret feed URL their calendar app polls without a token. Only the secret's
 * SHA-256 is kept; issuing again rotates it (the old URL stops working), revoking ends it. The feed reads as the
 * person in the roles they held when it was last issued.
 */
export const CalendarFeed = Schema.Struct({
  personId: PersonId,
  name: Schema.String,
  roles: Schema.NonEmptyArray(Role),
  /** The person's token could read children's identities although their only role is integrator. */
  identityGranted: Schema.Boolean,
  /** Absent once revoked. */
  secretHash: Schema.optional(Schema.String),
  issuedAt: Schema.DateTimeUtc,
  /** How many times the secret has been replaced. */
  rotations: Schema.Int,
  revokedAt: Schema.optional(Schema.DateTimeUtc)
})
export type CalendarFeed = typeof CalendarFeed.Type
export type CalendarFeedState = CalendarFeed | undefined

const audit = { by: ActedBy, at: Schema.DateTimeUtc }
export const CalendarFeedIssued = Schema.TaggedStruct("CalendarFeedIssued", {
  roles: Schema.NonEmptyArray(Role),
  identityGranted: Schema.Boolean,
  secretHash: Schema.String,
  ...audit
})
export const CalendarFeedRevoked = Schema.TaggedStruct("CalendarFeedRevoked", { ...audit })
export const CalendarFeedEvent = Schema.Union(CalendarFeedIssued, CalendarFeedRevoked)
export type CalendarFeedEvent = typeof CalendarFeedEvent.Type

export type CalendarFeedCommand =
  | { readonly _tag: "IssueCalendarFeed"; readonly secretHash: string; readonly identityGranted: boolean; readonly by: Authorised; readonly at: DateTime.Utc }
  | { readonly _tag: "RevokeCalendarFeed"; readonly by: Authorised; readonly at: DateTime.Utc }

export class NoCalendarFeed extends Schema.TaggedError<NoCalendarFeed>()("NoCalendarFeed", { message: Schema.String }) {}
