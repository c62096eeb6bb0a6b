import { DateTime, Schema } from "effect"
import { ActedBy } from "../shared/actor.js"
import { ChildWishes, ParentalConsent } from "../s20/S20Consent.js"
import { AuthorityId, ChildId, PlacementId } from "../shared/ids.js"
import { FirstReview, PlacementPlan, Visit, type VisitedPlacement } from "../visits/Visit.js"

/** The placements read model's collection: one row per placement (`placementAggregate`). */
export const placementCollection = "placements"

/**
 * identified: the basic test says Regulation 24 (LIN-14) and the child is not placed yet;
 * not_regulation24: the basic test said no to all three questions, nothing more is recorded;
 * placed: with connected-person carers under temporary approval (STAT-R24); ended: see `EndReason`.
 */
const recorded = { by: ActedBy, at: Schema.DateTimeUtc }

export const PlacementStatus = Schema.Literal("identified", "not_regulation24", "placed", "ended")
export type PlacementStatus = typeof PlacementStatus.Type

/** LIN-14: "if the parent wanted the child back, would you ..." */
export const BasicTestAnswers = Schema.Struct({
  wouldRefuseToSupportReturnHome: Schema.Boolean,
  wouldAskPoliceToUsePoliceProtection: Schema.Boolean,
  wouldSeekLegalAdviceToStartCareProceedings: Schema.Boolean
})
export type BasicTestAnswers = typeof BasicTestAnswers.Type

/** Any yes: a Regulation 24 placement (LIN-14). */
export const isRegulation24 = (answers: BasicTestAnswers): boolean =>
  answers.wouldRefuseToSupportReturnHome ||
  answers.wouldAskPoliceToUsePoliceProtection ||
  answers.wouldSeekLegalAdviceToStartCareProceedings

/** A relative, friend or other connected person, recorded as a connected-persons carer (LIN-16). */
export const ConnectedCarer = Schema.Struct({
  name: Schema.NonEmptyTrimmedString,
  relationship: Schema.NonEmptyTrimmedString,
  hasParentalResponsibility: Schema.Boolean
})
export type ConnectedCarer = typeof ConnectedCarer.Type

/** Before regulation 25 had its steps recorded one by one: what an old extension event said was done. */
export const ExtensionConditions = Schema.Struct({
  stillMostAppropriateConsidered: Schema.Boolean,
  fosteringPanelViewsSought: Schema.Boolean,
  iroInformed: Schema.Boolean,
  nominatedOfficerApproved: Schema.Boolean
})
export type ExtensionConditions = typeof ExtensionConditions.Type

/**
 * STAT-R25-3: what must be recorded, each with who and when, before either extension (STAT-R25-1, STAT-R25-2).
 * The nominated officer's approval is the extension itself, made by them.
 */
export const ExtensionGrounds = Schema.Struct({
  /** The placement reconsidered: still the most appropriate, and why. */
  reconsidered: Schema.optional(Schema.Struct({ stillMostAppropriate: Schema.Boolean, reasons: Schema.NonEmptyTrimmedString, ...recorded })),
  fosteringPanelViewsSought: Schema.optional(Schema.Struct(recorded)),
  /** The child's Independent Reviewing Officer, by name. */
  iroInformed: Schema.optional(Schema.Struct({ iroName: Schema.NonEmptyTrimmedString, ...recorded }))
})
export type ExtensionGrounds = typeof ExtensionGrounds.Type

export const extensionStepLabel: Record<keyof ExtensionGrounds, string> = {
  reconsidered: "the placement was reconsidered and is still the most appropriate, with reasons",
  fosteringPanelViewsSought: "the fostering panel's views were sought",
  iroInformed: "the child's Independent Reviewing Officer was informed"
}

