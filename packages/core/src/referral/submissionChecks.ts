import { type DateTime, Effect } from "effect"
import { londonDateOf } from "../calendar/londonTime.js"
import { documentKindLabel } from "../policy/DocumentKind.js"
import { citation, citingEachOnce } from "../policy/citation.js"
import { isLocalDefault } from "../policy/localDefaults.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Criterion } from "../policy/ReferralPolicy.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import type { RuleId } from "../policy/rules.js"
import type { Role } from "../shared/roles.js"
import type { Referral } from "./Referral.js"
import { exceptionalAccommodationGaps } from "./exceptionalAccommodation.js"
import { seniorInputGaps } from "./seniorInput.js"
import { datedAfterSubmission } from "./datedAfterSubmission.js"
import { IncompleteRequest, MissingDocuments, OutOfScope } from "./ReferralErrors.js"
import type { OptionalPresentation } from "./ReferralEvents.js"
import { criteriaFromForm } from "./criteriaFromFacts.js"
import { describeMissingFields, missingFields } from "./requiredFields.js"
import {
  approvalsNeeded,
  missingDocuments,
  missingSections,
  optionalPresentation,
  redirection,
  typesOutOfScope
} from "./referralRules.js"

/** What a submission records: why the case comes, who signs it off, and whether it need be presented at all. */
export interface Submission {
  readonly criteria: ReadonlyArray<Criterion>
  readonly approvalsNeeded: ReadonlyArray<{ readonly role: Role; readonly ruleId: RuleId }>
  /** LIN-4: rules under which it need not be presented. It is still submitted: the social worker may want the panel's view. */
  readonly presentationOptional: ReadonlyArray<OptionalPresentation>
}

/** Every check a request must pass before it leaves the social worker (scope, form, documents), on the day it is submitted. */
export const submissionChecks = (
  referral: Referral,
  policy: AuthorityPolicy,
  at: DateTime.Utc
): Effect.Effect<Submission, OutOfScope | IncompleteRequest | MissingDocuments> => {
  const form = referral.form
  const elsewhere = redirection(policy, form)
  if (elsewhere) {
    return Effect.fail(
      new OutOfScope({
        ruleId: elsewhere.ruleId,
        ...(elsewhere.redirectTo === undefined ? {} : { redirectTo: elsewhere.redirectTo }),
        message: `${elsewhere.description} (${citation(elsewhere.ruleId, policy)}).${elsewhere.redirectTo ? ` Send it to the ${elsewhere.redirectTo}.` : ""}`
      })
    )
  }
  const foreign = typesOutOfScope(policy, form)
  if (foreign.length > 0) {
    const { ruleId } = policy.referral.inScope
    // The terms of reference list what comes to panel (SUP-2, LIN-2, CPR-5, NSO-6); none names what does not. Where they
    // list nothing (Knowsley: DEF-SCOPE-FROM-PURPOSE), the list is the policy's, and the refusal says so.
    const whose = isLocalDefault(ruleId) ? "this panel's policy brings" : "its terms of reference bring"
    return Effect.fail(
      new OutOfScope({
        ruleId,
        message: `This panel does not decide ${foreign.map((type) => requestTypeLabel[type]).join(" or ")}: it is not among the requests ${whose} to it (${citation(ruleId, policy)}).`
      })
    )
  }
  const today = londonDateOf(at)
  // One citer for the whole refusal, called in the order its parts are read: each rule in full once, by its id after.
  const cite = citingEachOnce(policy)
  const gaps = [
    ...missingSections(policy, form, cite),
    ...seniorInputGaps(policy, form),
    ...datedAfterSubmission(policy, form, today),
    ...exceptionalAccommodationGaps(policy, form)
  ]
  const fields = missingFields(policy, form)
  const { criteria, unsupported } = criteriaFromForm(policy, form, today)
  if (gaps.length + fields.length + unsupported.length > 0) {
    const fieldLabels = describeMissingFields(form, fields, cite)
    const unbacked = unsupported.map(({ criterion, toRecord }) => ({
      field: "presentationReasons",
      label: `${toRecord}, which the reason "${criterion.description}" (${cite(criterion.ruleId)}) rests on`,
      ruleId: criterion.ruleId
    }))
    const labels = [...gaps.map((gap) => gap.label), ...fieldLabels, ...unbacked.map((gap) => gap.label)]
    return Effect.fail(
      new IncompleteRequest({
        missing: [...gaps, ...fields, ...unbacked],
        message: `The request cannot be submitted yet. Please complete: ${labels.join("; ")}.`
      })
    )
  }
  const documents = missingDocuments(policy, form, referral.documents.map((document) => document.kind))
  if (documents.length > 0) {
    const missing = documents.map((document) => ({ kind: document.kind, label: documentKindLabel[document.kind], ruleId: document.ruleId }))
    const citeOnce = citingEachOnce(policy)
    return Effect.fail(
      new MissingDocuments({
        missing,
        message: `The request cannot be submitted without: ${missing.map((document) => `${document.label} (${citeOnce(document.ruleId)})`).join(", ")}.`
      })
    )
  }
  return Effect.succeed({
    criteria,
    approvalsNeeded: approvalsNeeded(policy, form),
    presentationOptional: optionalPresentation(policy, form).map(({ ruleId, description }) => ({ ruleId, description }))
  })
}
