import { BasicTestAnswers, ChildId, ConnectedCarer, EndReason, ParentalConsent, PlacementId, Placements, PoliceProtectionOutcome } from "@carepanel/core"
import { Schema } from "effect"
import { optional } from "../../graphql/decodeInput.js"
import { builder } from "../builder.js"
import { placementRefusals } from "../errors/refusals.js"
import { commandMutation, type InputFields } from "../mutation.js"
import { using } from "../run.js"
import { EndReasonEnum, PoliceProtectionOutcomeEnum } from "../shared/enums.js"
import { PlacementRef } from "./placementType.js"

const type = PlacementRef
const refusals = placementRefusals
const ById = Schema.Struct({ placementId: PlacementId })
const placementIdFields: InputFields = (t) => ({ placementId: t.id({ required: true }) })

commandMutation("recordBasicTest", {
  description: "Starts a placement record with the basic test (Lincolnshire: LIN-14; elsewhere DEF-R24-PROCEDURE); all three answers no closes it at once.",
  type,
  refusals,
  fields: (t) => ({
      childId: t.id({ required: true }),
      wouldRefuseToSupportReturnHome: t.boolean({ required: true }),
      wouldAskPoliceToUsePoliceProtection: t.boolean({ required: true }),
      wouldSeekLegalAdviceToStartCareProceedings: t.boolean({ required: true })
    }),
  schema: Schema.Struct({ childId: ChildId, ...BasicTestAnswers.fields }),
  execute: (actor, { childId, ...answers }) => using(Placements, (placements) => placements.recordBasicTest(actor, childId, answers))
})

commandMutation("recordPolicePowers", {
  description: "Records whether the child is under police protection, and since when.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), underPoliceProtection: t.boolean({ required: true }), since: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ placementId: PlacementId, underPoliceProtection: Schema.Boolean, since: optional(Schema.DateTimeUtc) }),
  execute: (actor, { placementId, underPoliceProtection, since }) =>
    using(Placements, (placements) => placements.recordPolicePowers(actor, placementId, underPoliceProtection, since))
})

const CarerInput = builder.inputType("ConnectedCarerInput", {
  fields: (t) => ({ name: t.string({ required: true }), relationship: t.string({ required: true }), hasParentalResponsibility: t.boolean({ required: true }) })
})

commandMutation("recordPlacementMade", {
  description: "Records the placement with connected-person carers; the temporary approval starts then.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), placedAt: t.field({ type: "DateTime", required: true }), carers: t.field({ type: [CarerInput], required: true }) }),
  schema: Schema.Struct({ placementId: PlacementId, placedAt: Schema.DateTimeUtc, carers: Schema.NonEmptyArray(ConnectedCarer) }),
  execute: (actor, { placementId, placedAt, carers }) => using(Placements, (placements) => placements.recordPlacementMade(actor, placementId, placedAt, carers))
})

commandMutation("recordViabilityAssessment", {
  description: "The viability assessment is written up (Lincolnshire: LIN-16; elsewhere DEF-R24-PROCEDURE).",
  type,
  refusals,
  fields: placementIdFields,
  schema: ById,
  execute: (actor, { placementId }) => using(Placements, (placements) => placements.recordViabilityAssessment(actor, placementId))
})

commandMutation("authorisePlacement", {
  description: "The locality service manager authorises the placement (Lincolnshire: LIN-17; elsewhere DEF-R24-PROCEDURE).",
  type,
  refusals,
  fields: placementIdFields,
  schema: ById,
  execute: (actor, { placementId }) => using(Placements, (placements) => placements.authorisePlacement(actor, placementId))
})

commandMutation("recordKinshipReferral", {
  description: "The viability assessment and signed BACS form go to the kinship team (Lincolnshire: LIN-18; elsewhere DEF-R24-PROCEDURE).",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), bacsFormSigned: t.boolean({ required: true }) }),
  schema: Schema.Struct({ placementId: PlacementId, bacsFormSigned: Schema.Boolean }),
  execute: (actor, { placementId, bacsFormSigned }) => using(Placements, (placements) => placements.recordKinshipReferral(actor, placementId, bacsFormSigned))
})

