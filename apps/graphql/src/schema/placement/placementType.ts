import { approvalStandingAt, currentExpiry, hasS20Basis, isUnderPoliceProtection, type Placement, placementEndedAt, type ReviewOutcome, s20ConsentWithdrawnAt } from "@carepanel/core"
import { DateTime } from "effect"
import { builder } from "../builder.js"
import { readOf } from "../child/child.js"
import { ApprovalStandingEnum, EndReasonEnum, PlacementStatusEnum, PoliceProtectionOutcomeEnum } from "../shared/enums.js"
import { ActedByRef, RecordedRef } from "../shared/objects.js"

type Approval = NonNullable<Placement["approval"]>

const CarerRef = builder.objectRef<NonNullable<Placement["placement"]>["carers"][number]>("ConnectedCarer").implement({
  description: "A relative, friend or other connected person caring for the child, recorded as a connected-persons carer (Lincolnshire: LIN-16).",
  fields: (t) => ({
    name: t.string({ nullable: true, resolve: (carer) => carer.name }),
    relationship: t.exposeString("relationship"),
    hasParentalResponsibility: t.exposeBoolean("hasParentalResponsibility")
  })
})

const BasicTestRef = builder.objectRef<Placement["basicTest"]>("BasicTest").implement({
  description: "LIN-14: if the parent wanted the child back, would you ...",
  fields: (t) => ({
    wouldRefuseToSupportReturnHome: t.boolean({ resolve: (test) => test.answers.wouldRefuseToSupportReturnHome }),
    wouldAskPoliceToUsePoliceProtection: t.boolean({ resolve: (test) => test.answers.wouldAskPoliceToUsePoliceProtection }),
    wouldSeekLegalAdviceToStartCareProceedings: t.boolean({ resolve: (test) => test.answers.wouldSeekLegalAdviceToStartCareProceedings }),
    isRegulation24: t.exposeBoolean("isRegulation24"),
    by: t.field({ type: ActedByRef, resolve: (test) => test.by }),
    at: t.field({ type: "DateTime", resolve: (test) => test.at })
  })
})

const PlacedRef = builder.objectRef<NonNullable<Placement["placement"]>>("PlacementMade").implement({
  fields: (t) => ({
    placedAt: t.field({ type: "DateTime", resolve: (placed) => placed.placedAt }),
    carers: t.field({ type: [CarerRef], resolve: (placed) => placed.carers }),
    by: t.field({ type: ActedByRef, resolve: (placed) => placed.by })
  })
})

const ReviewOutcomeRef = builder.objectRef<ReviewOutcome>("IndependentReviewOutcome").implement({
  description: "STAT-R25-2: the independent review's outcome. Unless the carers were approved, the temporary approval ended when it became known.",
  fields: (t) => ({
    carersApproved: t.exposeBoolean("carersApproved"),
    knownAt: t.field({ type: "DateTime", resolve: (outcome) => outcome.knownAt }),
    by: t.field({ type: ActedByRef, resolve: (outcome) => outcome.by }),
    at: t.field({ type: "DateTime", resolve: (outcome) => outcome.at })
  })
})

const ApprovalRef = builder.objectRef<Approval>("TemporaryApproval").implement({
  description: "Regulation 24's temporary approval (at most 16 weeks) and regulation 25's extension of it.",
  fields: (t) => ({
    startsAt: t.field({ type: "DateTime", resolve: (approval) => approval.startsAt }),
    originalExpiresAt: t.field({ type: "DateTime", resolve: (approval) => approval.originalExpiresAt }),
    expiresAt: t.field({ type: "DateTime", description: "The last fixed end: the original, or the extended one (STAT-R24, STAT-R25-1).", resolve: (approval) => approval.expiresAt }),
    endsAt: t.field({
      type: "DateTime",
      nullable: true,
      description:
        "When the approval in force ends: `expiresAt`, or, once extended pending an independent review, null until the review's outcome and then when it became known (STAT-R25-2).",
      resolve: (approval) => currentExpiry(approval) ?? null
    }),
    extendedByWeeks: t.int({ nullable: true, resolve: (approval) => approval.extension?.weeks ?? null }),
    pendingReview: t.boolean({ description: "Extended to run until an independent review's outcome (STAT-R25-2).", resolve: (approval) => approval.pendingReview !== undefined }),
    reviewOutcome: t.field({
      type: ReviewOutcomeRef,
      nullable: true,
      description: "The independent review's outcome, once recorded (STAT-R25-2).",
      resolve: (approval) => approval.pendingReview?.outcome ?? null
    })
  })
})

const PoliceProtectionEndedRef = builder.objectRef<NonNullable<Placement["policeProtectionEnded"]>>("PoliceProtectionEnded").implement({
  description: "STAT-S46: how and when police protection ended.",
  fields: (t) => ({
    outcome: t.field({ type: PoliceProtectionOutcomeEnum, resolve: (ended) => ended.outcome }),
    endedAt: t.field({ type: "DateTime", resolve: (ended) => ended.endedAt }),
    by: t.field({ type: ActedByRef, resolve: (ended) => ended.by }),
    at: t.field({ type: "DateTime", resolve: (ended) => ended.at })
  })
})

