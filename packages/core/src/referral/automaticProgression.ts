import { Effect } from "effect"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { citation } from "../policy/citation.js"
import type { Authorised } from "../shared/authorise.js"
import { NotPermitted } from "../shared/errors.js"
import { describeRoles } from "../shared/roles.js"
import type { Referral } from "./Referral.js"

/** SUP-3: the "must" criterion under the policy's automatic-progression rule that this request was submitted with, if any. */
export const progressionReason = (policy: AuthorityPolicy, referral: Referral) => {
  const progression = policy.referral.automaticProgression
  return progression === undefined
    ? undefined
    : referral.criteria.find((criterion) => criterion.level === "must" && criterion.ruleId === progression.ruleId)
}

/** SUP-3: a progression criterion whose parental history the form already records, before submission works out the criteria. */
const recordedProgression = (policy: AuthorityPolicy, referral: Referral) => {
  const progression = policy.referral.automaticProgression
  return policy.referral.criteria.find(({ level, ruleId, fromFacts }) => {
    if (level !== "must" || ruleId !== progression?.ruleId || fromFacts?._tag !== "ParentalHistory") return false
    return referral.form.parentalHistory.some((entry) => entry.kind === fromFacts.kind)
  })
}

/** SUP-3, DEF-PROGRESSION-WITHDRAWAL: a request that must go to panel is withdrawn only by a manager, who records why; a draft too, once it records the history. */
export const mayWithdraw = (policy: AuthorityPolicy, referral: Referral, by: Authorised) => {
  const reason = progressionReason(policy, referral) ?? recordedProgression(policy, referral)
  const withdrawal = policy.referral.automaticProgression?.withdrawal
  if (reason === undefined || withdrawal === undefined || withdrawal.roles.some((role) => by.actor.roles.includes(role))) return Effect.void
  return Effect.fail(
    new NotPermitted({
      action: "withdraw a request that progresses to panel automatically",
      allowed: withdrawal.roles,
      message:
        `This request goes to panel automatically (${citation(reason.ruleId, policy)}: ${reason.description}): only the ${describeRoles(withdrawal.roles)} ` +
        `may withdraw it, with the reason recorded (${citation(withdrawal.ruleId, policy)}).`
    })
  )
}
