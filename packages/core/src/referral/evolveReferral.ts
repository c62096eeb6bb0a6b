import type { Referral, ReferralState } from "./Referral.js"
import type { ReferralEvent } from "./ReferralEvents.js"
import { afterLatestHearing, withRevisedHearing } from "./hearings.js"

const withStatus = (referral: Referral, status: Referral["status"]): Referral => ({ ...referral, status })

/** Folds one event into the request. Total: an event that does not fit leaves the state as it was. */
export const evolveReferral = (state: ReferralState, event: ReferralEvent): ReferralState => {
  if (event._tag === "DraftCreated") {
    return {
      id: event.referralId,
      authorityId: event.authorityId,
      status: "draft",
      form: event.form,
      documents: [],
      createdAt: event.at,
      createdBy: event.by,
      pendingApprovals: [],
      approvals: [],
      criteria: [],
      presentationOptional: [],
      latePermissions: [],
      hearings: []
    }
  }
  if (state === undefined) return state
  switch (event._tag) {
    case "DraftEdited":
      return { ...state, form: event.form }
    case "DocumentRecorded":
      return {
        ...state,
        documents: [...state.documents.filter((d) => d.documentId !== event.document.documentId), event.document]
      }
    case "ReferralSubmitted": {
      const ready = event.approvalsNeeded.length === 0
      return {
        ...withStatus(state, ready ? "ready" : "awaiting_approval"),
        submittedAt: event.at,
        criteria: event.criteria,
        presentationOptional: event.presentationOptional,
        pendingApprovals: event.approvalsNeeded,
        approvals: [],
        ...(ready ? { readyAt: event.at } : {})
      }
    }
    case "ReferralApproved": {
      const pendingApprovals = state.pendingApprovals.slice(1)
      const ready = pendingApprovals.length === 0
      return {
        ...withStatus(state, ready ? "ready" : "awaiting_approval"),
        pendingApprovals,
        approvals: [...state.approvals, { role: event.role, ruleId: event.ruleId, by: event.by, at: event.at }],
        ...(ready ? { readyAt: event.at } : {})
      }
    }
    case "ReturnedForChanges": {
      const { readyAt: _readyAt, ...rest } = state
      return { ...rest, status: "draft", pendingApprovals: [], approvals: [] }
    }
    case "LatePermissionGranted":
      return {
        ...state,
        latePermissions: [...state.latePermissions, { sittingId: event.sittingId, by: event.by, reason: event.reason }]
      }
    case "AcceptedOntoSitting": {
      const { cancelledSitting: _earlier, ...rest } = state
      return { ...withStatus(rest, "accepted"), sittingId: event.sittingId, acceptedLate: event.late }
    }
    case "LeftCancelledSitting": {
      const { sittingId: _sittingId, acceptedLate: _late, ...rest } = state
      return { ...withStatus(rest, "ready"), cancelledSitting: { sittingId: event.sittingId, date: event.sittingDate } }
    }
    case "ReferralHeard":
      return afterLatestHearing(state, [
        ...state.hearings,
        { decisionId: event.decisionId, outcome: event.outcome, at: event.at, ...(event.sittingId ? { sittingId: event.sittingId } : {}) }
      ])
    case "HearingRevised":
      return withRevisedHearing(state, event.decisionId, event.outcome)
    case "ReferralWithdrawn":
      return { ...withStatus(state, "withdrawn"), closedReason: event.reason }
    case "ReferralRedirected":
      return {
        ...withStatus(state, "redirected"),
        closedReason: event.reason,
        ...(event.redirectTo === undefined ? {} : { redirectedTo: event.redirectTo })
      }
  }
}
