import {
  agreedFieldsFor,
  type AuthorityPolicy,
  citation,
  DecisionContent,
  describeSharedFunding,
  type FundingPartner,
  invalidInput,
  PlacementKind,
  type Referral,
  Role,
  reviewRuleOf
} from "@carepanel/core"
import { Effect, Schema } from "effect"
import type { Choice, Field, Values } from "../ui/Form.js"
import { words } from "../ui/describe.js"

const choicesOf = (literals: ReadonlyArray<string>) => literals.map((value) => ({ value, label: words(value) }))

/** The most actions one decision form takes: more is a plan for a case note, not a panel's minutes. */
export const maxActions = 6

/** The keys of the n-th action's fields (0-based): the first has the plain names, the rest are numbered from 2. */
export const actionKeys = (index: number) => {
  const suffix = index === 0 ? "" : String(index + 1)
  return { action: `action${suffix}`, ownerRole: `ownerRole${suffix}`, ownerName: `ownerName${suffix}`, dueDate: `dueDate${suffix}` }
}

const trimmed = (values: Values, key: string): string | undefined => (values[key]?.trim() ? values[key].trim() : undefined)

/** An action the operator has started: a description, or an owner's name or a due date typed without one. */
const started = (values: Values, index: number): boolean => {
  const keys = actionKeys(index)
  return [keys.action, keys.ownerName, keys.dueDate].some((key) => trimmed(values, key) !== undefined)
}

/** How many actions the form shows: every one started, and one more, empty, to add another (up to `maxActions`). */
const actionCount = (values: Values): number => {
  let last = -1
  for (let index = 0; index < maxActions; index++) if (started(values, index)) last = index
  return Math.min(maxActions, last + 2)
}


/** CPR-6: who else would fund the child's care, in the core's words ("joint funding with Health"); none by default. */
const sharedFundingPartners: ReadonlyArray<ReadonlyArray<FundingPartner>> = [["health"], ["sen"], ["sen", "health"]]
const sharedFundingChoices: ReadonlyArray<Choice> = [
  { value: "none", label: "none" },
  ...sharedFundingPartners.map((partners) => ({ value: partners.join("+"), label: describeSharedFunding({ partners: partners as [FundingPartner, ...Array<FundingPartner>] }) }))
]

/**
 * Asked only where the authority's policy runs the Complex Needs Panel referral that shared funding starts (CPR-6):
 * elsewhere nothing would follow it, and the core refuses it. The hint cites the referral's rule under the policy, so
 * an authority's own rule shows where it comes from and its words.
 */
const sharedFundingFields = (policy: AuthorityPolicy): ReadonlyArray<Field> => {
  const referral = policy.decision.complexNeedsReferral
  return referral === undefined
    ? []
    : [{ key: "sharedFunding", label: "Shared funding", choices: sharedFundingChoices, hint: citation(referral.ruleId, policy) }]
}

/** The partners chosen, for the core (which refuses them where the policy runs no referral); none: nothing. */
const sharedFundingOf = (values: Values) => {
  const chosen = values.sharedFunding
  return chosen === undefined || chosen === "none" ? {} : { sharedFunding: { partners: chosen.split("+") } }
}

const actionFields = (index: number, shown: number): ReadonlyArray<Field> => {
  const keys = actionKeys(index)
  const n = index + 1
  const trailing = index === shown - 1 && index > 0
  return [
    { key: keys.action, label: `Action ${n}`, ...(trailing ? { hint: "left empty, enter saves", savesWhenEmpty: true } : {}) },
    { key: keys.ownerRole, label: `Action ${n} owner (role)`, choices: choicesOf(Role.literals) },
    { key: keys.ownerName, label: `Action ${n} owner (name)` },
    { key: keys.dueDate, label: `Action ${n} due (YYYY-MM-DD)` }
  ]
}

/**
 * The decision form for a request, as it stands with what is typed so far: what every decision says, what the
 * policy asks of minutes and highlights (CPR-10), what its types ask agreed, shared funding where the policy runs
 * CPR-6's referral, the review date, then its actions: each one started opens
 * the next (only its description until something is typed there).
 */