/** The steps of STAT-R25-3 not yet recorded (a reconsideration that found the placement no longer right counts as missing). */
export const missingExtensionSteps = (grounds: ExtensionGrounds | undefined): ReadonlyArray<keyof ExtensionGrounds> =>
  (Object.keys(extensionStepLabel) as Array<keyof ExtensionGrounds>).filter((step) =>
    step === "reconsidered" ? grounds?.reconsidered?.stillMostAppropriate !== true : grounds?.[step] === undefined
  )

export const EndReason = Schema.Literal(
  "approved_as_foster_carer",
  "child_moved",
  "child_returned_home",
  /** STAT-R25-4: the approval ran out without approval as a foster carer; the child was moved elsewhere. */
  "approval_expired_child_moved"
)
export type EndReason = typeof EndReason.Type

export const endReasonLabel: Record<EndReason, string> = {
  approved_as_foster_carer: "the carers were approved as foster carers after the full assessment",
  child_moved: "the child moved to another placement",
  child_returned_home: "the child returned home",
  approval_expired_child_moved: "the temporary approval expired and the child was moved (STAT-R25-4)"
}

/**
 * STAT-S46: the only outcomes that end police protection. Placing the child with carers is not one of them
 * (SSDA903 code L1: under police protection and in local authority accommodation).
 */
export const PoliceProtectionOutcome = Schema.Literal("returned_home", "accommodated_s20", "emergency_protection_order", "interim_care_order")
export type PoliceProtectionOutcome = typeof PoliceProtectionOutcome.Type

export const policeProtectionOutcomeLabel: Record<PoliceProtectionOutcome, string> = {
  returned_home: "the child was returned home",
  accommodated_s20: "the child was accommodated under s20 with recorded consent",
  emergency_protection_order: "an emergency protection order was obtained",
  interim_care_order: "an interim care order was obtained"
}

/** STAT-R25-2: the independent review's outcome, and when it became known. */
export const ReviewOutcome = Schema.Struct({ carersApproved: Schema.Boolean, knownAt: Schema.DateTimeUtc, ...recorded })
export type ReviewOutcome = typeof ReviewOutcome.Type

/** Regulation 24's temporary approval from the placement, and regulation 25's extensions of it. */
export const TemporaryApproval = Schema.Struct({
  startsAt: Schema.DateTimeUtc,
  /** At most 16 weeks after `startsAt` (STAT-R24). */
  originalExpiresAt: Schema.DateTimeUtc,
  /** The last expiry fixed: the original, or the extended one. Superseded while `pendingReview` is set. */
  expiresAt: Schema.DateTimeUtc,
  /** The one extension, of up to 8 weeks from the original expiry (STAT-R25-1, STAT-R25-3). */
  extension: Schema.optional(
    Schema.Struct({ weeks: Schema.Int, conditions: Schema.optional(ExtensionConditions), grounds: Schema.optional(ExtensionGrounds), ...recorded })
  ),
  /**
   * Extended until an independent review's outcome is known (STAT-R25-2): no fixed expiry until `outcome` is
   * recorded. An outcome that leaves the carers unapproved ends the approval when it became known.
   */
  pendingReview: Schema.optional(
    Schema.Struct({ grounds: Schema.optional(ExtensionGrounds), outcome: Schema.optional(ReviewOutcome), ...recorded })
  )
})
export type TemporaryApproval = typeof TemporaryApproval.Type

