import { Schema } from "effect"
import { AuthorityId, PersonId } from "./ids.js"
import { Role } from "./roles.js"

/** A person acting through a case system's delivery to the webhook receiver: which source sent it, and its `webhook-id`. */
export const Via = Schema.Struct({ sourceId: Schema.String, deliveryId: Schema.String })
export type Via = typeof Via.Type

/** Who is acting: a person, the authority they act for, and the roles they hold there (and the delivery they act through). */
export class Actor extends Schema.Class<Actor>("Actor")({
  personId: PersonId,
  name: Schema.NonEmptyTrimmedString,
  authorityId: AuthorityId,
  roles: Schema.NonEmptyArray(Role),
  via: Schema.optional(Via)
}) {}

/** What an event remembers of the person who caused it: enough for the audit trail, nothing more. */
export const ActedBy = Schema.Struct({
  personId: PersonId,
  name: Schema.String,
  role: Role,
  via: Schema.optional(Via)
})
export type ActedBy = typeof ActedBy.Type