export const decisionFields = (policy: AuthorityPolicy, request: Referral, values: Values = {}): ReadonlyArray<Field> => {
  const asks = agreedFieldsFor(request.form.requestTypes)
  const shown = actionCount(values)
  const actions = Array.from({ length: shown }, (_, index) => {
    const fields = actionFields(index, shown)
    return index > 0 && index === shown - 1 && !started(values, index) ? fields.slice(0, 1) : fields
  })
  return [
    { key: "outcome", label: "Outcome", choices: choicesOf(["approve", "decline", "defer"]) },
    { key: "rationale", label: "Rationale" },
    ...(policy.decision.signsOfSafetyMinutes === undefined
      ? []
      : [
          { key: "workingWell", label: "Working well" },
          { key: "worries", label: "Worries" },
          { key: "needsToHappen", label: "Needs to happen" }
        ]),
    ...(policy.decision.highlightsRuleId === undefined
      ? []
      : [
          { key: "presentation", label: "Highlights of the presentation", hint: citation(policy.decision.highlightsRuleId, policy) },
          { key: "discussion", label: "Highlights of the discussion", hint: citation(policy.decision.highlightsRuleId, policy) }
        ]),
    ...(request.form.requestTypes.includes("s20_accommodation") ? [{ key: "accommodationWeeks", label: "Accommodation agreed for (weeks)" }] : []),
    ...(asks.includes("placement") ? [{ key: "placement", label: "Placement agreed", choices: choicesOf(PlacementKind.literals) }] : []),
    ...(asks.includes("funding")
      ? [
          { key: "amount", label: "Funding (£)" },
          { key: "period", label: "Funding period", choices: choicesOf(["one_off", "weekly", "monthly", "annual"]) },
          { key: "budget", label: "Budget" }
        ]
      : []),
    ...sharedFundingFields(policy),
    { key: "reviewWeeks", label: "Review: back to panel within (weeks)", hint: `${citation(reviewRuleOf(policy.decision), policy)}; empty if none` },
    ...actions.flat()
  ]
}

/** The actions typed, in order: every one started goes to the core, which refuses one without a description or date. */
const actionsOf = (values: Values, actionId: (index: number) => string) =>
  Array.from({ length: maxActions }, (_, index) => index)
    .filter((index) => started(values, index))
    .map((index) => {
      const keys = actionKeys(index)
      const ownerName = trimmed(values, keys.ownerName)
      return {
        actionId: actionId(index),
        description: values[keys.action]?.trim() ?? "",
        ownerRole: values[keys.ownerRole] ?? Role.literals[0],
        ...(ownerName === undefined ? {} : { ownerName }),
        dueDate: values[keys.dueDate]?.trim() ?? ""
      }
    })

/** The form's values as the core's DecisionContent, decoded with the core's own schema: a problem comes back by field. */
export const decisionContentOf = (policy: AuthorityPolicy, request: Referral, values: Values, actionId: (index: number) => string) => {
  const outcome = values.outcome ?? "approve"
  const asks = agreedFieldsFor(request.form.requestTypes)
  const approved = outcome === "approve"
  const amount = trimmed(values, "amount")
  const weeks = trimmed(values, "accommodationWeeks")
  const review = trimmed(values, "reviewWeeks")
  const raw = {
    outcome,
    rationale: values.rationale ?? "",
    agreed: approved
      ? {
          ...(weeks === undefined ? {} : { accommodationWeeks: Number(weeks) }),
          ...(asks.includes("placement") ? { placement: values.placement ?? PlacementKind.literals[0] } : {}),
          ...(asks.includes("funding") && amount !== undefined
            ? { funding: { amountPence: Math.round(Number(amount) * 100), period: values.period ?? "one_off", budget: values.budget ?? "" } }
            : {}),
          // Approving a request for a legal route agrees that route: it is what was asked.
          ...Object.fromEntries(asks.filter((field) => field !== "placement" && field !== "funding").map((field) => [field, true]))
        }
      : {},
    ...(trimmed(values, "workingWell") || trimmed(values, "worries") || trimmed(values, "needsToHappen")
      ? { minutes: { workingWell: values.workingWell ?? "", worries: values.worries ?? "", needsToHappen: values.needsToHappen ?? "" } }
      : {}),
    ...(trimmed(values, "presentation") || trimmed(values, "discussion")
      ? { highlights: { presentation: values.presentation ?? "", discussion: values.discussion ?? "" } }
      : {}),
    ...sharedFundingOf(values),
    actions: actionsOf(values, actionId),
    ...(review === undefined ? {} : { returnToPanel: { withinWeeks: Number(review), ruleId: reviewRuleOf(policy.decision) } })
  }
  return Schema.decodeUnknown(DecisionContent)(raw).pipe(Effect.mapError((error) => invalidInput(error)))
}
