import { DateTime } from "effect"
import type { AccessRecord } from "../ports/AccessLog.js"
import type { Actor } from "../shared/actor.js"
import type { ChildId } from "../shared/ids.js"
import type { Role } from "../shared/roles.js"

/** Which of one child's fields a reader was shown: field names, never their values. */
export interface ChildRead {
  readonly childId: string
  readonly fields: ReadonlyArray<string>
}

/** Who read, in which role, when and why: what every entry of one read shares. */
export interface ReadBy {
  readonly actor: Actor
  readonly role: Role
  readonly at: DateTime.Utc
  /** What the read was for, e.g. the API operation's name or the terminal screen. */
  readonly purpose: string
}

/**
 * The access log's entries for one read (STAT-GDPR): one per child, with every field of theirs the read showed,
 * each named once and sorted; a child shown no field is not an entry.
 */
export const accessRecords = (by: ReadBy, reads: ReadonlyArray<ChildRead>): ReadonlyArray<AccessRecord> => {
  const fieldsByChild = new Map<string, Set<string>>()
  for (const read of reads) {
    const fields = fieldsByChild.get(read.childId) ?? new Set<string>()
    for (const field of read.fields) fields.add(field)
    fieldsByChild.set(read.childId, fields)
  }
  const at = DateTime.formatIso(by.at)
  return [...fieldsByChild]
    .filter(([, fields]) => fields.size > 0)
    .map(([childId, fields]) => ({
      authorityId: by.actor.authorityId,
      personId: by.actor.personId,
      role: by.role,
      at,
      childId: childId as ChildId,
      fields: [...fields].sort(),
      purpose: by.purpose
    }))
}
