import type { DateTime } from "effect"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { Authorised } from "../shared/authorise.js"
import type { ActionId, DecisionId, DisagreementId, PanelId, PersonId, ReferralId, SittingId } from "../shared/ids.js"
import type { Attendance } from "../sitting/SittingEvents.js"
import type { DisagreementOutcome, DisagreementParty, EscalationStep } from "./DisagreementEvents.js"

/** Every command carries an authorised actor and the instant it happens. */
interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
}

/** What the dissent is from: the whole decision, or one of its recommended actions (by id; its words come from the decision). */
export type DissentFrom =
  | { readonly _tag: "Decision" }
  | { readonly _tag: "RecommendedAction"; readonly actionId: ActionId; readonly action?: string }

/**
 * CPR-7: who dissents, from which decision, from what in it, and why. The request and the sitting are taken from
 * the decision; when the caller names them too, they must be the decision's own.
 */
export interface DissentDetails {
  readonly decisionId: DecisionId
  readonly referralId?: ReferralId
  readonly sittingId?: SittingId
  readonly member: DisagreementParty
  /**
   * KNO-2: the member away whom `member`, present, represents and whose dissent `member` voices. The dissent is then
   * the member away's, recorded as voiced by `member` on their behalf.
   */
  readonly onBehalfOf?: PersonId
  readonly dissentsFrom: DissentFrom
  readonly grounds: string
}

/** The decision a dissent is from, as the use case loaded it: where it was made and, at panel, who attended. */
export interface DissentedDecision {
  readonly decisionId: DecisionId
  readonly referralId: ReferralId
  readonly madeAt: "panel" | "outside_panel"
  readonly actions: ReadonlyArray<{ readonly actionId: ActionId; readonly description: string }>
  /** The sitting it was made at; none for an agreement outside panel. */
  readonly sitting?: {
    readonly sittingId: SittingId
    /** The panel that sat: the rule its cover cites (KNO-2, CPR-3). Absent, no rule is cited. */
    readonly panelId?: PanelId
    readonly date: LocalDate
    readonly attendance: ReadonlyArray<Attendance>
  }
}

export interface OutcomeDetails {
  readonly outcome: DisagreementOutcome
  readonly rationale: string
  /** LIN-13: the Assistant Director the chair agreed the outcome with; needed when the chair records it. */
  readonly agreedWith?: DisagreementParty
  /** What happens to the decision now; required when it is varied or overturned (who amends it, what changes). */
  readonly nextSteps?: string
}

export type DisagreementCommand =
  | (Base & { readonly _tag: "RecordDissent"; readonly disagreementId: DisagreementId; readonly decision: DissentedDecision } & Omit<DissentDetails, "decisionId">)
  | (Base & { readonly _tag: "NoteAreasOfDisagreement"; readonly areas: ReadonlyArray<string> })
  | (Base & { readonly _tag: "Escalate"; readonly step: EscalationStep; readonly to: DisagreementParty })
  | (Base & { readonly _tag: "RecordOutcome" } & OutcomeDetails)
  | (Base & { readonly _tag: "Withdraw"; readonly reason: string })

export type DisagreementCommandTag = DisagreementCommand["_tag"]