/** A connected-person placement as the events made it. Also the document of the `placements` read model. */
export const Placement = Schema.Struct({
  id: PlacementId,
  authorityId: AuthorityId,
  childId: ChildId,
  status: PlacementStatus,
  basicTest: Schema.Struct({ answers: BasicTestAnswers, isRegulation24: Schema.Boolean, ...recorded }),
  /** Recorded once: whether the child is under police protection, and since when. */
  policePowers: Schema.optional(
    Schema.Struct({ underPoliceProtection: Schema.Boolean, since: Schema.optional(Schema.DateTimeUtc), ...recorded })
  ),
  /** STAT-S46: how and when police protection ended; until then the child is under police protection. */
  policeProtectionEnded: Schema.optional(Schema.Struct({ outcome: PoliceProtectionOutcome, endedAt: Schema.DateTimeUtc, ...recorded })),
  /** LIN-15: act now (the child is under police protection). */
  urgent: Schema.Boolean,
  placement: Schema.optional(
    Schema.Struct({ placedAt: Schema.DateTimeUtc, carers: Schema.NonEmptyArray(ConnectedCarer), ...recorded })
  ),
  /** LIN-16; `late` when written up more than the policy's hours after the placement. */
  viabilityAssessment: Schema.optional(Schema.Struct({ late: Schema.Boolean, ...recorded })),
  /** LIN-17: the locality service manager's authorisation. */
  authorisation: Schema.optional(Schema.Struct(recorded)),
  /** LIN-18: viability assessment and signed BACS form sent to the kinship team. */
  kinshipReferral: Schema.optional(Schema.Struct({ late: Schema.Boolean, ...recorded })),
  /** LIN-14: the Assistant Director's consent to looked-after status. */
  lookedAfterConsent: Schema.optional(Schema.Struct(recorded)),
  /** LIN-14: s20 consent signed by the carers with parental responsibility. */
  s20Consent: Schema.optional(Schema.Struct({ signedBy: Schema.NonEmptyArray(Schema.String), ...recorded })),
  /**
   * STAT-S20-CONSENT: accommodation under s20 with each consent in full and the child's wishes; `withdrawn` ends the
   * s20 basis (s20(8)).
   */
  s20Accommodation: Schema.optional(
    Schema.Struct({
      consents: Schema.NonEmptyArray(ParentalConsent),
      childWishes: ChildWishes,
      /** When consent was withdrawn (`withdrawnAt`, see `s20ConsentWithdrawnAt`); recorded at `at`, possibly later. */
      withdrawn: Schema.optional(Schema.Struct({ withdrawnBy: Schema.String, withdrawnAt: Schema.optional(Schema.DateTimeUtc), ...recorded })),
      ...recorded
    })
  ),
  approval: Schema.optional(TemporaryApproval),
  /** STAT-R25-3's steps recorded towards the next extension; moved onto the extension when it is made. */
  extensionGrounds: Schema.optional(ExtensionGrounds),
  /** Why, and when the child left (`endedAt`, see `placementEndedAt`); recorded at `at`, possibly later. */
  ended: Schema.optional(Schema.Struct({ reason: EndReason, endedAt: Schema.optional(Schema.DateTimeUtc), ...recorded })),
  /** STAT-R28: the visits to the child in the placement, in the order recorded. */
  visits: Schema.optional(Schema.Array(Visit)),
  /** STAT-R9: the placement plan. */
  placementPlan: Schema.optional(PlacementPlan),
  /** The first looked-after review (regulation 33): weekly visits become 4-weekly (STAT-R28). */
  firstReview: Schema.optional(FirstReview)
})
export type Placement = typeof Placement.Type

/** When the child left the placement, if it has ended; records kept before the time was asked for ended when recorded. */
export const placementEndedAt = (placement: Placement): DateTime.Utc | undefined => placement.ended && (placement.ended.endedAt ?? placement.ended.at)

/**
 * The child's family and connected people this placement names: its connected carers, the parents whose s20 consent
 * it records, who signed LIN-14's s20 consent and who withdrew consent. Staff (to whom consent was given, the IRO) are not among them.
 */
export const familyNamedBy = (placement: Placement): ReadonlyArray<string> => [
  ...new Set([
    ...(placement.placement?.carers ?? []).map((carer) => carer.name),
    ...(placement.s20Accommodation?.consents ?? []).map((consent) => consent.name),
    ...(placement.s20Consent?.signedBy ?? []),
    ...(placement.s20Accommodation?.withdrawn === undefined ? [] : [placement.s20Accommodation.withdrawn.withdrawnBy])
  ])
]

