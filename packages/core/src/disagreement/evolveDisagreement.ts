import type { DisagreementState } from "./Disagreement.js"
import type { DisagreementEvent } from "./DisagreementEvents.js"

/** Folds one event into the disagreement. Total: an event that does not fit leaves the state as it was. */
export const evolveDisagreement = (state: DisagreementState, event: DisagreementEvent): DisagreementState => {
  if (event._tag === "DissentRecorded") {
    return {
      id: event.disagreementId,
      authorityId: event.authorityId,
      decisionId: event.decisionId,
      referralId: event.referralId,
      sittingId: event.sittingId,
      ruleId: event.ruleId,
      route: event.route,
      status: "dissent_recorded",
      member: event.member,
      dissentsFrom: event.dissentsFrom,
      grounds: event.grounds,
      ...(event.attendance === undefined ? {} : { attendance: event.attendance }),
      ...(event.onBehalf === undefined ? {} : { onBehalf: event.onBehalf }),
      recordedAt: event.at,
      recordedBy: event.by,
      areas: [],
      escalations: []
    }
  }
  if (state === undefined) return state
  switch (event._tag) {
    case "AreasOfDisagreementNoted":
      return {
        ...state,
        status: state.status === "dissent_recorded" ? "areas_noted" : state.status,
        areas: [...state.areas, ...event.areas],
        notedAt: state.notedAt ?? event.at
      }
    case "DisagreementEscalated":
      return {
        ...state,
        status: event.step === "member_manager" ? "with_member_manager" : "with_assistant_director",
        escalations: [...state.escalations, { step: event.step, to: event.to, by: event.by, at: event.at }]
      }
    case "DisagreementOutcomeRecorded":
      return {
        ...state,
        status: "outcome_recorded",
        outcome: {
          outcome: event.outcome,
          rationale: event.rationale,
          ...(event.agreedWith === undefined ? {} : { agreedWith: event.agreedWith }),
          ...(event.nextSteps === undefined ? {} : { nextSteps: event.nextSteps }),
          by: event.by,
          at: event.at
        }
      }
    case "DissentWithdrawn":
      return { ...state, status: "withdrawn", withdrawn: { reason: event.reason, by: event.by, at: event.at } }
  }
}
