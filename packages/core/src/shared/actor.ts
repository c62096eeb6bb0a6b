import { Schema } from "effect"
import { AuthorityId, PersonId } from "./ids.js"
import { Role } from "./roles.js"

/** Who is acting: a person, the authority they act for, and the roles they hold there. */
export class Actor extends Schema.Class<Actor>("Actor")({
  personId: PersonId,
  name: Schema.NonEmptyTrimmedString,
  authorityId: AuthorityId,
  roles: Schema.NonEmptyArray(Role)
}) {}

/** What an event remembers of the person who caused it: enough for the audit trail, nothing more. */
export const ActedBy = Schema.Struct({
  personId: PersonId,
  name: Schema.String,
  role: Role
})
export type ActedBy = typeof ActedBy.Type
