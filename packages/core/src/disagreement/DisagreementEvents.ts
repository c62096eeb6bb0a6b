import { Schema } from "effect"
import { DisagreementPolicy } from "../policy/DecisionPolicy.js"
import { RuleId } from "../policy/rules.js"
import { ActedBy } from "../shared/actor.js"
import { ActionId, AuthorityId, DecisionId, DisagreementId, PersonId, ReferralId, SittingId } from "../shared/ids.js"

/** Someone a disagreement names: the member who dissents, their own manager, the Assistant Director. */
export const DisagreementParty = Schema.Struct({ personId: PersonId, name: Schema.NonEmptyTrimmedString })
export type DisagreementParty = typeof DisagreementParty.Type

/** CPR-7: a member may formally dissent from a panel decision or from one of its recommended actions. */
export const DissentSubject = Schema.Union(
  Schema.TaggedStruct("Decision", {}),
  Schema.TaggedStruct("RecommendedAction", { actionId: ActionId, action: Schema.NonEmptyTrimmedString })
)
export type DissentSubject = typeof DissentSubject.Type

/** The authority's escalation route (SUP-8: the member's manager, then the AD; LIN-13: the chair with the AD). */
export const DisagreementRoute = DisagreementPolicy.fields.route
export type DisagreementRoute = typeof DisagreementRoute.Type

/** Where one escalation step takes the disagreement. */
export const EscalationStep = Schema.Literal("member_manager", "assistant_director")
export type EscalationStep = typeof EscalationStep.Type

/**
 * CPR-7: whether the member was recorded at the sitting when their dissent was recorded. "not_recorded": nobody's
 * attendance had been taken yet, so it could not be checked (a dissent is often recorded in the room first).
 * "represented": the member was away and a member present who represents them voiced it (KNO-2, `VoicedOnBehalf`).
 */
export const DissenterAttendance = Schema.Literal("present", "deputy", "represented", "not_recorded")
export type DissenterAttendance = typeof DissenterAttendance.Type

/**
 * A dissent voiced at the sitting by a member present for a member away whom they represent (KNO-2: "an absent member
 * names a deputy or another member to represent them"). The dissent is the member away's; this says who voiced it, and
 * each one's seat, as the sitting's attendance recorded them. Carepanel's reading: representing a member includes
 * voicing their dissent; no terms of reference say so or otherwise.
 */
export const VoicedOnBehalf = Schema.Struct({
  /** The seat of the member away whose dissent it is. */
  memberSeat: Schema.String,
  voicedBy: DisagreementParty,
  voicedBySeat: Schema.String,
  /** The rule the panel's cover cites when it is a seed rule (KNO-2, CPR-3); none for a local default. */
  ruleId: Schema.optional(RuleId)
})
export type VoicedOnBehalf = typeof VoicedOnBehalf.Type

export const DisagreementOutcome = Schema.Literal("upheld", "varied", "overturned")
export type DisagreementOutcome = typeof DisagreementOutcome.Type

export const outcomeLabel: Record<DisagreementOutcome, string> = {
  upheld: "decision upheld",
  varied: "decision varied",
  overturned: "decision overturned"
}

/** Every event names who caused it and when: the log is the audit trail. */
const audit = { by: ActedBy, at: Schema.DateTimeUtc }

/** The route and its rule are taken from the policy when the dissent is recorded and kept for its whole life. */
export const DissentRecorded = Schema.TaggedStruct("DissentRecorded", {
  disagreementId: DisagreementId,
  authorityId: AuthorityId,
  decisionId: DecisionId,
  referralId: ReferralId,
  sittingId: SittingId,
  member: DisagreementParty,
  dissentsFrom: DissentSubject,
  grounds: Schema.NonEmptyTrimmedString,
  route: DisagreementRoute,
  ruleId: RuleId,
  /** Absent on dissents recorded before attendance was checked. */
  attendance: Schema.optional(DissenterAttendance),
  /** When a member present voiced it for the member away they represent (KNO-2). */
  onBehalf: Schema.optional(VoicedOnBehalf),
  ...audit
})
export const AreasOfDisagreementNoted = Schema.TaggedStruct("AreasOfDisagreementNoted", {
  areas: Schema.NonEmptyArray(Schema.NonEmptyTrimmedString),
  ruleId: RuleId,
  ...audit
})
export const DisagreementEscalated = Schema.TaggedStruct("DisagreementEscalated", {
  step: EscalationStep,
  to: DisagreementParty,
  ruleId: RuleId,
  ...audit
})
export const DisagreementOutcomeRecorded = Schema.TaggedStruct("DisagreementOutcomeRecorded", {
  outcome: DisagreementOutcome,
  rationale: Schema.NonEmptyTrimmedString,
  /** LIN-13: the Assistant Director the chair agreed the outcome with, when the chair records it. */
  agreedWith: Schema.optional(DisagreementParty),
  /** What happens to the decision now; always present when it is varied or overturned. */
  nextSteps: Schema.optional(Schema.NonEmptyTrimmedString),
  ruleId: RuleId,
  ...audit
})
export const DissentWithdrawn = Schema.TaggedStruct("DissentWithdrawn", {
  reason: Schema.NonEmptyTrimmedString,
  ...audit
})

export const DisagreementEvent = Schema.Union(
  DissentRecorded,
  AreasOfDisagreementNoted,
  DisagreementEscalated,
  DisagreementOutcomeRecorded,
  DissentWithdrawn
)
export type DisagreementEvent = typeof DisagreementEvent.Type
