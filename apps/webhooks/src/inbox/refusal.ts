import { type CitingPolicy, citationOfText } from "@carepanel/core"
import { Effect } from "effect"

/** Failures that are the system's, not the event's: the delivery is not recorded, so the sender retries it. */
const infrastructure = new Set(["PersistenceError", "SqlError", "ConcurrencyConflict", "ClaimedElsewhere"])

export interface Refusal {
  readonly code: string
  readonly message: string
  /** The rule the refusal cites, where it has one. */
  readonly ruleId?: string
}

/** A domain refusal (any tagged error with a message, from the core or the receiver) to record, or the failure to pass on. */
export const classify = (error: unknown): Effect.Effect<Refusal, unknown> => {
  const tagged = error as { readonly _tag?: unknown; readonly message?: unknown; readonly ruleId?: unknown }
  if (typeof tagged?._tag === "string" && typeof tagged.message === "string" && !infrastructure.has(tagged._tag)) {
    return Effect.succeed({ code: tagged._tag, message: tagged.message, ...(typeof tagged.ruleId === "string" ? { ruleId: tagged.ruleId } : {}) })
  }
  return Effect.fail(error)
}

/**
 * Refusals whose words are made of roles, actions, record kinds and statuses, ids and the source's own references only
 * (each built in one place: the core's `authorise`, `NotFound.of`, the deciders' `requireStatus`, this receiver): listed to
 * operators as they are. Any other refusal's words can quote what the event carried (a child's or parent's name, a
 * reason written about the family) and are answered to the case system alone.
 */
const wordsWithoutPersonalData = new Set(["NotPermitted", "NotFound", "ReferralNotInStatus", "PlacementNotInStatus", "SourceNotConfigured", "PlacementAlreadyRecorded"])

/**
 * What operators (integrators and panel administrators, in the API and the terminal UI) are shown of a refusal: its
 * words where they hold no personal data, else where to find them and the rule it cites, under the authority's policy
 * (an own rule with its words, a `DEF-` default saying so). A DPO's choice (docs/webhooks.md, "What operators see of a
 * refusal"): the delivery list is not a child's record, its reads are not in the access log, and an integrator without
 * the identity scope may not read who the child is.
 */
export const listedWords = (refusal: Refusal, policy: CitingPolicy | undefined): string =>
  wordsWithoutPersonalData.has(refusal.code)
    ? refusal.message
    : `The case system was told why in its answer${refusal.ruleId === undefined ? "" : ` (${citationOfText(refusal.ruleId, policy)})`}; those words are not listed here, since they can name the child or family.`
