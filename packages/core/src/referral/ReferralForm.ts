import { Schema } from "effect"
import { LocalDate } from "../calendar/LocalDate.js"
import { PresentationReason } from "../policy/ReferralPolicy.js"
import { RequestType } from "../policy/RequestType.js"
import { ChildId, PanelId, PersonId, TeamId } from "../shared/ids.js"
import { ParentalHistoryEntry, ReviewOutcome } from "./CaseFacts.js"
import { PlanType } from "./PlanType.js"
import { ExceptionalAccommodation } from "./exceptionalAccommodation.js"
import { SeniorInput } from "./seniorInput.js"

const Text = Schema.optional(Schema.String)

export { PlanType }

/** One child on a request (KNO-6, NSO-5): a request may cover several siblings. */
export const ChildDetails = Schema.Struct({
  childId: ChildId,
  fullName: Schema.NonEmptyTrimmedString,
  dateOfBirth: Schema.optional(LocalDate),
  gender: Text,
  /** The case system's number (ICS, LCS, Mosaic). */
  caseNumber: Text,
  /** SSDA903 legal status code, e.g. V2 (single period of s20 accommodation), C1 (interim care order). */
  legalStatus: Text,
  ethnicity: Text,
  plan: Schema.optional(PlanType),
  /** When the child's current plan started: how long they have been on it (SUP-2's 18 months of child protection). */
  planStarted: Schema.optional(LocalDate),
  disabled: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  unaccompaniedAsylumSeeking: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  specialEducationalNeeds: Schema.optional(Schema.Boolean),
  ehcp: Schema.optional(
    Schema.Struct({ issued: Schema.optional(LocalDate), lastReviewed: Schema.optional(LocalDate) })
  ),
  engagingInEducation: Schema.optional(Schema.Boolean),
  homeAddress: Text,
  placementAddress: Text,
  placementType: Text,
  carer: Text
})
export type ChildDetails = typeof ChildDetails.Type

export const StaffRef = Schema.Struct({ personId: PersonId, name: Schema.NonEmptyTrimmedString })

/**
 * The request form: the union of the seeds' forms (KNO-6, NSO-5, LIN-3). A draft may be incomplete;
 * what must be filled in before submission is the authority's choice (`requiredSections`).
 */
export const ReferralForm = Schema.Struct({
  panelId: PanelId,
  teamId: Schema.optional(TeamId),
  socialWorker: StaffRef,
  teamManager: Schema.optional(StaffRef),
  children: Schema.Array(ChildDetails),
  requestTypes: Schema.Array(RequestType),
  /** What the panel is asked for. */
  request: Text,
  /** Why: the reason for the referral. */
  reason: Text,
  presentationReasons: Schema.optionalWith(Schema.Array(PresentationReason), { default: () => [] }),
  proposedPlan: Text,
  caseSummary: Text,
  currentSituation: Text,
  /** Signs of Safety sections. */
  workingWell: Text,
  worries: Text,
  needsToChange: Text,
  workAlreadyDone: Text,
  expectedOutcome: Text,
  /** How long the resource is needed and what happens then (NSO-5). */
  durationAndExit: Text,
  annualCostPence: Schema.optional(Schema.Int.pipe(Schema.nonNegative())),
  /** Care proceedings about a child on the request are under way (NSO-7); an interim care order (C1) or a care proceedings request says so too. */
  partOfCareProceedings: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  /**
   * NSO-7: whether the request asks for respite (short breaks) or family support, whatever type it is filed as;
   * asked where the answer decides which panel hears it (a disabled child, no care proceedings).
   */
  respiteOrFamilySupport: Schema.optional(Schema.Boolean),
  previousPresentations: Schema.optionalWith(
    Schema.Array(Schema.Struct({ date: LocalDate, outcome: Schema.String })),
    { default: () => [] }
  ),
  /** KNO-4: when the social worker discussed the family with their team manager, and where it is recorded. */
  /** SUP-3, LIN-2: convictions and earlier care proceedings of a parent or caregiver, each with its date. */
  parentalHistory: Schema.optionalWith(Schema.Array(ParentalHistoryEntry), { default: () => [] }),
  /** NSO-4: the outcome of the last child in care, child in need or child protection review, where there was one. */
  lastReviewOutcome: Schema.optional(ReviewOutcome),
  /** NSO-6: the child's wishes and feelings (a placement type is agreed taking them into account). */
  childWishes: Text,
  /** The parents' views (North Somerset asks the social worker to be ready to give them). */
  parentsViews: Text,
  teamManagerConsultation: Schema.optional(Schema.Struct({ date: LocalDate, recordedIn: Schema.NonEmptyTrimmedString })),
  /** CPR-4: the input the social worker gathered from the IRO and the Head of Service. */
  seniorInput: Schema.optional(Schema.Array(SeniorInput)),
  /** CPR-5: a hotel or private let: its weekly cost and value for money (a request of type exceptional_accommodation). */
  exceptionalAccommodation: Schema.optional(ExceptionalAccommodation)
})
export type ReferralForm = typeof ReferralForm.Type