/** When s20 consent was withdrawn, if it was; records kept before the time was asked for were withdrawn when recorded. */
export const s20ConsentWithdrawnAt = (placement: Placement): DateTime.Utc | undefined => {
  const withdrawn = placement.s20Accommodation?.withdrawn
  return withdrawn && (withdrawn.withdrawnAt ?? withdrawn.at)
}

/**
 * STAT-S20-CONSENT: when the s20 accommodation began, the earliest moment it could lawfully: the earliest consent,
 * never before the placement.
 */
export const s20AccommodationBeganAt = (placement: Placement): DateTime.Utc | undefined => {
  const consents = placement.s20Accommodation?.consents
  if (consents === undefined) return undefined
  const consentedAt = consents.map((consent) => consent.consentGivenAt).reduce((a, b) => DateTime.min(a, b))
  const placedAt = placement.placement?.placedAt
  return placedAt === undefined ? consentedAt : DateTime.max(consentedAt, placedAt)
}

/** What the visit and placement plan duties (STAT-R28, STAT-R9) read from a placement. */
export const visitedPlacementOf = (placement: Placement): VisitedPlacement => ({
  id: placement.id,
  placedAt: placement.placement?.placedAt,
  endedAt: placementEndedAt(placement),
  visits: placement.visits ?? [],
  placementPlan: placement.placementPlan,
  firstReview: placement.firstReview
})

/** Before the first event: no placement. */
export type PlacementState = Placement | undefined

/**
 * When the temporary approval ends now: its fixed expiry; while extended pending an independent review, undefined
 * until the review's outcome is known, then when it became known (STAT-R25-2).
 */
export const currentExpiry = (approval: TemporaryApproval): DateTime.Utc | undefined =>
  approval.pendingReview === undefined ? approval.expiresAt : approval.pendingReview.outcome?.knownAt

/** Whether a fixed expiry has passed at `at` (never, while running until a review's outcome). */
export const hasExpired = (approval: TemporaryApproval, at: DateTime.Utc): boolean => {
  const expiry = currentExpiry(approval)
  return expiry !== undefined && !DateTime.lessThan(at, expiry)
}

/** Whether the child's carers are temporarily approved at `at`: placed, not ended, before expiry. */
export const approvalActiveAt = (placement: Placement, at: DateTime.Utc): boolean => {
  if (placement.status !== "placed" || placement.approval === undefined) return false
  if (DateTime.lessThan(at, placement.approval.startsAt)) return false
  const expiry = currentExpiry(placement.approval)
  return expiry === undefined || DateTime.lessThan(at, expiry)
}

/** STAT-S46: police protection was recorded and no outcome that ends it (returned, s20, an order) has been. */
export const isUnderPoliceProtection = (placement: Placement): boolean =>
  placement.policePowers?.underPoliceProtection === true && placement.policeProtectionEnded === undefined

/** What a person reading the placement at `at` should be told about the carers' approval (STAT-R24, STAT-R25-4). */
export type ApprovalStanding = "not_placed" | "approved" | "extended" | "pending_review" | "expired" | "ended"

/** STAT-R25-4: once the approval in force has run out, the placement no longer shows as approved. */
export const approvalStandingAt = (placement: Placement, at: DateTime.Utc): ApprovalStanding => {
  if (placement.status === "ended") return "ended"
  if (placement.status !== "placed" || placement.approval === undefined) return "not_placed"
  if (placement.approval.pendingReview !== undefined && placement.approval.pendingReview.outcome === undefined) return "pending_review"
  if (hasExpired(placement.approval, at)) return "expired"
  return placement.approval.extension === undefined ? "approved" : "extended"
}

/** STAT-S20-CONSENT: the child is accommodated under s20 on consent recorded in full and not withdrawn. */
export const hasS20Basis = (placement: Placement): boolean =>
  placement.s20Accommodation !== undefined && placement.s20Accommodation.withdrawn === undefined
