import type { ReferralCommand } from "../referral/ReferralCommands.js"
import type { CommandBody } from "../shared/commandHandler.js"
import type { Decision, DecisionState } from "./Decision.js"

/** What a decision tells the request it is about. */
export type HearingBody = CommandBody<Extract<ReferralCommand, { readonly _tag: "RecordHearing" | "ReviseHearing" }>>

/** The request has heard of a decision at panel from its recording, of one outside panel once it is final. */
const heard = (decision: Decision) => decision.madeAt === "panel" || decision.status === "final"

/**
 * What a decision command tells its request, if anything: a panel decision once recorded (a deferral puts the
 * request back in line), an agreement outside panel once everyone needed has agreed, and an outcome changed
 * afterwards by an edit or an amendment.
 */
export const hearingFor = (before: DecisionState, after: Decision): HearingBody | undefined => {
  if (before !== undefined && heard(before)) {
    return before.content.outcome === after.content.outcome ? undefined : { _tag: "ReviseHearing", decisionId: after.id, outcome: after.content.outcome }
  }
  if (!heard(after)) return undefined
  return { _tag: "RecordHearing", decisionId: after.id, outcome: after.content.outcome, ...(after.sittingId === undefined ? {} : { sittingId: after.sittingId }) }
}