type Grounds = NonNullable<Placement["extensionGrounds"]>
const ReconsideredRef = builder.objectRef<NonNullable<Grounds["reconsidered"]>>("PlacementReconsidered").implement({
  fields: (t) => ({
    stillMostAppropriate: t.exposeBoolean("stillMostAppropriate"),
    reasons: t.exposeString("reasons"),
    by: t.field({ type: ActedByRef, resolve: (step) => step.by }),
    at: t.field({ type: "DateTime", resolve: (step) => step.at })
  })
})
const IroInformedRef = builder.objectRef<NonNullable<Grounds["iroInformed"]>>("IroInformed").implement({
  fields: (t) => ({
    iroName: t.exposeString("iroName"),
    by: t.field({ type: ActedByRef, resolve: (step) => step.by }),
    at: t.field({ type: "DateTime", resolve: (step) => step.at })
  })
})
const ExtensionGroundsRef = builder.objectRef<Grounds>("ExtensionGrounds").implement({
  description: "STAT-R25-3: the steps recorded towards the next extension, each with who and when.",
  fields: (t) => ({
    reconsidered: t.field({ type: ReconsideredRef, nullable: true, resolve: (grounds) => grounds.reconsidered ?? null }),
    fosteringPanelViewsSought: t.field({ type: RecordedRef, nullable: true, resolve: (grounds) => grounds.fosteringPanelViewsSought ?? null }),
    iroInformed: t.field({ type: IroInformedRef, nullable: true, resolve: (grounds) => grounds.iroInformed ?? null })
  })
})

const LateStepRef = builder.objectRef<{ readonly late: boolean; readonly by: Placement["basicTest"]["by"]; readonly at: Placement["basicTest"]["at"] }>("RecordedStep").implement({
  fields: (t) => ({
    late: t.exposeBoolean("late"),
    by: t.field({ type: ActedByRef, resolve: (step) => step.by }),
    at: t.field({ type: "DateTime", resolve: (step) => step.at })
  })
})

/** A Regulation 24 connected-person placement; its clocks are in `clocks`. */
export const PlacementRef = builder.objectRef<Placement>("Placement").implement({
  description: "A connected-person placement under Regulation 24.",
  fields: (t) => ({
    id: t.id({ resolve: (placement) => placement.id }),
    childId: t.exposeString("childId"),
    status: t.field({ type: PlacementStatusEnum, resolve: (placement) => placement.status }),
    urgent: t.exposeBoolean("urgent"),
    basicTest: t.field({ type: BasicTestRef, resolve: (placement) => placement.basicTest }),
    underPoliceProtection: t.boolean({
      nullable: true,
      description: "STAT-S46: true from police protection until an outcome is recorded, placed with carers or not; null if never checked.",
      resolve: (placement) => (placement.policePowers === undefined ? null : isUnderPoliceProtection(placement))
    }),
    policeProtectionEnded: t.field({ type: PoliceProtectionEndedRef, nullable: true, resolve: (placement) => placement.policeProtectionEnded ?? null }),
    s20Basis: t.boolean({
      description: "STAT-S20-CONSENT: accommodated under s20 on consent recorded in full and not withdrawn.",
      resolve: (placement) => hasS20Basis(placement)
    }),
    s20ConsentWithdrawnAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When s20 consent was withdrawn (the `withdrawnAt` given when it was recorded, else when that was recorded).",
      resolve: (placement) => s20ConsentWithdrawnAt(placement) ?? null
    }),
    extensionGrounds: t.field({ type: ExtensionGroundsRef, nullable: true, resolve: (placement) => placement.extensionGrounds ?? null }),
    approvalStanding: t.field({
      type: ApprovalStandingEnum,
      description: "Now: approved, extended, pending a review, or expired without approval as foster carers (STAT-R25-4).",
      resolve: (placement) => approvalStandingAt(placement, DateTime.unsafeNow())
    }),
    policeProtectionSince: t.field({ type: "DateTime", nullable: true, resolve: (placement) => placement.policePowers?.since ?? null }),
    placement: t.field({
      type: PlacedRef,
      nullable: true,
      description: "Where and with whom the child was placed; each read is logged.",
      resolve: (placement, _args, context) => readOf(context, [placement.childId], "placement.carers", placement.placement ?? null)
    }),
    viabilityAssessment: t.field({ type: LateStepRef, nullable: true, resolve: (placement) => placement.viabilityAssessment ?? null }),
    authorisation: t.field({ type: RecordedRef, nullable: true, resolve: (placement) => placement.authorisation ?? null }),
    kinshipReferral: t.field({ type: LateStepRef, nullable: true, resolve: (placement) => placement.kinshipReferral ?? null }),
    lookedAfterConsent: t.field({ type: RecordedRef, nullable: true, resolve: (placement) => placement.lookedAfterConsent ?? null }),
    s20ConsentSignedBy: t.stringList({ nullable: true, resolve: (placement) => placement.s20Consent?.signedBy ?? null }),
    approval: t.field({ type: ApprovalRef, nullable: true, resolve: (placement) => placement.approval ?? null }),
    endedReason: t.field({ type: EndReasonEnum, nullable: true, resolve: (placement) => placement.ended?.reason ?? null }),
    endedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the child left the placement (the `endedAt` given when it was ended, else when that was recorded).",
      resolve: (placement) => placementEndedAt(placement) ?? null
    })
  })
})
