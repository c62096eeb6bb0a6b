import { Schema } from "effect"
import { LocalDate } from "../calendar/LocalDate.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { RuleId } from "../policy/rules.js"
import { InputFrom, inputFromLabel } from "../policy/InputFrom.js"
import type { ReferralForm } from "./ReferralForm.js"

/** CPR-4: one person's input to the request: who, when they gave it, and what they said. */
export const SeniorInput = Schema.Struct({
  from: InputFrom,
  name: Schema.NonEmptyTrimmedString,
  givenOn: LocalDate,
  input: Schema.NonEmptyTrimmedString
})
export type SeniorInput = typeof SeniorInput.Type

/** CPR-4: the input the policy asks for that the request does not yet record, one gap per person. */
export const seniorInputGaps = (policy: AuthorityPolicy, form: ReferralForm): ReadonlyArray<{ readonly field: string; readonly label: string; readonly ruleId: RuleId }> => {
  const rule = policy.referral.seniorInput
  if (rule === undefined) return []
  return rule.from
    .filter((from) => !(form.seniorInput ?? []).some((entry) => entry.from === from))
    .map((from) => ({ field: `seniorInput.${from}`, label: `the input of ${inputFromLabel[from]} (who, when, what)`, ruleId: rule.ruleId }))
}
