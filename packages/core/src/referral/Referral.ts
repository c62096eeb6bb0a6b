import { Schema } from "effect"
import { Criterion } from "../policy/ReferralPolicy.js"
import { RuleId } from "../policy/rules.js"
import { ActedBy } from "../shared/actor.js"
import { Outcome } from "../decision/DecisionParts.js"
import { AuthorityId, DecisionId, ReferralId, SittingId } from "../shared/ids.js"
import { LocalDate } from "../calendar/LocalDate.js"
import { Role } from "../shared/roles.js"
import { DocumentRef, OptionalPresentation } from "./ReferralEvents.js"
import { ReferralForm } from "./ReferralForm.js"

export const ReferralStatus = Schema.Literal("draft", "awaiting_approval", "ready", "accepted", "decided", "withdrawn", "redirected")
export type ReferralStatus = typeof ReferralStatus.Type

const Approval = Schema.Struct({ role: Role, ruleId: RuleId, by: ActedBy, at: Schema.DateTimeUtc })

/** A panel request as the events made it. Also the document of the `referrals` read model. */
export const Referral = Schema.Struct({
  id: ReferralId,
  authorityId: AuthorityId,
  status: ReferralStatus,
  form: ReferralForm,
  documents: Schema.Array(DocumentRef),
  createdAt: Schema.DateTimeUtc,
  createdBy: ActedBy,
  submittedAt: Schema.optional(Schema.DateTimeUtc),
  /** The sign-offs still needed, in order (team manager, then head of service where the policy asks). */
  pendingApprovals: Schema.Array(Schema.Struct({ role: Role, ruleId: RuleId })),
  approvals: Schema.Array(Approval),
  /** When the request reached the administrator complete and approved: what a submission deadline measures. */
  readyAt: Schema.optional(Schema.DateTimeUtc),
  criteria: Schema.Array(Criterion),
  /** Rules under which this request need not be presented (LIN-4): the administrator may close it under one. */
  presentationOptional: Schema.optionalWith(Schema.Array(OptionalPresentation), { default: () => [] }),
  latePermissions: Schema.Array(Schema.Struct({ sittingId: SittingId, by: ActedBy, reason: Schema.String })),
  sittingId: Schema.optional(SittingId),
  acceptedLate: Schema.optional(Schema.Boolean),
  /** The sitting it was accepted onto until that sitting was cancelled: it is back in line for the next one. */
  cancelledSitting: Schema.optional(Schema.Struct({ sittingId: SittingId, date: LocalDate })),
  /** Every hearing: at panel, or agreed outside it and presented later. A deferral sends it back to "ready". */
  hearings: Schema.Array(Schema.Struct({ decisionId: DecisionId, sittingId: Schema.optional(SittingId), outcome: Outcome, at: Schema.DateTimeUtc })),
  closedReason: Schema.optional(Schema.String),
  redirectedTo: Schema.optional(Schema.String)
})
export type Referral = typeof Referral.Type

/** Before the first event: no referral. */
export type ReferralState = Referral | undefined

/** Times the request was deferred: drift shows as repeat deferrals. */
export const deferrals = (referral: Referral) => referral.hearings.filter((hearing) => hearing.outcome === "defer").length
