import { formatDate } from "../calendar/format.js"
import { compareLocalDates, type LocalDate } from "../calendar/LocalDate.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { inputFromLabel } from "../policy/InputFrom.js"
import type { RuleId } from "../policy/rules.js"
import type { ReferralForm } from "./ReferralForm.js"
import { sectionLabel } from "./referralRules.js"

const afterToday = (date: LocalDate) => `it is dated ${formatDate(date)}, after today`

/**
 * What the request says happened before it, dated after the day it is submitted: the discussion with the team manager
 * (KNO-4: "before requesting") and the IRO's and Head of Service's input the social worker gathered (CPR-4).
 */
export const datedAfterSubmission = (
  policy: AuthorityPolicy,
  form: ReferralForm,
  today: LocalDate
): ReadonlyArray<{ readonly field: string; readonly label: string; readonly ruleId: RuleId }> => {
  const consultationRule = policy.referral.teamManagerConsultationRequired
  const consultation = form.teamManagerConsultation
  const discussion =
    consultationRule !== undefined && consultation !== undefined && compareLocalDates(consultation.date, today) > 0
      ? [
          {
            field: "team_manager_consultation",
            label: `${sectionLabel.team_manager_consultation}: ${afterToday(consultation.date)}; the request follows the discussion`,
            ruleId: consultationRule
          }
        ]
      : []
  const input = policy.referral.seniorInput
  const inputs =
    input === undefined
      ? []
      : (form.seniorInput ?? [])
          .filter((entry) => input.from.includes(entry.from) && compareLocalDates(entry.givenOn, today) > 0)
          .map((entry) => ({
            field: `seniorInput.${entry.from}`,
            label: `the input of ${inputFromLabel[entry.from]} (who, when, what): ${afterToday(entry.givenOn)}`,
            ruleId: input.ruleId
          }))
  return [...discussion, ...inputs]
}
