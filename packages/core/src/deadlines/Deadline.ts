import { Schema } from "effect"
import { RuleId } from "../policy/rules.js"

export const DeadlineState = Schema.Literal("pending", "due_soon", "overdue", "met")
export type DeadlineState = typeof DeadlineState.Type

export const DeadlineSubject = Schema.Struct({
  kind: Schema.Literal("referral", "sitting", "decision", "action", "disagreement", "placement", "child"),
  id: Schema.String,
  /** The children whose case the clock is about (a sitting's clocks are about none), so that a list of clocks says whose each is. */
  childIds: Schema.optional(Schema.Array(Schema.String))
})

/** One clock: what it is about, the rule it comes from, when it is due and why, in words a person reads. */
export const Deadline = Schema.Struct({
  /** Stable across recomputation: subject, rule and what is due. */
  id: Schema.String,
  about: DeadlineSubject,
  title: Schema.String,
  ruleId: RuleId,
  due: Schema.DateTimeUtc,
  state: DeadlineState,
  metAt: Schema.optional(Schema.DateTimeUtc),
  /** Met, but after it was due. */
  metLate: Schema.optional(Schema.Boolean),
  /** e.g. "due 12:00 Fri 4 Jun 2027 - LIN-3: noon on the Friday before the sitting on Wed 9 Jun 2027" */
  explanation: Schema.String
})
export type Deadline = typeof Deadline.Type
