import type { AuthorityPolicyInput } from "../AuthorityPolicy.js"

type Regulation24Input = NonNullable<AuthorityPolicyInput["regulation24"]>

/**
 * The national Regulation 24/25 clocks every English authority runs (STAT-R24, STAT-R25-1).
 * Warning two weeks ahead is our choice: long enough to arrange a fostering panel or an extension.
 * The nominated officer (STAT-R25-3) is whoever holds a head of service or Assistant Director post, a Carepanel
 * default (DEF-R25-NOMINATED-OFFICER) until the authority's policy names its own people or posts.
 */
export const nationalRegulation24: Regulation24Input = {
  temporaryApproval: { ruleId: "STAT-R24", clock: { _tag: "WeeksAfter", weeks: 16 } },
  extension: { ruleId: "STAT-R25-1", clock: { _tag: "WeeksAfter", weeks: 8 } },
  warnDaysBeforeExpiry: 14,
  nominatedOfficer: { ruleId: "DEF-R25-NOMINATED-OFFICER", posts: ["head_of_service", "assistant_director"] }
}