commandMutation("recordLookedAfterConsent", {
  description: "The Assistant Director consents to looked-after status (Lincolnshire: LIN-14; elsewhere DEF-R24-PROCEDURE).",
  type,
  refusals,
  fields: placementIdFields,
  schema: ById,
  execute: (actor, { placementId }) => using(Placements, (placements) => placements.recordLookedAfterConsent(actor, placementId))
})

commandMutation("recordS20Consent", {
  description: "s20 consent, signed by the carers with parental responsibility (by name) (Lincolnshire: LIN-14; elsewhere DEF-R24-PROCEDURE).",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), signedBy: t.stringList({ required: true }) }),
  schema: Schema.Struct({ placementId: PlacementId, signedBy: Schema.NonEmptyArray(Schema.NonEmptyTrimmedString) }),
  execute: (actor, { placementId, signedBy }) => using(Placements, (placements) => placements.recordS20Consent(actor, placementId, signedBy))
})

commandMutation("recordPoliceProtectionOutcome", {
  description:
    "STAT-S46: how police protection ended (returned home; accommodated under s20 with recorded consent; an EPO or interim care order), and when (default now). The only thing that meets the 72-hour clock.",
  type,
  refusals,
  fields: (t) => ({
    placementId: t.id({ required: true }),
    outcome: t.field({ type: PoliceProtectionOutcomeEnum, required: true }),
    endedAt: t.field({ type: "DateTime" })
  }),
  schema: Schema.Struct({ placementId: PlacementId, outcome: PoliceProtectionOutcome, endedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { placementId, outcome, endedAt }) =>
    using(Placements, (placements) => placements.recordPoliceProtectionOutcome(actor, placementId, outcome, endedAt))
})

const ParentalConsentInput = builder.inputType("ParentalConsentInput", {
  description: "STAT-S20-CONSENT: one person with parental responsibility consenting to s20 accommodation.",
  fields: (t) => ({
    name: t.string({ required: true }),
    relationship: t.string({ required: true }),
    consentGivenAt: t.field({ type: "DateTime", required: true }),
    consentGivenTo: t.string({ required: true }),
    toldOfRightToObjectAndRemove: t.boolean({ required: true })
  })
})

commandMutation("recordS20Accommodation", {
  description:
    "STAT-S20-CONSENT: accommodation under s20, with each consent in full and the child's wishes and feelings (or why they could not be ascertained); refused naming what is missing.",
  type,
  refusals,
  fields: (t) => ({
    placementId: t.id({ required: true }),
    consents: t.field({ type: [ParentalConsentInput], required: true }),
    childWishesAndFeelings: t.string(),
    childWishesNotAscertainedBecause: t.string()
  }),
  schema: Schema.Struct({
    placementId: PlacementId,
    consents: Schema.Array(ParentalConsent),
    childWishesAndFeelings: optional(Schema.String),
    childWishesNotAscertainedBecause: optional(Schema.String)
  }),
  execute: (actor, { placementId, consents, childWishesAndFeelings, childWishesNotAscertainedBecause }) => {
    const childWishes =
      childWishesAndFeelings !== undefined
        ? { _tag: "Ascertained" as const, wishesAndFeelings: childWishesAndFeelings }
        : childWishesNotAscertainedBecause !== undefined
          ? { _tag: "NotAscertained" as const, why: childWishesNotAscertainedBecause }
          : undefined
    return using(Placements, (placements) =>
      placements.recordS20Accommodation(actor, placementId, { consents, ...(childWishes === undefined ? {} : { childWishes }) })
    )
  }
})

commandMutation("recordS20ConsentWithdrawn", {
  description:
    "s20(8): a person with parental responsibility withdrew consent at `withdrawnAt` (now unless given); the s20 basis ends and an urgent alert goes out. Refused in the future or before the s20 accommodation began.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), withdrawnBy: t.string({ required: true }), withdrawnAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ placementId: PlacementId, withdrawnBy: Schema.NonEmptyTrimmedString, withdrawnAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { placementId, withdrawnBy, withdrawnAt }) =>
    using(Placements, (placements) => placements.recordS20ConsentWithdrawn(actor, placementId, withdrawnBy, withdrawnAt))
})

commandMutation("recordPlacementReconsidered", {
  description: "STAT-R25-3: before an extension, the placement reconsidered: whether it is still the most appropriate, and why.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), stillMostAppropriate: t.boolean({ required: true }), reasons: t.string({ required: true }) }),
  schema: Schema.Struct({ placementId: PlacementId, stillMostAppropriate: Schema.Boolean, reasons: Schema.NonEmptyTrimmedString }),
  execute: (actor, { placementId, stillMostAppropriate, reasons }) =>
    using(Placements, (placements) => placements.recordPlacementReconsidered(actor, placementId, stillMostAppropriate, reasons))
})

commandMutation("recordFosteringPanelViewsSought", {
  description: "STAT-R25-3: before an extension, the fostering panel's views were sought.",
  type,
  refusals,
  fields: placementIdFields,
  schema: ById,
  execute: (actor, { placementId }) => using(Placements, (placements) => placements.recordFosteringPanelViewsSought(actor, placementId))
})

commandMutation("recordIroInformed", {
  description: "STAT-R25-3: before an extension, the child's Independent Reviewing Officer (named) was informed.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), iroName: t.string({ required: true }) }),
  schema: Schema.Struct({ placementId: PlacementId, iroName: Schema.NonEmptyTrimmedString }),
  execute: (actor, { placementId, iroName }) => using(Placements, (placements) => placements.recordIroInformed(actor, placementId, iroName))
})

commandMutation("extendApproval", {
  description:
    "STAT-R25-1/3: the one extension of the temporary approval, in whole weeks, by the nominated officer the authority's policy names, once the reconsideration, the fostering panel's views and the IRO are recorded.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), weeks: t.int({ required: true }) }),
  schema: Schema.Struct({ placementId: PlacementId, weeks: Schema.Int.pipe(Schema.positive()) }),
  execute: (actor, { placementId, weeks }) => using(Placements, (placements) => placements.extendApproval(actor, placementId, weeks))
})

commandMutation("extendApprovalPendingReview", {
  description: "STAT-R25-2/3: the approval runs on until an independent review's outcome; by the nominated officer, once the STAT-R25-3 steps are recorded.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), fullAssessmentRefused: t.boolean({ required: true }), independentReviewSought: t.boolean({ required: true }) }),
  schema: Schema.Struct({ placementId: PlacementId, fullAssessmentRefused: Schema.Boolean, independentReviewSought: Schema.Boolean }),
  execute: (actor, { placementId, ...facts }) => using(Placements, (placements) => placements.extendPendingReview(actor, placementId, facts))
})

commandMutation("recordIndependentReviewOutcome", {
  description:
    "STAT-R25-2: the outcome of the independent review the approval was extended for, known at `knownAt` (now unless given). Carers approved end the Regulation 24 placement as approved foster carers; otherwise the temporary approval ends then and the placement must end once other accommodation is arranged (STAT-R25-4).",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), carersApproved: t.boolean({ required: true }), knownAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ placementId: PlacementId, carersApproved: Schema.Boolean, knownAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { placementId, carersApproved, knownAt }) =>
    using(Placements, (placements) => placements.recordIndependentReviewOutcome(actor, placementId, carersApproved, knownAt))
})

commandMutation("endPlacement", {
  description:
    "Ends the placement, with the reason, at `endedAt` (when the child left; now unless given): its clocks and a looked-after period it ends stop then. Refused in the future, before the placement began, or before a visit or other step recorded on it.",
  type,
  refusals,
  fields: (t) => ({ placementId: t.id({ required: true }), reason: t.field({ type: EndReasonEnum, required: true }), endedAt: t.field({ type: "DateTime" }) }),
  schema: Schema.Struct({ placementId: PlacementId, reason: EndReason, endedAt: optional(Schema.DateTimeUtc) }),
  execute: (actor, { placementId, reason, endedAt }) => using(Placements, (placements) => placements.end(actor, placementId, reason, endedAt))
})
