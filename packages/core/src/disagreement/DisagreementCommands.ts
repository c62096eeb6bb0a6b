import type { DateTime } from "effect"
import type { Authorised } from "../shared/authorise.js"
import type { DecisionId, DisagreementId, ReferralId, SittingId } from "../shared/ids.js"
import type { DisagreementOutcome, DisagreementParty, DissentSubject, EscalationStep } from "./DisagreementEvents.js"

/** Every command carries an authorised actor and the instant it happens. */
interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
}

/** CPR-7: who dissents, from which decision, from what in it, and why. */
export interface DissentDetails {
  readonly decisionId: DecisionId
  readonly referralId: ReferralId
  readonly sittingId: SittingId
  readonly member: DisagreementParty
  readonly dissentsFrom: DissentSubject
  readonly grounds: string
}

export interface OutcomeDetails {
  readonly outcome: DisagreementOutcome
  readonly rationale: string
  /** LIN-13: the Assistant Director the chair agreed the outcome with; needed when the chair records it. */
  readonly agreedWith?: DisagreementParty
}

export type DisagreementCommand =
  | (Base & { readonly _tag: "RecordDissent"; readonly disagreementId: DisagreementId } & DissentDetails)
  | (Base & { readonly _tag: "NoteAreasOfDisagreement"; readonly areas: ReadonlyArray<string> })
  | (Base & { readonly _tag: "Escalate"; readonly step: EscalationStep; readonly to: DisagreementParty })
  | (Base & { readonly _tag: "RecordOutcome" } & OutcomeDetails)
  | (Base & { readonly _tag: "Withdraw"; readonly reason: string })

export type DisagreementCommandTag = DisagreementCommand["_tag"]
