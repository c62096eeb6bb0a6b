import { Schema } from "effect"
import { AuthorityId, PersonId } from "../shared/ids.js"
import { Role } from "../shared/roles.js"

/** Who a notification is for: a named person, or whoever holds a role at the authority. */
export const Recipient = Schema.Union(
  Schema.TaggedStruct("Person", { personId: PersonId, name: Schema.String, email: Schema.optional(Schema.String) }),
  Schema.TaggedStruct("RoleHolder", { role: Role })
)
export type Recipient = typeof Recipient.Type

/**
 * Something that must reach a person, decided by core, delivered after commit by an adapter.
 * `id` is the idempotency key: delivering twice with one id is one delivery to the receiver.
 * `facts` never holds a child's name: adapters that need it look it up under their own rules.
 */
export const Notification = Schema.Struct({
  id: Schema.NonEmptyString,
  authorityId: AuthorityId,
  kind: Schema.NonEmptyString,
  recipients: Schema.Array(Recipient),
  /** One line, safe for a subject line: no child's name. */
  headline: Schema.String,
  /** Plain-text body lines. */
  body: Schema.Array(Schema.String),
  /** ISO instant by which the reader must act, if any, with its rule id. */
  actBy: Schema.optional(Schema.Struct({ due: Schema.String, ruleId: Schema.String, explanation: Schema.String })),
  /** Machine-readable facts for webhooks: ids, types, dates. */
  facts: Schema.Record({ key: Schema.String, value: Schema.Union(Schema.String, Schema.Number, Schema.Boolean) })
})
export type Notification = typeof Notification.Type
