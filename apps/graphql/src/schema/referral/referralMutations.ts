import { DocumentRef, ReferralForm, ReferralId, Referrals, RuleId, SittingId } from "@carepanel/core"
import { Schema } from "effect"
import { optional } from "../../graphql/decodeInput.js"
import { referralRefusals } from "../errors/refusals.js"
import { commandMutation } from "../mutation.js"
import { using } from "../run.js"
import { DocumentInput, ReferralFormInput, referralIdFields, referralReasonFields } from "./referralInputs.js"
import { ReferralRef } from "./referralType.js"

const Reason = Schema.NonEmptyTrimmedString
const ById = Schema.Struct({ referralId: ReferralId })
const WithReason = Schema.Struct({ referralId: ReferralId, reason: Reason })
const type = ReferralRef
const refusals = referralRefusals

commandMutation("createReferralDraft", {
  description: "Starts a panel request as a draft (social worker, practice supervisor or team manager).",
  type,
  refusals,
  fields: (t) => ({ form: t.field({ type: ReferralFormInput, required: true }) }),
  schema: Schema.Struct({ form: ReferralForm }),
  execute: (actor, { form }) => using(Referrals, (referrals) => referrals.createDraft(actor, form))
})

commandMutation("editReferralDraft", {
  description: "Replaces a draft's form.",
  type,
  refusals,
  fields: (t) => ({ referralId: t.id({ required: true }), form: t.field({ type: ReferralFormInput, required: true }) }),
  schema: Schema.Struct({ referralId: ReferralId, form: ReferralForm }),
  execute: (actor, { referralId, form }) => using(Referrals, (referrals) => referrals.editDraft(actor, referralId, form))
})

commandMutation("recordReferralDocument", {
  description: "Records a paper against the request (its content stays in your case system).",
  type,
  refusals,
  fields: (t) => ({ referralId: t.id({ required: true }), document: t.field({ type: DocumentInput, required: true }) }),
  schema: Schema.Struct({ referralId: ReferralId, document: DocumentRef }),
  execute: (actor, { referralId, document }) => using(Referrals, (referrals) => referrals.recordDocument(actor, referralId, document))
})

commandMutation("submitReferral", {
  description: "Submits a complete request for approval.",
  type,
  refusals,
  fields: referralIdFields,
  schema: ById,
  execute: (actor, { referralId }) => using(Referrals, (referrals) => referrals.submit(actor, referralId))
})

commandMutation("approveReferral", {
  description: "Approves a request as the next approver the policy asks for.",
  type,
  refusals,
  fields: referralIdFields,
  schema: ById,
  execute: (actor, { referralId }) => using(Referrals, (referrals) => referrals.approve(actor, referralId))
})

commandMutation("returnReferralForChanges", {
  description: "Sends a request back to the social worker with a reason.",
  type,
  refusals,
  fields: referralReasonFields,
  schema: WithReason,
  execute: (actor, { referralId, reason }) => using(Referrals, (referrals) => referrals.returnForChanges(actor, referralId, reason))
})

commandMutation("grantLatePermission", {
  description: "Lets a late request onto a sitting's agenda (the chair, where the policy allows it).",
  type,
  refusals,
  fields: (t) => ({ referralId: t.id({ required: true }), sittingId: t.id({ required: true }), reason: t.string({ required: true }) }),
  schema: Schema.Struct({ referralId: ReferralId, sittingId: SittingId, reason: Reason }),
  execute: (actor, { referralId, sittingId, reason }) =>
    using(Referrals, (referrals) => referrals.grantLatePermission(actor, referralId, sittingId, reason))
})

commandMutation("acceptReferralOntoSitting", {
  description:
    "Puts a ready request on a sitting (the panel administrator); a late one needs the chair's permission first. A request on a sitting whose chair recorded too few members present (NSO-1) can be put on another.",
  type,
  refusals,
  fields: (t) => ({ referralId: t.id({ required: true }), sittingId: t.id({ required: true }) }),
  schema: Schema.Struct({ referralId: ReferralId, sittingId: SittingId }),
  execute: (actor, { referralId, sittingId }) => using(Referrals, (referrals) => referrals.acceptOntoSitting(actor, referralId, sittingId))
})

commandMutation("withdrawReferral", {
  description: "Withdraws a request, with a reason.",
  type,
  refusals,
  fields: referralReasonFields,
  schema: WithReason,
  execute: (actor, { referralId, reason }) => using(Referrals, (referrals) => referrals.withdraw(actor, referralId, reason))
})

commandMutation("redirectReferral", {
  description:
    "Closes a request this panel does not hear, citing the policy's rule that sends it away (NSO-7, LIN-4, NSO-6): " +
    "to the panel the rule names, or to redirectTo where the rule names none.",
  type,
  refusals,
  fields: (t) => ({
    referralId: t.id({ required: true }),
    ruleId: t.string({ required: true, description: "The rule that applies, e.g. NSO-7 or LIN-4." }),
    reason: t.string({ required: true }),
    redirectTo: t.string({ description: "Where it goes, when the rule does not say." })
  }),
  schema: Schema.Struct({ referralId: ReferralId, ruleId: RuleId, reason: Reason, redirectTo: optional(Schema.NonEmptyTrimmedString) }),
  execute: (actor, { referralId, ...redirection }) => using(Referrals, (referrals) => referrals.redirect(actor, referralId, redirection))
})
