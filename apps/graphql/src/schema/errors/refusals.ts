import * as core from "@carepanel/core"
import { refusalType } from "./domainError.js"

/** Refusals any command may meet. */
refusalType("NotPermitted", core.NotPermitted, { action: "string", allowed: "roles" }, "The caller holds none of the roles this needs.")
refusalType("NotFound", core.NotFound, { what: "string", id: "string" }, "No such record: missing, or another authority's (the same answer either way).")
refusalType("InvalidInput", core.InvalidInput, { problems: "problems" }, "The input was refused before it reached the domain; nothing was saved.")
refusalType("ConcurrencyConflict", core.ConcurrencyConflict, {}, "Someone else changed the record at the same time; nothing was saved.")

const ruled = { ruleId: "string" } as const

/** The panel request's refusals. */
export const referralRefusals = [
  refusalType("ReferralNotInStatus", core.ReferralNotInStatus, { status: "string" }),
  refusalType("ReferralAlreadyExists", core.ReferralAlreadyExists, { referralId: "string" }),
  refusalType("IncompleteRequest", core.IncompleteRequest, { missing: "missing" }),
  refusalType("MissingDocuments", core.MissingDocuments, { missing: "missing" }),
  refusalType("OutOfScope", core.OutOfScope, { ...ruled, redirectTo: "optionalString" }),
  refusalType("NotNextApprover", core.NotNextApprover, { waitingFor: "string" }),
  refusalType("LateRequest", core.LateRequest, { ...ruled, deadline: "string" }),
  refusalType("LatePermissionNotAllowed", core.LatePermissionNotAllowed, ruled),
  refusalType("WrongSitting", core.WrongSitting),
  refusalType("AlreadyHeard", core.AlreadyHeard, { decisionId: "string" }),
  refusalType("RedirectNotAllowed", core.RedirectNotAllowed, ruled)
]

export const sittingRefusals = [
  refusalType("SittingNotInState", core.SittingNotInState),
  refusalType("SittingAlreadyScheduled", core.SittingAlreadyScheduled),
  refusalType("AgendaFull", core.AgendaFull, { ...ruled, capacity: "int", requested: "int" }),
  refusalType("ObserverNeedsChairAgreement", core.ObserverNeedsChairAgreement, ruled),
  refusalType("NotTheChair", core.NotTheChair),
  refusalType("DeputyMustNameSeat", core.DeputyMustNameSeat, ruled),
  refusalType("DeputyCannotStandIn", core.DeputyCannotStandIn, { ruleId: "optionalString" }),
  refusalType("QuorumNotMet", core.QuorumNotMet, { ...ruled, present: "int", needed: "int" })
]

export const decisionRefusals = [
  refusalType("DecisionAlreadyRecorded", core.DecisionAlreadyRecorded),
  refusalType("IncompleteDecision", core.IncompleteDecision, { missing: "missing" }),
  refusalType("DecisionIsFinal", core.DecisionIsFinal),
  refusalType("DecisionNotFinal", core.DecisionNotFinal),
  refusalType("NotTheRightPerson", core.NotTheRightPerson, { ruleId: "optionalString" }),
  refusalType("NoSuchAction", core.NoSuchAction),
  refusalType("ActionAlreadyClosed", core.ActionAlreadyClosed),
  refusalType("ActionsNotUpdated", core.ActionsNotUpdated, { actionIds: "strings" }),
  refusalType("NotApplicable", core.NotApplicable),
  refusalType("NotOnAgenda", core.NotOnAgenda),
  refusalType("SittingNotHeld", core.SittingNotHeld, { reason: "string" }),
  refusalType("ReturnOverdue", core.ReturnOverdue, { ...ruled, due: "string" })
]

