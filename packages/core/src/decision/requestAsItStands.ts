import { Schema } from "effect"
import { recordName } from "../notifications/recordName.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { citation } from "../policy/citation.js"
import { RequestType } from "../policy/RequestType.js"
import type { Referral } from "../referral/Referral.js"
import { ChildId } from "../shared/ids.js"
import type { Decision } from "./Decision.js"
import { casesToConfirm } from "./decisionChecks.js"
import { NotApplicable } from "./DecisionErrors.js"

/** The request an agreement outside panel is about, as it stands when an agreement is given: the use case reads it. */
export const RequestAsItStands = Schema.Struct({
  childIds: Schema.Array(ChildId),
  requestTypes: Schema.Array(RequestType),
  disabledChildIds: Schema.Array(ChildId)
})
export type RequestAsItStands = typeof RequestAsItStands.Type

/** A request's children, what it asks and which children it records as disabled, as its form now says. */
export const requestAsItStands = (referral: Referral): RequestAsItStands => ({
  childIds: referral.form.children.map((child) => child.childId),
  requestTypes: referral.form.requestTypes,
  disabledChildIds: referral.form.children.filter((child) => child.disabled).map((child) => child.childId)
})

const sameSet = <A>(a: ReadonlyArray<A>, b: ReadonlyArray<A>) => a.length === b.length && new Set(a).size === new Set([...a, ...b]).size

/**
 * An agreement outside panel is given to the request it was proposed on. A draft may still be edited while the
 * proposal waits (an urgent agreement often comes before the paperwork): if its children or what it asks have changed,
 * or it no longer records the disabled child a case is agreed only for (LIN-11), agreeing would put on the record a
 * decision about a request that no longer says so. Refused, saying what changed and what to do.
 */
export const requestChanged = (decision: Decision, now: RequestAsItStands, policy: AuthorityPolicy): NotApplicable | undefined => {
  const { subject } = decision
  if (!sameSet(subject.childIds, now.childIds) || !sameSet(subject.requestTypes, now.requestTypes)) {
    return new NotApplicable({
      message: `The request has changed since this agreement outside panel was proposed: it was ${recordName(subject, subject.referralId)}, it is now ${recordName(now, subject.referralId)}. Record the agreement again on the request as it stands.`
    })
  }
  const forADisabledChild = casesToConfirm(policy, subject).filter((entry) => entry.forADisabledChild === true)
  if (forADisabledChild.length > 0 && now.disabledChildIds.length === 0) {
    return new NotApplicable({
      message: `The request no longer records a child as disabled, and this agreement outside panel covers ${forADisabledChild.map((entry) => entry.onlyAs).join("; ")} (${citation(policy.outsidePanel.ruleId, policy)}). If a child is disabled, correct the request; if not, bring it to a sitting.`
    })
  }
  return undefined
}
