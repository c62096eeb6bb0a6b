import { Context, type Effect } from "effect"
import type { PersistenceError } from "../shared/errors.js"
import type { AuthorityId, ChildId, PersonId } from "../shared/ids.js"
import type { Role } from "../shared/roles.js"

/**
 * One read of a child's record (STAT-GDPR: every read traceable to a person and a purpose): who, in which
 * role, when, which child, which fields. Never the values themselves.
 */
export interface AccessRecord {
  readonly authorityId: AuthorityId
  readonly personId: PersonId
  readonly role: Role
  /** ISO instant. */
  readonly at: string
  readonly childId: ChildId
  readonly fields: ReadonlyArray<string>
  /** What the read was for, e.g. the GraphQL operation name. */
  readonly purpose: string
}

export class AccessLog extends Context.Tag("@carepanel/core/AccessLog")<
  AccessLog,
  {
    readonly record: (entries: ReadonlyArray<AccessRecord>) => Effect.Effect<void, PersistenceError>
    readonly forChild: (authorityId: AuthorityId, childId: ChildId) => Effect.Effect<ReadonlyArray<AccessRecord>, PersistenceError>
  }
>() {}
