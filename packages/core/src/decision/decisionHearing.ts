import type { ReferralCommand } from "../referral/ReferralCommands.js"
import type { CommandBody } from "../shared/commandHandler.js"
import type { Decision, DecisionState } from "./Decision.js"

/** What a decision tells the request it is about. */
export type HearingBody = CommandBody<Extract<ReferralCommand, { readonly _tag: "RecordHearing" | "ReviseHearing" }>>

/**
 * A hearing of its request: a decision at panel from its recording, one outside panel once everyone needed has agreed
 * it (LIN-11, NSO-10). Until then it is a proposal: it meets no return or review and starts none.
 */
export const isAHearing = (decision: Decision) => decision.madeAt === "panel" || decision.status === "final"

/**
 * What a decision command tells its request, if anything: a panel decision once recorded (a deferral puts the
 * request back in line), an agreement outside panel once everyone needed has agreed, and an outcome changed
 * afterwards by an edit or an amendment.
 */
export const hearingFor = (before: DecisionState, after: Decision): HearingBody | undefined => {
  if (before !== undefined && isAHearing(before)) {
    return before.content.outcome === after.content.outcome ? undefined : { _tag: "ReviseHearing", decisionId: after.id, outcome: after.content.outcome }
  }
  if (!isAHearing(after)) return undefined
  return { _tag: "RecordHearing", decisionId: after.id, outcome: after.content.outcome, ...(after.sittingId === undefined ? {} : { sittingId: after.sittingId }) }
}
