import type { DateTime } from "effect"
import type { Authorised } from "../shared/authorise.js"
import type { S20ConsentRecord } from "../s20/S20Consent.js"
import type { ChildId, PlacementId } from "../shared/ids.js"
import type { VisitCommand } from "../visits/VisitCommands.js"
import type { BasicTestAnswers, ConnectedCarer, EndReason, PoliceProtectionOutcome } from "./Placement.js"

/** Every command carries an authorised actor and the instant it happens. */
interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
}

/** STAT-R25-2, modelled simply: both facts must hold for the approval to run on until the review's outcome. */
export interface ReviewFacts {
  readonly fullAssessmentRefused: boolean
  readonly independentReviewSought: boolean
}

export type PlacementCommand =
  | (Base & { readonly _tag: "RecordBasicTest"; readonly placementId: PlacementId; readonly childId: ChildId; readonly answers: BasicTestAnswers })
  /** `since` defaults to `at`; ignored when the child is not under police protection. */
  | (Base & { readonly _tag: "RecordPolicePowers"; readonly underPoliceProtection: boolean; readonly since?: DateTime.Utc })
  /** STAT-S46: how police protection ended, and when (`endedAt`, defaults to `at`). */
  | (Base & { readonly _tag: "RecordPoliceProtectionOutcome"; readonly outcome: PoliceProtectionOutcome; readonly endedAt?: DateTime.Utc })
  | (Base & {
      readonly _tag: "RecordPlacementMade"
      readonly placedAt: DateTime.Utc
      readonly carers: readonly [ConnectedCarer, ...ConnectedCarer[]]
    })
  | (Base & { readonly _tag: "RecordViabilityAssessment" })
  | (Base & { readonly _tag: "AuthorisePlacement" })
  | (Base & { readonly _tag: "RecordKinshipReferral"; readonly bacsFormSigned: boolean })
  | (Base & { readonly _tag: "RecordLookedAfterConsent" })
  /** The names of the carers with parental responsibility who signed. */
  | (Base & { readonly _tag: "RecordS20Consent"; readonly signedBy: ReadonlyArray<string> })
  /** STAT-S20-CONSENT: accommodation under s20, refused unless every consent and the child's wishes are in full. */
  | (Base & { readonly _tag: "RecordS20Accommodation"; readonly record: S20ConsentRecord })
  /** s20(8): the named person with parental responsibility withdrew consent. */
  /** s20(8): who withdrew consent, and when (`withdrawnAt`, defaults to `at`): the s20 basis ends then. */
  | (Base & { readonly _tag: "RecordS20ConsentWithdrawn"; readonly withdrawnBy: string; readonly withdrawnAt?: DateTime.Utc })
  /** STAT-R25-3's steps, each recorded with who and when before an extension. */
  | (Base & { readonly _tag: "RecordPlacementReconsidered"; readonly stillMostAppropriate: boolean; readonly reasons: string })
  | (Base & { readonly _tag: "RecordFosteringPanelViewsSought" })
  | (Base & { readonly _tag: "RecordIroInformed"; readonly iroName: string })
  /** Made by the authority's nominated officer (STAT-R25-3), once the steps are recorded. */
  | (Base & { readonly _tag: "ExtendApproval"; readonly weeks: number })
  | (Base & { readonly _tag: "ExtendPendingReview"; readonly facts: ReviewFacts })
  /** STAT-R25-2: the review's outcome, known at `knownAt` (defaults to `at`); approved carers end the placement. */
  | (Base & { readonly _tag: "RecordIndependentReviewOutcome"; readonly carersApproved: boolean; readonly knownAt?: DateTime.Utc })
  /** The child left at `endedAt` (defaults to `at`): the placement's clocks and the looked-after period it ends stop then. */
  | (Base & { readonly _tag: "EndPlacement"; readonly reason: EndReason; readonly endedAt?: DateTime.Utc })
  /** STAT-R28 visits, STAT-R9's placement plan and the first looked-after review (`visits/`). */
  | (Base & VisitCommand)

export type PlacementCommandTag = PlacementCommand["_tag"]
