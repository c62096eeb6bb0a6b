import { ActionId, DecisionContent, DecisionId, Decisions, ReferralId, S20Task, SittingId } from "@carepanel/core"
import { Schema } from "effect"
import { optional } from "../../graphql/decodeInput.js"
import { decisionRefusals, referralRefusals } from "../errors/refusals.js"
import { commandMutation } from "../mutation.js"
import { using } from "../run.js"
import { S20TaskEnum } from "../shared/enums.js"
import { DecisionContentInput, decisionIdFields } from "./decisionInputs.js"
import { DecisionRef } from "./decisionType.js"

const type = DecisionRef
const refusals = decisionRefusals
const Text = Schema.NonEmptyTrimmedString
const ById = Schema.Struct({ decisionId: DecisionId })

commandMutation("recordPanelDecision", {
  description: "Records the panel's decision on a request on the sitting's agenda (CPR-8); the request hears of it.",
  type,
  refusals: [...refusals, ...referralRefusals],
  fields: (t) => ({
    referralId: t.id({ required: true }),
    sittingId: t.id({ required: true }),
    content: t.field({ type: DecisionContentInput, required: true })
  }),
  schema: Schema.Struct({ referralId: ReferralId, sittingId: SittingId, content: DecisionContent }),
  execute: (actor, { referralId, sittingId, content }) => using(Decisions, (decisions) => decisions.recordAtPanel(actor, referralId, sittingId, content))
})

commandMutation("recordOutsidePanelAgreement", {
  description: "Records an urgent agreement outside panel (SUP-7, NSO-10, LIN-11, KNO-5).",
  type,
  refusals: [...refusals, ...referralRefusals],
  fields: (t) => ({
    referralId: t.id({ required: true }),
    content: t.field({ type: DecisionContentInput, required: true }),
    whyOutsidePanel: t.string({ required: true }),
    timescales: t.string({ required: true }),
    placedAt: t.field({ type: "DateTime", description: "When the child was placed (LIN-12's 48-hour tasks run from it)." }),
    lpmAt: t.field({ type: "DateTime", description: "When the emergency Legal Planning Meeting is held (KNO-5: the child is presented at the first sitting after it)." }),
    confirmsCase: t.boolean({
      description:
        "Confirms the request is the one case its type is agreed outside panel only as (LIN-11: expenditure only as tripartite funding for a " +
        "disabled child in a 38-week educational placement). Without it such a request is refused, the refusal naming the case; kept as `OutsidePanel.confirmedCases`. " +
        "On a request that records no child as disabled, LIN-11's case is refused, confirmed or not: correct the request first, or bring it to a sitting."
    })
  }),
  // Blank reasons or timescales are the core's to refuse: IncompleteDecision names them with the policy's rule (LIN-11).
  schema: Schema.Struct({ referralId: ReferralId, content: DecisionContent, whyOutsidePanel: Schema.String, timescales: Schema.String, placedAt: optional(Schema.DateTimeUtc),
    lpmAt: optional(Schema.DateTimeUtc),
    confirmsCase: optional(Schema.Boolean)
  }),
  execute: (actor, { referralId, ...agreement }) => using(Decisions, (decisions) => decisions.recordOutsidePanel(actor, referralId, agreement))
})

commandMutation("agreeOutsidePanel", {
  description: "Gives one of the agreements an outside-panel decision waits for.",
  type,
  refusals: [...refusals, ...referralRefusals],
  fields: decisionIdFields,
  schema: ById,
  execute: (actor, { decisionId }) => using(Decisions, (decisions) => decisions.agreeOutsidePanel(actor, decisionId))
})

commandMutation("refuseOutsidePanelAgreement", {
  description:
    "Refuses, with a reason, an agreement an outside-panel decision waits for (NSO-10): by a holder of its role. The proposal lapses: none of its actions is owed, it can no longer be agreed, and the request is as it was before it.",
  type,
  refusals,
  fields: (t) => ({ decisionId: t.id({ required: true }), reason: t.string({ required: true }) }),
  schema: Schema.Struct({ decisionId: DecisionId, reason: Text }),
  execute: (actor, { decisionId, reason }) => using(Decisions, (decisions) => decisions.refuseOutsidePanel(actor, decisionId, reason))
})

commandMutation("editDecision", {
  description: "Replaces a decision's content before sign-off; a changed outcome reaches the request.",
  type,
  refusals: [...refusals, ...referralRefusals],
  fields: (t) => ({ decisionId: t.id({ required: true }), content: t.field({ type: DecisionContentInput, required: true }) }),
  schema: Schema.Struct({ decisionId: DecisionId, content: DecisionContent }),
  execute: (actor, { decisionId, content }) => using(Decisions, (decisions) => decisions.edit(actor, decisionId, content))
})

commandMutation("signOffDecision", {
  description:
    "Signs a decision off as the next role the policy asks for. The sitting chair's step is the person who chaired's; if they " +
    "cannot, a deputy the panel names to chair in the chair's absence signs it for them with `forTheChairBecause` (DEF-CHAIR-SIGNS).",
  type,
  refusals,
  fields: (t) => ({
    decisionId: t.id({ required: true }),
    forTheChairBecause: t.string({ description: "Why the person who chaired cannot sign it off, when a deputy signs it for them; kept on the sign-off and its sheet." })
  }),
  schema: Schema.Struct({ decisionId: DecisionId, forTheChairBecause: optional(Text) }),
  execute: (actor, { decisionId, forTheChairBecause }) => using(Decisions, (decisions) => decisions.signOff(actor, decisionId, forTheChairBecause))
})

