import type { DateTime } from "effect"
import type { ActedBy } from "../shared/actor.js"
import type { Authorised } from "../shared/authorise.js"
import type { ActionId, DecisionId, SittingId } from "../shared/ids.js"
import type { S20Task } from "./DecisionEvents.js"
import type { DecisionContent, Subject } from "./DecisionParts.js"

interface Base {
  readonly by: Authorised
  readonly at: DateTime.Utc
}

export type DecisionCommand =
  | (Base & {
      readonly _tag: "RecordDecision"
      readonly decisionId: DecisionId
      readonly subject: Subject
      readonly sitting: { readonly sittingId: SittingId; readonly endsAt: DateTime.Utc }
      readonly content: DecisionContent
    })
  | (Base & {
      readonly _tag: "RecordOutsidePanelAgreement"
      readonly decisionId: DecisionId
      readonly subject: Subject
      readonly content: DecisionContent
      readonly whyOutsidePanel: string
      readonly timescales: string
      readonly placedAt?: DateTime.Utc
    })
  | (Base & { readonly _tag: "EditDecision"; readonly content: DecisionContent })
  | (Base & { readonly _tag: "SignOff" })
  | (Base & { readonly _tag: "AgreeOutsidePanel" })
  | (Base & {
      readonly _tag: "AmendDecision"
      readonly content: DecisionContent
      readonly whatChanged: string
      readonly why: string
      readonly approvedBy: ActedBy
    })
  | (Base & { readonly _tag: "CompleteAction"; readonly actionId: ActionId; readonly evidence: string })
  | (Base & { readonly _tag: "MarkActionOutstanding"; readonly actionId: ActionId; readonly reason: string })
  | (Base & { readonly _tag: "RecordActionsCaseNote"; readonly note: string })
  | (Base & { readonly _tag: "RecordFgcReferralReceived"; readonly actionId: ActionId })
  | (Base & { readonly _tag: "ApproveChangeOfCircumstances"; readonly circumstances: string; readonly alternativeAction: string })
  | (Base & { readonly _tag: "WaiveReturn"; readonly caseNote: string })
  | (Base & { readonly _tag: "RecordS20Task"; readonly task: S20Task; readonly note: string })
