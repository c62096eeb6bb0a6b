import { DateTime, Effect } from "effect"
import { NoSuchRecord } from "../shared/errors.js"
import { formatInstant } from "../calendar/format.js"
import { currentExpiry, hasExpired, type Placement, type PlacementState, type PlacementStatus, type TemporaryApproval } from "./Placement.js"
import { AlreadyRecorded, ApprovalExpired, ExtensionConditionsNotMet, PlacementNotInStatus } from "./PlacementErrors.js"

// The checks placement commands share, each failing with a refusal a social worker can act on.

const statusWords: Record<PlacementStatus, string> = {
  identified: "the child has not been placed with the carers yet",
  not_regulation24: "the basic test found this is not a Regulation 24 placement, so nothing more is recorded on it",
  placed: "the child is already placed",
  ended: "this placement has ended"
}

/** Identified or placed: not closed by the basic test or by an ending. */
export const openStatuses: ReadonlyArray<PlacementStatus> = ["identified", "placed"]

/** Refuses unless the placement is in one of `allowed`; returns it otherwise. */
export const requireStatus = (
  state: PlacementState,
  allowed: ReadonlyArray<PlacementStatus>,
  doing: string
): Effect.Effect<Placement, NoSuchRecord | PlacementNotInStatus> => {
  if (state === undefined) return Effect.fail(new NoSuchRecord({ message: `There is no placement to ${doing}.` }))
  if (!allowed.includes(state.status)) {
    return Effect.fail(new PlacementNotInStatus({ status: state.status, message: `You cannot ${doing}: ${statusWords[state.status]}.` }))
  }
  return Effect.succeed(state)
}

/** Refuses a step that is recorded once and already is. */
export const once = (done: { readonly at: DateTime.Utc } | undefined, what: string) =>
  done === undefined
    ? Effect.void
    : Effect.fail(new AlreadyRecorded({ what, message: `The ${what} was already recorded at ${formatInstant(done.at)}.` }))

/** STAT-R25-4: nothing extends an approval that has run out. */
export const notExpired = (approval: TemporaryApproval, at: DateTime.Utc) => {
  const expiry = currentExpiry(approval)
  return expiry === undefined || !hasExpired(approval, at)
    ? Effect.void
    : Effect.fail(
        new ApprovalExpired({
          ruleId: "STAT-R25-4",
          expiredAt: DateTime.formatIso(expiry),
          message:
            `The temporary approval expired at ${formatInstant(expiry)} and cannot be extended now. ` +
            "The placement must end once other accommodation is arranged (STAT-R25-4)."
        })
      )
}

/**
 * STAT-R25-3 or STAT-R25-2: refuses while anything the law asks before extending is not recorded. The regulation's id,
 * which no policy replaces, so the message cites it by id alone.
 */
export const unmet = (ruleId: "STAT-R25-3" | "STAT-R25-2", missing: ReadonlyArray<string>, before: string) =>
  missing.length === 0
    ? Effect.void
    : Effect.fail(new ExtensionConditionsNotMet({ ruleId, missing: [...missing], message: `${before} (${ruleId}), record that: ${missing.join("; ")}.` }))
