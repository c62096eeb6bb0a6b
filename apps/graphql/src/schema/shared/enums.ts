import {
  AgendaItemKind,
  AttendanceStatus,
  DeadlineState,
  DecisionStatus,
  DisagreementOutcome,
  DisagreementStatus,
  DocumentKind,
  EndReason,
  EpoOutcome,
  EscalationStep,
  FundingPartner,
  Membership,
  Outcome,
  PlacementKind,
  PlacementStatus,
  PoliceProtectionOutcome,
  PlanType,
  PresentationReason,
  ReferralStatus,
  RequestType,
  Role,
  S20Task
} from "@carepanel/core"
import { builder } from "../builder.js"

export const literalEnum = <const L extends ReadonlyArray<string>>(name: string, literals: L, description: string) =>
  builder.enumType(name, { values: literals as unknown as L[number][], description })

/** The core's literal types as GraphQL enums: the values are the core's own, so inputs decode unchanged. */
export const RoleEnum = literalEnum("Role", Role.literals, "A job someone does at a panel; a person may hold several.")
export const RequestTypeEnum = literalEnum("RequestType", RequestType.literals, "What a panel is asked to do.")
export const OutcomeEnum = literalEnum("Outcome", Outcome.literals, "What the panel decided (CPR-8).")
export const DocumentKindEnum = literalEnum("DocumentKind", DocumentKind.literals, "A paper that travels with a request.")
export const PresentationReasonEnum = literalEnum("PresentationReason", PresentationReason.literals, "Why a case comes to panel.")
export const PlanTypeEnum = literalEnum("PlanType", PlanType.literals, "The child's plan.")
export const MembershipEnum = literalEnum("Membership", Membership.literals, "How someone sits on a panel.")
export const AttendanceStatusEnum = literalEnum("AttendanceStatus", AttendanceStatus.literals, "Whether someone attended.")
export const AgendaItemKindEnum = literalEnum("AgendaItemKind", AgendaItemKind.literals, "What an agenda slot is for.")
export const ReferralStatusEnum = literalEnum("ReferralStatus", ReferralStatus.literals, "Where a request is.")
export const DecisionStatusEnum = literalEnum(
  "DecisionStatus",
  DecisionStatus.literals,
  "Whether a decision is final, or waits for a sign-off or an agreement outside panel; `not_agreed`: an agreement outside panel it waited for was refused (NSO-10), see `OutsidePanel.refusal`; `lapsed`: its request was heard again while it still waited for an agreement, see `OutsidePanel.overtaken`."
)
export const DisagreementStatusEnum = literalEnum("DisagreementStatus", DisagreementStatus.literals, "Where a disagreement is.")
export const DisagreementOutcomeEnum = literalEnum("DisagreementOutcome", DisagreementOutcome.literals, "How a disagreement ended.")
export const EscalationStepEnum = literalEnum("EscalationStep", EscalationStep.literals, "Where an escalation goes.")
export const PoliceProtectionOutcomeEnum = literalEnum(
  "PoliceProtectionOutcome",
  PoliceProtectionOutcome.literals,
  "How police protection ended (STAT-S46); placing the child with carers is not one of them."
)
export const EpoOutcomeEnum = literalEnum("EpoOutcome", EpoOutcome.literals, "How an emergency protection order ended (STAT-S44).")
export const ApprovalStandingEnum = literalEnum(
  "ApprovalStanding",
  ["not_placed", "approved", "extended", "pending_review", "expired", "ended"] as const,
  "Whether the carers are temporarily approved now (STAT-R24, STAT-R25-4)."
)
export const PlacementStatusEnum = literalEnum("PlacementStatus", PlacementStatus.literals, "Where a connected-person placement is.")
export const EndReasonEnum = literalEnum("EndReason", EndReason.literals, "Why a placement ended.")
export const PlacementKindEnum = literalEnum("PlacementKind", PlacementKind.literals, "A kind of placement.")
export const DeadlineStateEnum = literalEnum("DeadlineState", DeadlineState.literals, "Where a clock is.")
export const S20TaskEnum = literalEnum("S20Task", S20Task.literals, "A 48-hour task after a section 20 placement (LIN-12).")
export const FundingPartnerEnum = literalEnum("FundingPartner", FundingPartner.literals, "CPR-6: who shares the funding: SEN (education) or health.")
export const FundingPeriodEnum = literalEnum("FundingPeriod", ["one_off", "weekly", "monthly", "annual"] as const, "How often funding is paid.")

export const ParentalHistoryKindEnum = builder.enumType("ParentalHistoryKind", { values: ["criminal_conviction", "care_proceedings"] as const })
