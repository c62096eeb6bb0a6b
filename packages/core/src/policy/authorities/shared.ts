import type { AuthorityPolicyInput } from "../AuthorityPolicy.js"

type Regulation24Input = NonNullable<AuthorityPolicyInput["regulation24"]>

/**
 * The national Regulation 24/25 clocks every English authority runs (STAT-R24, STAT-R25-1).
 * Warning two weeks ahead is our choice: long enough to arrange a fostering panel or an extension.
 */
export const nationalRegulation24: Regulation24Input = {
  temporaryApproval: { ruleId: "STAT-R24", clock: { _tag: "WeeksAfter", weeks: 16 } },
  extension: { ruleId: "STAT-R25-1", clock: { _tag: "WeeksAfter", weeks: 8 } },
  warnDaysBeforeExpiry: 14
}
