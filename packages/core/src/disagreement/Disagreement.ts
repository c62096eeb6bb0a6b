import { Schema } from "effect"
import { RuleId } from "../policy/rules.js"
import { ActedBy } from "../shared/actor.js"
import { AuthorityId, DecisionId, DisagreementId, ReferralId, SittingId } from "../shared/ids.js"
import {
  DisagreementOutcome,
  DisagreementParty,
  DisagreementRoute,
  DissenterAttendance,
  DissentSubject,
  EscalationStep,
  VoicedOnBehalf
} from "./DisagreementEvents.js"

export const DisagreementStatus = Schema.Literal(
  "dissent_recorded",
  "areas_noted",
  "with_member_manager",
  "with_assistant_director",
  "outcome_recorded",
  "withdrawn"
)
export type DisagreementStatus = typeof DisagreementStatus.Type

const Escalation = Schema.Struct({ step: EscalationStep, to: DisagreementParty, by: ActedBy, at: Schema.DateTimeUtc })

/** A member's formal dissent from a decision and its escalation. Also the document of the `disagreements` read model. */
export const Disagreement = Schema.Struct({
  id: DisagreementId,
  authorityId: AuthorityId,
  decisionId: DecisionId,
  referralId: ReferralId,
  sittingId: SittingId,
  /** The authority's disagreement rule and route when the dissent was recorded (SUP-8, LIN-13, CPR-7). */
  ruleId: RuleId,
  route: DisagreementRoute,
  status: DisagreementStatus,
  member: DisagreementParty,
  dissentsFrom: DissentSubject,
  grounds: Schema.String,
  /** Whether the member was recorded at the sitting when the dissent was recorded (absent on older records). */
  attendance: Schema.optional(DissenterAttendance),
  /** Who voiced it at the sitting, when the member was away and represented (KNO-2). */
  onBehalf: Schema.optional(VoicedOnBehalf),
  recordedAt: Schema.DateTimeUtc,
  recordedBy: ActedBy,
  areas: Schema.Array(Schema.String),
  /** When the areas were first noted at panel: what the escalation clock runs from. */
  notedAt: Schema.optional(Schema.DateTimeUtc),
  /** The steps taken so far, in order. */
  escalations: Schema.Array(Escalation),
  outcome: Schema.optional(
    Schema.Struct({
      outcome: DisagreementOutcome,
      rationale: Schema.String,
      agreedWith: Schema.optional(DisagreementParty),
      nextSteps: Schema.optional(Schema.String),
      by: ActedBy,
      at: Schema.DateTimeUtc
    })
  ),
  withdrawn: Schema.optional(Schema.Struct({ reason: Schema.String, by: ActedBy, at: Schema.DateTimeUtc }))
})
export type Disagreement = typeof Disagreement.Type

/** Before the first event: no disagreement. */
export type DisagreementState = Disagreement | undefined
