import { Schema } from "effect"
import * as AST from "effect/SchemaAST"
import { LocalDate } from "../calendar/LocalDate.js"
import { AuthorityId } from "../shared/ids.js"
import { formatPath } from "../shared/inputProblems.js"
import { notARule } from "./citedDefaults.js"
import { ownRulesCited } from "./citedOwnRules.js"
import { EdgeOfCarePolicy } from "./EdgeOfCarePolicy.js"
import { OwnRules } from "./ownRules.js"
import { DecisionPolicy, DisagreementPolicy, OutsidePanelPolicy, Regulation24Policy } from "./DecisionPolicy.js"
import { PanelPolicy } from "./PanelPolicy.js"
import { ReferralPolicy } from "./ReferralPolicy.js"
import { SittingPolicy } from "./SittingPolicy.js"
import { defaultStatutoryWarnings, StatutoryWarnings } from "./StatutoryWarnings.js"

/**
 * Everything that differs between authorities. A new authority is a preset or a policy file,
 * never an `if` in code. Optional parts are rules an authority does not run.
 */
const PolicyFields = Schema.Struct({
  authority: Schema.Struct({ id: AuthorityId, name: Schema.NonEmptyTrimmedString }),
  /** Where the policy comes from, e.g. the terms of reference it encodes. */
  source: Schema.String,
  /** The rules of the authority's own terms of reference that the policy cites (`BRK-4`), for no other policy to cite. */
  ownRules: Schema.optional(OwnRules),
  closureDays: Schema.optionalWith(Schema.Array(Schema.Struct({ date: LocalDate, reason: Schema.String })), {
    default: () => []
  }),
  panels: Schema.NonEmptyArray(PanelPolicy),
  referral: ReferralPolicy,
  sitting: SittingPolicy,
  decision: DecisionPolicy,
  outsidePanel: OutsidePanelPolicy,
  disagreement: DisagreementPolicy,
  regulation24: Schema.optional(Regulation24Policy),
  /** Warnings ahead of police protection's and secure accommodation's 72 hours: Carepanel's defaults unless replaced or turned off. */
  statutoryWarnings: Schema.optionalWith(StatutoryWarnings, { default: () => defaultStatutoryWarnings }),
  /** KNO-3: edge-of-care services' declared capacity; without it the tracker says "not declared". */
  edgeOfCare: Schema.optional(EdgeOfCarePolicy)
})

const policyType = AST.typeAST(PolicyFields.ast)

/** Every own rule the policy cites is one it declares. */
export const AuthorityPolicy = PolicyFields.pipe(
  Schema.filter((policy) =>
    ownRulesCited(policyType, policy)
      .filter(({ id }) => !Object.hasOwn(policy.ownRules?.rules ?? {}, id))
      .map(({ path, id }) => ({ path, message: notARule(id, formatPath(path)) }))
  )
)
export type AuthorityPolicy = typeof AuthorityPolicy.Type
export type AuthorityPolicyInput = typeof AuthorityPolicy.Encoded
