import { ChildId, PersonId, Role } from "@carepanel/core"
import { Schema } from "effect"

/** The case system's own id for a record (its form id, its episode id): how later deliveries name the record. */
export const SourceReference = Schema.String.pipe(
  Schema.pattern(/^[\x21-\x7e]{1,128}$/, { message: () => "must be 1 to 128 printable characters without spaces" })
)

/** The staff member the delivery acts for, and the role they act in (one of the source's roles). */
export const ActingStaff = Schema.Struct({
  personId: PersonId,
  name: Schema.NonEmptyTrimmedString,
  role: Role
}).annotations({ description: "The staff member on whose behalf the case system acts, and their role" })
export type ActingStaff = typeof ActingStaff.Type

/** Every inbound event: its type, when the case system recorded it, and its data. */
export const envelope = <T extends string, D extends Schema.Struct.Fields>(type: T, data: D, description: string) =>
  Schema.Struct({
    type: Schema.Literal(type),
    /** When the case system recorded it (informational; the receiver's clock stamps the records). */
    timestamp: Schema.optional(Schema.String),
    data: Schema.Struct({ actor: ActingStaff, ...data })
  }).annotations({ identifier: type.replaceAll(".", "_"), description })

export const aboutChild = { childId: ChildId }
