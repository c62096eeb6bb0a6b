import { DateTime, Effect, Schema } from "effect"
import { AccessLog } from "../ports/AccessLog.js"
import type { Actor } from "../shared/actor.js"
import { invalidInput } from "../shared/inputProblems.js"
import { accessRecords, type ChildRead } from "./ChildRead.js"

/** An entry must say why and name each child and field: a blank one could not be traced to a purpose or a record. */
const Named = Schema.Struct({
  purpose: Schema.NonEmptyTrimmedString,
  reads: Schema.Array(Schema.Struct({ childId: Schema.NonEmptyTrimmedString, fields: Schema.Array(Schema.NonEmptyTrimmedString) }))
})

/** One read a user was shown: who, why, and which fields of which children. */
export interface ShownRead {
  readonly actor: Actor
  /** What the read was for, e.g. the API operation's name or the terminal screen. */
  readonly purpose: string
  readonly reads: ReadonlyArray<ChildRead>
}

/**
 * The one way an app records that a person was shown children's personal fields (STAT-GDPR): the app says which
 * fields it showed (only it knows what a client selected or a screen displays), the core writes one entry per child
 * for the read, in the actor's first role, at the core's clock, never with the values. A read that showed no
 * child's field writes nothing; a blank purpose, child id or field name is refused (InvalidInput) and writes nothing;
 * a failure to write fails the effect. Either way the caller withholds what it read.
 */
export class ChildReads extends Effect.Service<ChildReads>()("@carepanel/core/ChildReads", {
  effect: Effect.gen(function* () {
    const log = yield* AccessLog
    return {
      record: (shown: ShownRead) =>
        Effect.gen(function* () {
          const named = yield* Schema.decodeUnknown(Named, { errors: "all" })({ purpose: shown.purpose, reads: shown.reads }).pipe(Effect.mapError((error) => invalidInput(error)))
          const by = { actor: shown.actor, role: shown.actor.roles[0], at: yield* DateTime.now, purpose: named.purpose }
          const entries = accessRecords(by, named.reads)
          if (entries.length > 0) yield* log.record(entries)
        })
    }
  })
}) {}
