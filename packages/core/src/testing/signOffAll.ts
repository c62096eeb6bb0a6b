import { Effect } from "effect"
import type { Decision } from "../decision/Decision.js"
import { Decisions } from "../decision/Decisions.js"
import type { Actor } from "../shared/actor.js"
import type { Role } from "../shared/roles.js"

/**
 * Takes every sign-off a decision waits for: the sitting chair's by `chair` (the person who chaired, who found the
 * sitting quorate), the others by the first holder of the step's first role.
 */
export const signOffAll = (decision: Decision, chair: Actor, holderOf: (role: Role) => Actor) =>
  Effect.gen(function* () {
    const decisions = yield* Decisions
    let signed = decision
    for (let step = signed.pendingSignOffs[0]; step !== undefined; step = signed.pendingSignOffs[0]) {
      signed = yield* decisions.signOff(step.bySittingChair ? chair : holderOf(step.roles[0]), signed.id)
    }
    return signed
  })
