import { AccessLog, type Actor, type ChildId } from "@carepanel/core"
import { Effect } from "effect"

/**
 * Writes one read of children's records to the access log, as the API does after an operation: who, in which
 * role, when, which child, which fields (never the values), and the screen it was for. The one place the TUI
 * records reads itself; when the core's use cases record their own reads, the screens' calls here go.
 */
export const recordRead = (actor: Actor, childIds: ReadonlyArray<string>, fields: ReadonlyArray<string>, purpose: string) =>
  Effect.flatMap(AccessLog, (log) =>
    log.record(
      [...new Set(childIds)].map((childId) => ({
        authorityId: actor.authorityId,
        personId: actor.personId,
        role: actor.roles[0],
        at: new Date().toISOString(),
        childId: childId as ChildId,
        fields: [...fields].sort(),
        purpose
      }))
    )
  ).pipe(Effect.when(() => childIds.length > 0), Effect.asVoid)
