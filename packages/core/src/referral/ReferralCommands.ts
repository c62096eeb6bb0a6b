import type { DateTime } from "effect"
import type { LocalDate } from "../calendar/LocalDate.js"
import type { RuleId } from "../policy/rules.js"
import type { Authorised } from "../shared/authorise.js"
import type { Outcome } from "../decision/DecisionParts.js"
import type { DecisionId, PanelId, ReferralId, SittingId } from "../shared/ids.js"
import type { DocumentRef } from "./ReferralEvents.js"
import type { ReferralForm } from "./ReferralForm.js"

/** Every command carries an authorised actor and the instant it happens. */
interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
}

/** What a referral needs to know about the sitting it is put on; the use case reads it from the sitting. */
export interface SittingFacts {
  readonly sittingId: SittingId
  readonly panelId: PanelId
  readonly date: LocalDate
  readonly startsAt: DateTime.Utc
}

export type ReferralCommand =
  | (Base & { readonly _tag: "CreateDraft"; readonly referralId: ReferralId; readonly form: ReferralForm })
  | (Base & { readonly _tag: "EditDraft"; readonly form: ReferralForm })
  | (Base & { readonly _tag: "RecordDocument"; readonly document: DocumentRef })
  | (Base & { readonly _tag: "Submit" })
  | (Base & { readonly _tag: "Approve" })
  | (Base & { readonly _tag: "ReturnForChanges"; readonly reason: string })
  | (Base & { readonly _tag: "GrantLatePermission"; readonly sittingId: SittingId; readonly reason: string })
  | (Base & { readonly _tag: "AcceptOntoSitting"; readonly sitting: SittingFacts })
  | (Base & {
      readonly _tag: "RecordHearing"
      readonly decisionId: DecisionId
      readonly sittingId?: SittingId
      readonly outcome: Outcome
    })
  | (Base & { readonly _tag: "Withdraw"; readonly reason: string })
  | (Base & { readonly _tag: "Redirect"; readonly redirectTo: string; readonly reason: string; readonly ruleId?: RuleId })

export type ReferralCommandTag = ReferralCommand["_tag"]