export const disagreementRefusals = [
  refusalType("DisagreementAlreadyExists", core.DisagreementAlreadyExists, { disagreementId: "string" }),
  refusalType("DisagreementNotInStatus", core.DisagreementNotInStatus, { status: "string" }),
  refusalType("DisagreementDetailMissing", core.DisagreementDetailMissing, { ...ruled, field: "string" }),
  refusalType("NotTheDissentingMember", core.NotTheDissentingMember, ruled),
  refusalType("AreasNotNoted", core.AreasNotNoted, ruled),
  refusalType("EscalationOutOfOrder", core.EscalationOutOfOrder, { ...ruled, step: "string" }),
  refusalType("WrongPersonForStep", core.WrongPersonForStep, { ...ruled, step: "string" }),
  refusalType("NotYetWithAssistantDirector", core.NotYetWithAssistantDirector, ruled),
  refusalType("NotAPanelDecision", core.NotAPanelDecision, ruled),
  refusalType("DissentDoesNotMatchDecision", core.DissentDoesNotMatchDecision, { field: "string" }),
  refusalType("MemberNotAtSitting", core.MemberNotAtSitting, { ...ruled, attendance: "string" })
]

export const placementRefusals = [
  refusalType("PlacementAlreadyExists", core.PlacementAlreadyExists, { placementId: "string" }),
  refusalType("PlacementNotInStatus", core.PlacementNotInStatus, { status: "string" }),
  refusalType("AlreadyRecorded", core.AlreadyRecorded, { what: "string" }),
  refusalType("NotYetHappened", core.NotYetHappened),
  refusalType("ViabilityAssessmentNeeded", core.ViabilityAssessmentNeeded, ruled),
  refusalType("KinshipReferralIncomplete", core.KinshipReferralIncomplete, { missing: "missing" }),
  refusalType("S20ConsentNeedsParentalResponsibility", core.S20ConsentNeedsParentalResponsibility, { ...ruled, notEligible: "strings" }),
  refusalType("AlreadyExtended", core.AlreadyExtended, ruled),
  refusalType("InvalidExtension", core.InvalidExtension, { ...ruled, maxWeeks: "int" }),
  refusalType("ApprovalExpired", core.ApprovalExpired, { ...ruled, expiredAt: "string" }),
  refusalType("NoReviewPending", core.NoReviewPending, ruled),
  refusalType("ExtensionConditionsNotMet", core.ExtensionConditionsNotMet, { ...ruled, missing: "strings" }),
  refusalType("EndReasonNotApplicable", core.EndReasonNotApplicable, { ruleId: "optionalString" }),
  refusalType("PlacementEndRefused", core.PlacementEndRefused, { stepsAfter: "strings" }),
  refusalType("PoliceProtectionOutcomeRefused", core.PoliceProtectionOutcomeRefused, ruled),
  refusalType("NotNominatedOfficer", core.NotNominatedOfficer, ruled),
  refusalType("InvalidExtensionStep", core.InvalidExtensionStep, { ...ruled, field: "string" }),
  refusalType("S20ConsentIncomplete", core.S20ConsentIncomplete, { ...ruled, missing: "strings" }),
  refusalType("VisitRefused", core.VisitRefused, { ...ruled, reason: "string", field: "string" }),
  refusalType("PlacementPlanRefused", core.PlacementPlanRefused, { ...ruled, reason: "string" }),
  refusalType("FirstReviewRefused", core.FirstReviewRefused, { ...ruled, reason: "string" }),
  // The child's record, changed in the same transaction, refuses a period beginning for a child recorded as dead.
  refusalType("LookedAfterRefused", core.LookedAfterRefused, ruled)
]

/** A child's statutory record's refusals (STAT-S44, STAT-S25, STAT-S31, STAT-PLO, legal status, STAT-R33). */
export const childRecordRefusals = [
  core.NotYetHappened,
  refusalType("EpoPeriodRefused", core.EpoPeriodRefused, { ...ruled, maxDays: "int" }),
  refusalType("EpoNotInForce", core.EpoNotInForce, ruled),
  refusalType("SecureAccommodationRefused", core.SecureAccommodationRefused, ruled),
  refusalType("ProceedingsRefused", core.ProceedingsRefused, ruled),
  refusalType("ChildFactRefused", core.ChildFactRefused, ruled),
  refusalType("LegalStatusRefused", core.LegalStatusRefused, { code: "string" }),
  core.LookedAfterRefused,
  refusalType("EntryWithdrawalRefused", core.EntryWithdrawalRefused, ruled, "A withdrawal without a reason, of an entry never recorded, or of one already withdrawn; nothing was changed.")
]

/** Refusals every mutation may meet besides its own (NotPermitted, NotFound and InvalidInput are in every union). */
export const commonRefusals = [core.ConcurrencyConflict]
