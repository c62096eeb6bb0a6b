import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Gap } from "./decisionChecks.js"
import type { DecisionContent } from "./DecisionParts.js"

/** CPR-10: where the policy asks for them, a decision at panel records the highlights of the presentation and discussion. */
export const highlightGaps = (content: DecisionContent, policy: AuthorityPolicy): ReadonlyArray<Gap> => {
  const ruleId = policy.decision.highlightsRuleId
  if (ruleId === undefined || content.highlights !== undefined) return []
  return [
    { field: "highlights.presentation", label: "the highlights of the presentation", ruleId },
    { field: "highlights.discussion", label: "the highlights of the panel's discussion", ruleId }
  ]
}
