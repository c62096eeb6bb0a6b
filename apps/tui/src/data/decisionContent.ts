import { agreedFieldsFor, type AuthorityPolicy, DecisionContent, invalidInput, PlacementKind, type Referral, Role } from "@carepanel/core"
import { Effect, Schema } from "effect"
import type { Field, Values } from "../ui/Form.js"
import { words } from "../ui/describe.js"

const choicesOf = (literals: ReadonlyArray<string>) => literals.map((value) => ({ value, label: words(value) }))

/** The decision form for a request: what every decision says, what the policy asks of minutes, what its types ask agreed. */
export const decisionFields = (policy: AuthorityPolicy, request: Referral): ReadonlyArray<Field> => {
  const asks = agreedFieldsFor(request.form.requestTypes)
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
    ...(request.form.requestTypes.includes("s20_accommodation") ? [{ key: "accommodationWeeks", label: "Accommodation agreed for (weeks)" }] : []),
    ...(asks.includes("placement") ? [{ key: "placement", label: "Placement agreed", choices: choicesOf(PlacementKind.literals) }] : []),
    ...(asks.includes("funding")
      ? [
          { key: "amount", label: "Funding (£)" },
          { key: "period", label: "Funding period", choices: choicesOf(["one_off", "weekly", "monthly", "annual"]) },
          { key: "budget", label: "Budget" }
        ]
      : []),
    { key: "action", label: "Action" },
    { key: "ownerRole", label: "Action owner (role)", choices: choicesOf(Role.literals) },
    { key: "ownerName", label: "Action owner (name)" },
    { key: "dueDate", label: "Action due (YYYY-MM-DD)" }
  ]
}

const trimmed = (values: Values, key: string): string | undefined => (values[key]?.trim() ? values[key].trim() : undefined)

/** The form's values as the core's DecisionContent, decoded with the core's own schema: a problem comes back by field. */
export const decisionContentOf = (request: Referral, values: Values, actionId: string) => {
  const outcome = values.outcome ?? "approve"
  const asks = agreedFieldsFor(request.form.requestTypes)
  const approved = outcome === "approve"
  const amount = trimmed(values, "amount")
  const weeks = trimmed(values, "accommodationWeeks")
  const action = trimmed(values, "action")
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
    actions:
      action === undefined
        ? []
        : [
            {
              actionId,
              description: action,
              ownerRole: values.ownerRole ?? Role.literals[0],
              ...(trimmed(values, "ownerName") === undefined ? {} : { ownerName: trimmed(values, "ownerName") }),
              dueDate: values.dueDate?.trim() ?? ""
            }
          ]
  }
  return Schema.decodeUnknown(DecisionContent)(raw).pipe(Effect.mapError((error) => invalidInput(error)))
}