commandMutation("amendDecision", {
  description:
    "Amends a signed decision: what changed and why. Only the panel chair, vice chair or Assistant Director may, and the " +
    "amendment records them as its approver; a changed outcome reaches the request.",
  type,
  refusals: [...refusals, ...referralRefusals],
  fields: (t) => ({
    decisionId: t.id({ required: true }),
    content: t.field({ type: DecisionContentInput, required: true }),
    whatChanged: t.string({ required: true }),
    why: t.string({ required: true })
  }),
  schema: Schema.Struct({ decisionId: DecisionId, content: DecisionContent, whatChanged: Text, why: Text }),
  execute: (actor, { decisionId, ...amendment }) => using(Decisions, (decisions) => decisions.amend(actor, decisionId, amendment))
})

const ActionInput = Schema.Struct({ decisionId: DecisionId, actionId: ActionId })

commandMutation("completeAction", {
  description: "Completes an action, with the evidence.",
  type,
  refusals,
  fields: (t) => ({ decisionId: t.id({ required: true }), actionId: t.id({ required: true }), evidence: t.string({ required: true }) }),
  schema: Schema.Struct({ ...ActionInput.fields, evidence: Text }),
  execute: (actor, { decisionId, actionId, evidence }) => using(Decisions, (decisions) => decisions.completeAction(actor, decisionId, actionId, evidence))
})

commandMutation("markActionOutstanding", {
  description: "Records why an action is still outstanding.",
  type,
  refusals,
  fields: (t) => ({ decisionId: t.id({ required: true }), actionId: t.id({ required: true }), reason: t.string({ required: true }) }),
  schema: Schema.Struct({ ...ActionInput.fields, reason: Text }),
  execute: (actor, { decisionId, actionId, reason }) => using(Decisions, (decisions) => decisions.markActionOutstanding(actor, decisionId, actionId, reason))
})

commandMutation("recordActionsCaseNote", {
  description: "LIN-6: the team manager's case note updating every action.",
  type,
  refusals,
  fields: (t) => ({ decisionId: t.id({ required: true }), note: t.string({ required: true }) }),
  schema: Schema.Struct({ decisionId: DecisionId, note: Text }),
  execute: (actor, { decisionId, note }) => using(Decisions, (decisions) => decisions.recordActionsCaseNote(actor, decisionId, note))
})

commandMutation("recordFgcReferralReceived", {
  description: "LIN-9: the FGC service has received the referral an action asked for.",
  type,
  refusals,
  fields: (t) => ({ decisionId: t.id({ required: true }), actionId: t.id({ required: true }) }),
  schema: ActionInput,
  execute: (actor, { decisionId, actionId }) => using(Decisions, (decisions) => decisions.recordFgcReferralReceived(actor, decisionId, actionId))
})

commandMutation("approveChangeOfCircumstances", {
  description:
    "Approves an alternative action after a change of circumstances (LIN-8). The actions it replaces, if any, are no longer owed: they read progress 'replaced' and keep no clock.",
  type,
  refusals,
  fields: (t) => ({
    decisionId: t.id({ required: true }),
    circumstances: t.string({ required: true }),
    alternativeAction: t.string({ required: true }),
    replacesActionIds: t.idList({ description: "The decision's actions the alternative action takes the place of." })
  }),
  schema: Schema.Struct({ decisionId: DecisionId, circumstances: Text, alternativeAction: Text, replacesActionIds: optional(Schema.Array(ActionId)) }),
  execute: (actor, { decisionId, circumstances, alternativeAction, replacesActionIds }) =>
    using(Decisions, (decisions) => decisions.approveChangeOfCircumstances(actor, decisionId, circumstances, alternativeAction, replacesActionIds ?? []))
})

commandMutation("waiveReturnToPanel", {
  description: "LIN-7: closes a return to panel by case note.",
  type,
  refusals,
  fields: (t) => ({ decisionId: t.id({ required: true }), caseNote: t.string({ required: true }) }),
  schema: Schema.Struct({ decisionId: DecisionId, caseNote: Text }),
  execute: (actor, { decisionId, caseNote }) => using(Decisions, (decisions) => decisions.waiveReturn(actor, decisionId, caseNote))
})

commandMutation("recordS20Task", {
  description: "LIN-12: one of the 48-hour tasks after a section 20 placement agreed outside panel.",
  type,
  refusals,
  fields: (t) => ({
    decisionId: t.id({ required: true }),
    task: t.field({ type: S20TaskEnum, required: true }),
    note: t.string({ required: true })
  }),
  schema: Schema.Struct({ decisionId: DecisionId, task: S20Task, note: Text }),
  execute: (actor, { decisionId, task, note }) => using(Decisions, (decisions) => decisions.recordS20Task(actor, decisionId, task, note))
})

commandMutation("recordComplexNeedsTemplateSent", {
  description: "CPR-6: the administrator emailed the Complex Needs Panel referral template to the social worker (once, after the referral started).",
  type,
  refusals,
  fields: (t) => ({ decisionId: t.id({ required: true }), note: t.string({ required: true }) }),
  schema: Schema.Struct({ decisionId: DecisionId, note: Text }),
  execute: (actor, { decisionId, note }) => using(Decisions, (decisions) => decisions.recordComplexNeedsTemplateSent(actor, decisionId, note))
})
