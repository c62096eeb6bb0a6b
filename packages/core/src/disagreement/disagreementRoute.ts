import { Effect } from "effect"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { RuleId } from "../policy/rules.js"
import type { Authorised } from "../shared/authorise.js"
import { describeRoles, type Role } from "../shared/roles.js"
import type { Disagreement } from "./Disagreement.js"
import { EscalationOutOfOrder, WrongPersonForStep } from "./DisagreementErrors.js"
import type { DisagreementRoute, EscalationStep } from "./DisagreementEvents.js"

/** The steps each route takes, in order (SUP-8: the member's own manager, then the AD; LIN-13: the chair to the AD). */
export const disagreementRouteSteps: Record<DisagreementRoute, ReadonlyArray<EscalationStep>> = {
  member_manager_then_assistant_director: ["member_manager", "assistant_director"],
  chair_with_assistant_director: ["assistant_director"]
}

/** The step a disagreement takes next on its route; undefined once it is with the Assistant Director. */
export const nextEscalationStep = (disagreement: Disagreement): EscalationStep | undefined =>
  disagreementRouteSteps[disagreement.route][disagreement.escalations.length]

/** Who chairs a sitting: the chair, or the vice chair in their place. */
export const chairRoles: ReadonlyArray<Role> = ["panel_chair", "vice_chair"]

/** The first of `roles` the actor holds. */
export const heldRole = (by: Authorised, roles: ReadonlyArray<Role>): Role | undefined =>
  roles.find((role) => by.actor.roles.includes(role))

/** Why `step` is not the next one, in the route's own terms. */
export const outOfOrder = (disagreement: Disagreement, step: EscalationStep, policy: CitingPolicy): EscalationOutOfOrder => {
  const { ruleId, member } = disagreement
  const expected = nextEscalationStep(disagreement)
  const manager = disagreement.escalations.find((escalation) => escalation.step === "member_manager")?.to
  const message =
    expected === undefined
      ? `This disagreement is already with the Assistant Director; what remains is to record the outcome (${citation(ruleId, policy)}).`
      : !disagreementRouteSteps[disagreement.route].includes(step)
        ? `Under ${citation(ruleId, policy)} the panel chair takes a disagreement to the Assistant Director; it does not go through the member's own manager.`
        : expected === "member_manager"
          ? `${member.name} first raises this with their own manager, who then takes it to the Assistant Director (${citation(ruleId, policy)}).`
          : `This disagreement has already been raised with ${manager?.name ?? "the member's manager"}; the next step is the Assistant Director (${citation(ruleId, policy)}).`
  return new EscalationOutOfOrder({ ruleId, step, message })
}

/** Who may take the next step, and the rule they take it under. */
export interface StepTaker {
  readonly role: Role
  readonly ruleId: RuleId
}

/**
 * Who may take the next step: the member, then the manager they named (SUP-8); the chair (LIN-13). An Assistant
 * Director may also take a disagreement up from the member's manager (DEF-DISAGREEMENT-AD-TAKES-UP), so that one
 * manager who has left, or is away, cannot hold it back.
 */
export const stepTaker = (
  disagreement: Disagreement,
  step: EscalationStep,
  by: Authorised,
  policy: CitingPolicy
): Effect.Effect<StepTaker, WrongPersonForStep> => {
  const { ruleId, member } = disagreement
  const refuse = (message: string) => Effect.fail(new WrongPersonForStep({ ruleId, step, message }))
  if (disagreement.route === "chair_with_assistant_director") {
    const role = heldRole(by, chairRoles)
    return role !== undefined
      ? Effect.succeed({ role, ruleId })
      : refuse(`Only the ${describeRoles(chairRoles)} takes a disagreement to the Assistant Director (${citation(ruleId, policy)}).`)
  }
  if (step === "member_manager") {
    return by.actor.personId === member.personId
      ? Effect.succeed({ role: by.role, ruleId })
      : refuse(`Only ${member.name}, who dissented, raises it with their own manager (${citation(ruleId, policy)}).`)
  }
  const manager = disagreement.escalations[0]!.to
  if (by.actor.personId === manager.personId) return Effect.succeed({ role: by.role, ruleId })
  if (by.actor.roles.includes("assistant_director")) return Effect.succeed({ role: "assistant_director", ruleId: adTakesUp })
  return refuse(
    `Only ${manager.name}, ${member.name}'s manager, takes it to the Assistant Director (${citation(ruleId, policy)}), or an Assistant Director takes it up (${citation(adTakesUp, policy)}).`
  )
}

const adTakesUp: RuleId = "DEF-DISAGREEMENT-AD-TAKES-UP"
