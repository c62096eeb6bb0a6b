import { Effect } from "effect"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { describeCondition, holds } from "../policy/Condition.js"
import { citation } from "../policy/citation.js"
import { isLocalDefault } from "../policy/localDefaults.js"
import type { RuleId } from "../policy/rules.js"
import type { ReferralForm } from "./ReferralForm.js"
import { RedirectNotAllowed } from "./ReferralErrors.js"
import { requestFacts, typesOutOfScope } from "./referralRules.js"

/** A rule of the policy under which a request may leave this panel, and whether it fits this request. */
export interface ScopeRule {
  readonly ruleId: RuleId
  readonly description: string
  /** "redirect": another panel decides it (NSO-7, the panel's scope); "optional": it need not be presented (LIN-4). */
  readonly effect: "redirect" | "optional"
  readonly redirectTo?: string | undefined
  /** When the rule applies, in words. */
  readonly when: string
  readonly applies: boolean
}

/** The policy's exclusions (NSO-7, LIN-4) and its scope (a request type the panel does not decide). */
export const scopeRules = (policy: AuthorityPolicy, form: ReferralForm): ReadonlyArray<ScopeRule> => {
  const facts = requestFacts(form)
  const { inScope } = policy.referral
  return [
    ...policy.referral.exclusions.map((exclusion) => ({
      ruleId: exclusion.ruleId,
      description: exclusion.description,
      effect: exclusion.effect,
      redirectTo: exclusion.redirectTo,
      when: describeCondition(exclusion.when),
      applies: holds(exclusion.when, facts)
    })),
    {
      ruleId: inScope.ruleId,
      description: isLocalDefault(inScope.ruleId) ? "This panel decides only the kinds of request its policy lists" : "This panel decides only the kinds of request its terms of reference list",
      effect: "redirect" as const,
      when: "the request is for something this panel does not decide",
      applies: typesOutOfScope(policy, form).length > 0
    }
  ]
}

const otherGrounds = (rules: ReadonlyArray<ScopeRule>, policy: AuthorityPolicy) => {
  const applying = [...new Set(rules.filter((rule) => rule.applies).map((rule) => rule.ruleId))]
  return applying.length > 0
    ? ` It may leave this panel under ${applying.map((id) => citation(id, policy)).join(" or ")}.`
    : " No rule of this panel sends it elsewhere: it stays with the panel unless it is withdrawn."
}

/**
 * A redirection must cite a rule of the policy that applies to this request (NSO-7, LIN-4, the panel's
 * scope). Where the policy names the other panel, that is where it goes; otherwise the caller says where.
 */
export const redirectTarget = (
  policy: AuthorityPolicy,
  form: ReferralForm,
  ruleId: RuleId,
  redirectTo: string | undefined
): Effect.Effect<{ readonly ruleId: RuleId; readonly redirectTo?: string }, RedirectNotAllowed> => {
  const rules = scopeRules(policy, form)
  const cited = rules.filter((rule) => rule.ruleId === ruleId)
  const refuse = (message: string) => Effect.fail(new RedirectNotAllowed({ ruleId, message }))
  if (cited.length === 0) return refuse(`${citation(ruleId, policy)} is not a rule of this panel that sends a request elsewhere.${otherGrounds(rules, policy)}`)
  const rule = cited.find((candidate) => candidate.applies)
  if (rule === undefined) {
    const when = cited.map((candidate) => candidate.when).join("; or when ")
    return refuse(`${citation(ruleId, policy)} does not apply to this request: it applies only when ${when}.${otherGrounds(rules, policy)}`)
  }
  const target = rule.redirectTo ?? (redirectTo?.trim() || undefined)
  if (target === undefined && rule.effect === "redirect") {
    return refuse(`Say where the request goes instead: ${citation(ruleId, policy)} does not name the panel that decides it.`)
  }
  return Effect.succeed(target === undefined ? { ruleId } : { ruleId, redirectTo: target })
}
