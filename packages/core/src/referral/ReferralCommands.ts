import type { DateTime } from "effect"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { RuleId } from "../policy/rules.js"
import type { Authorised } from "../shared/authorise.js"
import type { Outcome } from "../decision/DecisionParts.js"
import type { DecisionId, ReferralId, SittingId } from "../shared/ids.js"
import type { Sitting } from "../sitting/Sitting.js"
import type { DocumentRef } from "./ReferralEvents.js"
import type { ReferralForm } from "./ReferralForm.js"

/** Every command carries an authorised actor and the instant it happens. */
interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
}

/**
 * What a referral needs to know about a sitting. The use case reads it from the sitting's own record,
 * never from the caller, so nobody can move a sitting's start to dodge the deadline.
 */
export type SittingFacts = Pick<Sitting, "id" | "panelId" | "date" | "startsAt" | "cancelled">

/** What a request moved to another sitting needs to know of the one it is on, read by the use case from its record. */
export type SittingLeft = Pick<Sitting, "id" | "quorum">

export type ReferralCommand =
  | (Base & { readonly _tag: "CreateDraft"; readonly referralId: ReferralId; readonly form: ReferralForm })
  | (Base & { readonly _tag: "EditDraft"; readonly form: ReferralForm })
  | (Base & { readonly _tag: "RecordDocument"; readonly document: DocumentRef })
  | (Base & { readonly _tag: "Submit" })
  | (Base & { readonly _tag: "Approve" })
  | (Base & { readonly _tag: "ReturnForChanges"; readonly reason: string })
  | (Base & { readonly _tag: "GrantLatePermission"; readonly sitting: SittingFacts; readonly reason: string })
  /** `from`: the sitting it is on, when it is on one (a sitting the chair found too few members for decides nothing, NSO-1). */
  | (Base & { readonly _tag: "AcceptOntoSitting"; readonly sitting: SittingFacts; readonly from?: SittingLeft })
  /** The sitting it was accepted onto is cancelled: the request goes back in line, ready for another. */
  | (Base & { readonly _tag: "LeaveCancelledSitting"; readonly sittingId: SittingId; readonly sittingDate: LocalDate })
  | (Base & {
      readonly _tag: "RecordHearing"
      readonly decisionId: DecisionId
      readonly sittingId?: SittingId
      readonly outcome: Outcome
    })
  /** An amendment changed a decision's outcome: the request follows it (a deferral puts it back in line). */
  | (Base & { readonly _tag: "ReviseHearing"; readonly decisionId: DecisionId; readonly outcome: Outcome })
  | (Base & { readonly _tag: "Withdraw"; readonly reason: string })
  | (Base & { readonly _tag: "Redirect"; readonly ruleId: RuleId; readonly reason: string; readonly redirectTo?: string })

export type ReferralCommandTag = ReferralCommand["_tag"]
