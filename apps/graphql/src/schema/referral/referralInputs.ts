import type { InputFields } from "../mutation.js"
import { ExceptionalAccommodationInput, SeniorInputInput } from "./carePlanningFields.js"
import { builder } from "../builder.js"
import { DocumentKindEnum, ParentalHistoryKindEnum, PlanTypeEnum, PresentationReasonEnum, RequestTypeEnum } from "../shared/enums.js"

export const StaffInput = builder.inputType("StaffInput", {
  description: "A member of staff: their id in your directory and their name.",
  fields: (t) => ({ personId: t.id({ required: true }), name: t.string({ required: true }) })
})

const EhcpInput = builder.inputType("EhcpInput", {
  fields: (t) => ({ issued: t.field({ type: "Date" }), lastReviewed: t.field({ type: "Date" }) })
})

export const ChildInput = builder.inputType("ChildInput", {
  description: "A child on the request. Use your case system's child id; the name is shown only to those allowed to see it.",
  fields: (t) => ({
    childId: t.id({ required: true }),
    fullName: t.string({ required: true }),
    dateOfBirth: t.field({ type: "Date" }),
    gender: t.string(),
    caseNumber: t.string(),
    legalStatus: t.string({ description: "SSDA903 legal status code, e.g. V2 or C1." }),
    ethnicity: t.string(),
    plan: t.field({ type: PlanTypeEnum }),
    planStarted: t.field({ type: "Date", description: "When the current plan started (SUP-2: a child protection plan of more than 18 months)." }),
    disabled: t.boolean(),
    unaccompaniedAsylumSeeking: t.boolean(),
    specialEducationalNeeds: t.boolean(),
    ehcp: t.field({ type: EhcpInput }),
    engagingInEducation: t.boolean(),
    homeAddress: t.string(),
    placementAddress: t.string(),
    placementType: t.string(),
    carer: t.string()
  })
})

const PreviousPresentationInput = builder.inputType("PreviousPresentationInput", {
  fields: (t) => ({ date: t.field({ type: "Date", required: true }), outcome: t.string({ required: true }) })
})

const ParentalHistoryInput = builder.inputType("ParentalHistoryInput", {
  description: "SUP-3, LIN-2: a parent's or caregiver's criminal conviction, or care proceedings about a connected child, with its date.",
  fields: (t) => ({
    parent: t.string({ required: true }),
    kind: t.field({ type: ParentalHistoryKindEnum, required: true }),
    date: t.field({ type: "Date", required: true }),
    detail: t.string({ required: true })
  })
})

const ReviewOutcomeInput = builder.inputType("ReviewOutcomeInput", {
  description: "NSO-4: the date and outcome of the last child in care, child in need or child protection review.",
  fields: (t) => ({ date: t.field({ type: "Date", required: true }), outcome: t.string({ required: true }) })
})

const ConsultationInput = builder.inputType("TeamManagerConsultationInput", {
  description: "KNO-4: when the social worker discussed the family with their team manager, and where it is recorded.",
  fields: (t) => ({ date: t.field({ type: "Date", required: true }), recordedIn: t.string({ required: true }) })
})

/** The request form (decoded with core's ReferralForm). A draft may be incomplete; submission checks the rest. */
export const ReferralFormInput = builder.inputType("ReferralFormInput", {
  fields: (t) => ({
    panelId: t.id({ required: true }),
    teamId: t.id(),
    socialWorker: t.field({ type: StaffInput, required: true }),
    teamManager: t.field({ type: StaffInput }),
    children: t.field({ type: [ChildInput], required: true }),
    requestTypes: t.field({ type: [RequestTypeEnum], required: true }),
    request: t.string({ description: "What the panel is asked for." }),
    reason: t.string({ description: "Why: the reason for the referral." }),
    presentationReasons: t.field({
      type: [PresentationReasonEnum],
      description: "Reasons the social worker judges; a reason the policy works out from facts needs those facts recorded too."
    }),
    proposedPlan: t.string(),
    caseSummary: t.string(),
    currentSituation: t.string(),
    workingWell: t.string(),
    worries: t.string(),
    needsToChange: t.string(),
    workAlreadyDone: t.string(),
    expectedOutcome: t.string(),
    durationAndExit: t.string(),
    annualCostPence: t.int(),
    partOfCareProceedings: t.boolean({ description: "Care proceedings about a child on the request are under way (NSO-7)." }),
    respiteOrFamilySupport: t.boolean({
      description: "NSO-7: whether the request asks for respite or family support, whatever type it is filed as; asked where it decides the panel."
    }),
    previousPresentations: t.field({ type: [PreviousPresentationInput] }),
    parentalHistory: t.field({ type: [ParentalHistoryInput] }),
    lastReviewOutcome: t.field({ type: ReviewOutcomeInput }),
    childWishes: t.string({ description: "NSO-6: the child's wishes and feelings." }),
    parentsViews: t.string({ description: "The parents' views." }),
    teamManagerConsultation: t.field({ type: ConsultationInput }),
    seniorInput: t.field({ type: [SeniorInputInput], description: "CPR-4: the IRO's and the Head of Service's input, where the policy asks for it." }),
    exceptionalAccommodation: t.field({ type: ExceptionalAccommodationInput })
  })
})

export const DocumentInput = builder.inputType("DocumentInput", {
  fields: (t) => ({
    documentId: t.id({ required: true }),
    kind: t.field({ type: DocumentKindEnum, required: true }),
    title: t.string({ required: true })
  })
})

/** Inputs that name a request and, for most commands, give a reason. */
export const referralIdFields: InputFields = (t) => ({ referralId: t.id({ required: true }) })
export const referralReasonFields: InputFields = (t) => ({ referralId: t.id({ required: true }), reason: t.string({ required: true }) })
