import type { PlacementState } from "./Placement.js"
import type { PlacementEvent } from "./PlacementEvents.js"
import { evolveVisits } from "../visits/evolveVisits.js"

/** Folds one event into the placement. Total: an event that does not fit leaves the state as it was. */
export const evolvePlacement = (state: PlacementState, event: PlacementEvent): PlacementState => {
  if (event._tag === "BasicTestRecorded") {
    return {
      id: event.placementId,
      authorityId: event.authorityId,
      childId: event.childId,
      status: event.isRegulation24 ? "identified" : "not_regulation24",
      basicTest: { answers: event.answers, isRegulation24: event.isRegulation24, by: event.by, at: event.at },
      urgent: false
    }
  }
  if (state === undefined) return state
  const recorded = { by: event.by, at: event.at }
  switch (event._tag) {
    case "PolicePowersRecorded":
      return {
        ...state,
        policePowers: {
          underPoliceProtection: event.underPoliceProtection,
          ...(event.since === undefined ? {} : { since: event.since }),
          ...recorded
        },
        urgent: state.urgent || event.underPoliceProtection
      }
    case "PoliceProtectionEnded":
      return { ...state, policeProtectionEnded: { outcome: event.outcome, endedAt: event.endedAt, ...recorded } }
    case "PlacementMade":
      return {
        ...state,
        status: "placed",
        placement: { placedAt: event.placedAt, carers: event.carers, ...recorded },
        approval: { startsAt: event.placedAt, originalExpiresAt: event.approvalExpiresAt, expiresAt: event.approvalExpiresAt }
      }
    case "ViabilityAssessmentRecorded":
      return { ...state, viabilityAssessment: { late: event.late, ...recorded } }
    case "PlacementAuthorised":
      return { ...state, authorisation: recorded }
    case "KinshipReferralSent":
      return { ...state, kinshipReferral: { late: event.late, ...recorded } }
    case "LookedAfterConsentGiven":
      return { ...state, lookedAfterConsent: recorded }
    case "S20ConsentSigned":
      return { ...state, s20Consent: { signedBy: event.signedBy, ...recorded } }
    case "S20AccommodationRecorded":
      return { ...state, s20Accommodation: { consents: event.consents, childWishes: event.childWishes, ...recorded } }
    case "S20ConsentWithdrawn":
      if (state.s20Accommodation === undefined) return state
      // Urgent only while the placement is open: nothing clears the flag on an ended one (PlacementFilter.urgent).
      return { ...state, urgent: state.urgent || state.status !== "ended", s20Accommodation: { ...state.s20Accommodation, withdrawn: { withdrawnBy: event.withdrawnBy, withdrawnAt: event.withdrawnAt ?? event.at, ...recorded } } }
    case "PlacementReconsidered":
      return { ...state, extensionGrounds: { ...state.extensionGrounds, reconsidered: { stillMostAppropriate: event.stillMostAppropriate, reasons: event.reasons, ...recorded } } }
    case "FosteringPanelViewsSought":
      return { ...state, extensionGrounds: { ...state.extensionGrounds, fosteringPanelViewsSought: recorded } }
    case "IroInformed":
      return { ...state, extensionGrounds: { ...state.extensionGrounds, iroInformed: { iroName: event.iroName, ...recorded } } }
    case "ApprovalExtended": {
      if (state.approval === undefined) return state
      const { extensionGrounds: _used, ...rest } = state
      return {
        ...rest,
        approval: {
          ...state.approval,
          expiresAt: event.expiresAt,
          extension: {
            weeks: event.weeks,
            ...(event.conditions === undefined ? {} : { conditions: event.conditions }),
            ...(event.grounds === undefined ? {} : { grounds: event.grounds }),
            ...recorded
          }
        }
      }
    }
    case "ApprovalExtendedPendingReview": {
      if (state.approval === undefined) return state
      const { extensionGrounds: _used, ...rest } = state
      return { ...rest, approval: { ...state.approval, pendingReview: { ...(event.grounds === undefined ? {} : { grounds: event.grounds }), ...recorded } } }
    }
    case "IndependentReviewOutcomeRecorded": {
      const pendingReview = state.approval?.pendingReview
      if (pendingReview === undefined) return state
      const outcome = { carersApproved: event.carersApproved, knownAt: event.knownAt, ...recorded }
      return { ...state, approval: { ...state.approval!, pendingReview: { ...pendingReview, outcome } } }
    }
    case "PlacementEnded":
      return { ...state, status: "ended", urgent: false, ended: { reason: event.reason, endedAt: event.endedAt ?? event.at, ...recorded } }
    case "VisitRecorded":
    case "PlacementPlanRecorded":
    case "FirstReviewRecorded":
      return evolveVisits(state, event)
  }
}
