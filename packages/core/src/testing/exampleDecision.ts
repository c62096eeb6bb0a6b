import type { LocalDate } from "../calendar/LocalDate.js"
import { agreedFieldsFor } from "../decision/agreedByRequestType.js"
import type { DecisionContent, Outcome } from "../decision/DecisionParts.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { RequestType } from "../policy/RequestType.js"
import { ActionId } from "../shared/ids.js"

/** A decision that says everything the authority's policy asks a decision to say. */
export const exampleDecision = (
  policy: AuthorityPolicy,
  requestType: RequestType,
  outcome: Outcome,
  options: { readonly actionsDue: LocalDate; readonly key: string }
): DecisionContent => {
  const approved = outcome === "approve"
  const asks = approved ? agreedFieldsFor([requestType]) : []
  return {
    outcome,
    rationale:
      outcome === "defer"
        ? "The panel needs the outcome of the parenting assessment before deciding"
        : "The plan is proportionate and keeps the child safely within the family network",
    agreed: {
      ...(approved && requestType === "s20_accommodation" ? { accommodationWeeks: 6 } : {}),
      ...(asks.includes("placement") ? { placement: "in_house_foster" as const } : {}),
      ...(asks.includes("funding") ? { funding: { amountPence: 180_000, period: "annual" as const, budget: "Edge of care" } } : {}),
      ...(asks.includes("legalPlanningMeeting") ? { legalPlanningMeeting: true } : {}),
      ...(asks.includes("preProceedings") ? { preProceedings: true } : {}),
      ...(asks.includes("careProceedings") ? { careProceedings: true } : {})
    },
    ...(policy.decision.signsOfSafetyMinutes
      ? { minutes: { workingWell: "Grandmother visits daily", worries: "Neglect of routines", needsToHappen: "FGC and a daily routine plan" } }
      : {}),
    ...(policy.decision.highlightsRuleId
      ? { highlights: { presentation: "The social worker set out the family's network and the risks at home", discussion: "Members weighed a family placement against foster care" } }
      : {}),
    actions: approved
      ? [
          {
            actionId: ActionId.make(`${options.key}-fgc`),
            description: "Refer the family to the Family Group Conference service",
            ownerRole: "social_worker",
            dueDate: options.actionsDue,
            fgcReferral: true
          },
          {
            actionId: ActionId.make(`${options.key}-plan`),
            description: "Update the child's plan with the panel's decision",
            ownerRole: "team_manager",
            dueDate: options.actionsDue,
            fgcReferral: false
          }
        ]
      : []
  }
}
