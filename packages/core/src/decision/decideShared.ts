import { Effect } from "effect"
import type { CitingPolicy } from "../policy/citation.js"
import type { Authorised } from "../shared/authorise.js"
import type { Role } from "../shared/roles.js"
import type { Decision } from "./Decision.js"
import { DecisionNotFinal, IncompleteDecision } from "./DecisionErrors.js"
import type { DecisionEvent } from "./DecisionEvents.js"
import { describeGaps, type Gap } from "./decisionChecks.js"

/** Types a command's events as decision events (so `_tag` literals stay literal). */
export const emit = (...events: ReadonlyArray<DecisionEvent>): ReadonlyArray<DecisionEvent> => events

export const incomplete = (gaps: ReadonlyArray<Gap>, policy: CitingPolicy) =>
  new IncompleteDecision({ missing: [...gaps], message: `The decision cannot be recorded yet. It must say: ${describeGaps(gaps, policy)}.` })

/** The first of `wanted` the actor holds, if any: the role under which they take this step. */
export const roleFor = (by: Authorised, wanted: ReadonlyArray<Role>): Role | undefined => wanted.find((role) => by.actor.roles.includes(role))

export const final = (decision: Decision) =>
  decision.status === "final"
    ? Effect.succeed(decision)
    : Effect.fail(new DecisionNotFinal({ message: "This decision is not final yet: it is still waiting for sign-off or agreement." }))

/** Who may approve a correction to a signed decision; the approver records it themselves. */
export const amendmentApprovers = ["panel_chair", "vice_chair", "assistant_director"] as const satisfies ReadonlyArray<Role>

/** The roles under which someone may chair a sitting or deputise for its chair, in any preset. */
export const chairingRoles = ["panel_chair", "vice_chair", "assistant_director", "head_of_service"] as const satisfies ReadonlyArray<Role>
