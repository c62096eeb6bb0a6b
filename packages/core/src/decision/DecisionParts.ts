import { Schema } from "effect"
import { LocalDate } from "../calendar/LocalDate.js"
import { RequestType } from "../policy/RequestType.js"
import { RuleId } from "../policy/rules.js"
import { ActedBy } from "../shared/actor.js"
import { ActionId, ChildId, DecisionId, PersonId, ReferralId, SittingId, TeamId } from "../shared/ids.js"
import { Role } from "../shared/roles.js"

/** Who chaired a sitting: the chair, or the deputy chairing, as recorded when they found it quorate (NSO-1). */
export const SittingChair = Schema.Struct({ personId: PersonId, name: Schema.String })
export type SittingChair = typeof SittingChair.Type

/** CPR-8: what the panel decided. */
export const Outcome = Schema.Literal("approve", "decline", "defer")
export type Outcome = typeof Outcome.Type

export const PlacementKind = Schema.Literal(
  "family_or_friends",
  "in_house_foster",
  "independent_foster",
  "foster_to_adopt",
  "residential",
  "parent_and_child",
  "supported_accommodation",
  "secure",
  "other"
)

/** What was agreed, by request type (LIN-5): accommodation, placement, funding, legal routes. */
export const Agreed = Schema.Struct({
  /** LIN-5: if accommodation is agreed, for how long before it returns to panel. */
  accommodationWeeks: Schema.optional(Schema.Int.pipe(Schema.between(1, 104))),
  placement: Schema.optional(PlacementKind),
  funding: Schema.optional(
    Schema.Struct({
      amountPence: Schema.Int.pipe(Schema.positive()),
      period: Schema.Literal("one_off", "weekly", "monthly", "annual"),
      months: Schema.optional(Schema.Int.pipe(Schema.between(1, 60))),
      budget: Schema.NonEmptyTrimmedString
    })
  ),
  legalPlanningMeeting: Schema.optional(Schema.Boolean),
  preProceedings: Schema.optional(Schema.Boolean),
  careProceedings: Schema.optional(Schema.Boolean)
})
export type Agreed = typeof Agreed.Type

/** LIN-5: minutes in Signs of Safety form. */
export const Minutes = Schema.Struct({
  workingWell: Schema.String,
  worries: Schema.String,
  needsToHappen: Schema.String
})
export type Minutes = typeof Minutes.Type

/** CPR-10: the highlights of the presentation (what the social worker brought) and of the panel's discussion. */
export const Highlights = Schema.Struct({
  presentation: Schema.NonEmptyTrimmedString,
  discussion: Schema.NonEmptyTrimmedString
})
export type Highlights = typeof Highlights.Type

/** CPR-6: who else would fund the child's care: special educational needs (education) and/or health. */
export const FundingPartner = Schema.Literal("sen", "health")
export type FundingPartner = typeof FundingPartner.Type

export const fundingPartnerLabel: Record<FundingPartner, string> = { sen: "Special Educational Needs", health: "Health" }

/**
 * CPR-6: the panel found that joint (with one partner) or tripartite (with both) funding fits. Recorded on the
 * decision, it starts the Complex Needs Panel referral.
 */
export const SharedFunding = Schema.Struct({
  partners: Schema.NonEmptyArray(FundingPartner).pipe(
    Schema.filter((partners) => new Set(partners).size === partners.length || "Each funding partner is named once.")
  )
})
export type SharedFunding = typeof SharedFunding.Type

/** A recommended action with an owner and a due date (CPR-8, LIN-5). */
export const ActionPlan = Schema.Struct({
  actionId: ActionId,
  description: Schema.NonEmptyTrimmedString,
  ownerRole: Role,
  ownerName: Schema.optional(Schema.String),
  dueDate: LocalDate,
  /** LIN-9: a Family Group Conference referral, escalated if the FGC service has not received it. */
  fgcReferral: Schema.optionalWith(Schema.Boolean, { default: () => false })
})
export type ActionPlan = typeof ActionPlan.Type

export const ActionProgress = Schema.Union(
  Schema.TaggedStruct("Open", {}),
  Schema.TaggedStruct("Completed", { evidence: Schema.NonEmptyTrimmedString, by: ActedBy, at: Schema.DateTimeUtc }),
  Schema.TaggedStruct("Outstanding", { reason: Schema.NonEmptyTrimmedString, by: ActedBy, at: Schema.DateTimeUtc }),
  /** LIN-8: no longer owed: the alternative action approved when circumstances changed takes its place. */
  Schema.TaggedStruct("Replaced", { alternativeAction: Schema.NonEmptyTrimmedString, by: ActedBy, at: Schema.DateTimeUtc })
)
export type ActionProgress = typeof ActionProgress.Type

/** Still owed: open, or recorded outstanding; not completed, nor replaced by an approved alternative (LIN-8). */
export const stillOwed = (action: { readonly progress: ActionProgress }) => action.progress._tag === "Open" || action.progress._tag === "Outstanding"

export const Action = Schema.Struct({ ...ActionPlan.fields, progress: ActionProgress })
export type Action = typeof Action.Type

/** Return to panel (CPR-10, LIN-7): within so many weeks of the sitting. */
export const ReturnToPanel = Schema.Struct({ withinWeeks: Schema.Int.pipe(Schema.between(1, 52)), ruleId: RuleId })

/** What the decision is about, copied from the request when the decision is recorded. */
export const Subject = Schema.Struct({
  referralId: ReferralId,
  childIds: Schema.NonEmptyArray(ChildId),
  requestTypes: Schema.NonEmptyArray(RequestType),
  /** The allocated team and its manager, as the request names them: the case's line management (LIN-1). */
  teamId: Schema.optional(TeamId),
  teamManager: Schema.optional(SittingChair)
})
export type Subject = typeof Subject.Type

/** The content of a decision, as recorded at panel or outside it, and as amended later. */
export const DecisionContent = Schema.Struct({
  outcome: Outcome,
  rationale: Schema.NonEmptyTrimmedString,
  agreed: Agreed,
  minutes: Schema.optional(Minutes),
  highlights: Schema.optional(Highlights),
  actions: Schema.Array(ActionPlan),
  returnToPanel: Schema.optional(ReturnToPanel),
  sharedFunding: Schema.optional(SharedFunding)
})
export type DecisionContent = typeof DecisionContent.Type

/** A later hearing of a decision's request, as the recording of its decision tells the earlier decision. */
export const HearingOfDecision = Schema.Struct({
  decisionId: DecisionId,
  heardAt: Schema.DateTimeUtc,
  atPanel: Schema.Boolean,
  /** The sitting that heard it (at panel); absent outside panel, and on hearings noted before it was kept. */
  sittingId: Schema.optional(SittingId)
})
export type HearingOfDecision = typeof HearingOfDecision.Type

/**
 * A later hearing noted on a decision. `reviewOf`: the request types whose automatic reviews (NSO-9) it was, as the
 * policy stood when it was noted: at a sitting, once every review window of the type had opened. A review held is a
 * fact of the record from then on, like an action's due date: a later change of policy does not undo it.
 */
export const LaterHearing = Schema.Struct({ ...HearingOfDecision.fields, reviewOf: Schema.Array(RequestType) })
export type LaterHearing = typeof LaterHearing.Type
