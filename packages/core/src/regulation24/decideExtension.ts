import { DateTime, Effect } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Authorised } from "../shared/authorise.js"
import type { ActedBy } from "../shared/actor.js"
import { describeNominatedOfficer, isNominatedOfficer } from "./nominatedOfficer.js"
import { extensionStepLabel, missingExtensionSteps, type Placement, type PlacementState, type TemporaryApproval } from "./Placement.js"
import type { PlacementCommand } from "./PlacementCommands.js"
import type { PlacementContext } from "./PlacementDecider.js"
import {
  AlreadyExtended,
  ExtensionConditionsNotMet,
  InvalidExtension,
  InvalidExtensionStep,
  NoReviewPending,
  NotNominatedOfficer,
  NotYetHappened
} from "./PlacementErrors.js"
import type { PlacementEvent } from "./PlacementEvents.js"
import { notExpired, requireStatus, unmet } from "./placementGuards.js"
import { extendedExpiry, maxWeeksAllowed } from "./placementRules.js"

type ExtensionCommand = Extract<
  PlacementCommand,
  { readonly _tag: "RecordPlacementReconsidered" | "RecordFosteringPanelViewsSought" | "RecordIroInformed" | "ExtendApproval" | "ExtendPendingReview" | "RecordIndependentReviewOutcome" }
>

const emitted = (...events: ReadonlyArray<PlacementEvent>): ReadonlyArray<PlacementEvent> => events

/**
 * STAT-R25-3, before either route of extension: every step recorded (named if missing), then the nominated officer
 * as the authority's policy names them. Returns the grounds the extension is made on.
 */
const extensionReady = (placement: Placement, by: Authorised, policy: AuthorityPolicy, before: string) =>
  Effect.gen(function* () {
    const grounds = placement.extensionGrounds
    const missing = missingExtensionSteps(grounds).map((step) => extensionStepLabel[step])
    const notAppropriate = grounds?.reconsidered?.stillMostAppropriate === false
    if (notAppropriate) {
      return yield* new ExtensionConditionsNotMet({
        ruleId: "STAT-R25-3",
        missing,
        message: `${before}: the placement was reconsidered at ${formatInstant(grounds!.reconsidered!.at)} and found no longer the most appropriate (STAT-R25-3). Record a new reconsideration if that has changed.`
      })
    }
    yield* unmet("STAT-R25-3", missing, before)
    if (!isNominatedOfficer(policy, by.actor)) {
      const who = describeNominatedOfficer(policy)
      return yield* new NotNominatedOfficer({
        ruleId: "STAT-R25-3",
        message:
          who === undefined
            ? "This authority's policy names no nominated officer for regulation 25, so no extension can be approved: the policy must name one (STAT-R25-3)."
            : `Only the authority's nominated officer (${who}) approves an extension (STAT-R25-3).`
      })
    }
    return grounds!
  })

/** STAT-R25-2: an approval already running until a review's outcome is not extended again (nor, once it ended, at all). */
const notPendingReview = (approval: TemporaryApproval, at: DateTime.Utc) =>
  approval.pendingReview === undefined
    ? Effect.void
    : Effect.zipRight(
        notExpired(approval, at),
        Effect.fail(new AlreadyExtended({ ruleId: "STAT-R25-2", message: "The approval already runs until the independent review's outcome is known (STAT-R25-2)." }))
      )

/**
 * Regulation 25: the steps recorded before an extension (STAT-R25-3), the one extension (STAT-R25-1), the approval
 * running on until an independent review's outcome (STAT-R25-2), and that outcome.
 */
export const decideExtension = (
  command: ExtensionCommand,
  state: PlacementState,
  { policy, calendar }: PlacementContext,
  audit: { readonly by: ActedBy; readonly at: DateTime.Utc }
) =>
  Effect.gen(function* () {
    switch (command._tag) {
      case "RecordPlacementReconsidered": {
        yield* requireStatus(state, ["placed"], "record the placement's reconsideration")
        const reasons = command.reasons.trim()
        if (reasons === "") {
          return yield* new InvalidExtensionStep({
            ruleId: "STAT-R25-3",
            field: "reasons",
            message: "Say why the placement is, or is not, still the most appropriate (STAT-R25-3): the reasons are empty."
          })
        }
        return emitted({ _tag: "PlacementReconsidered", stillMostAppropriate: command.stillMostAppropriate, reasons, ...audit })
      }
      case "RecordFosteringPanelViewsSought":
        yield* requireStatus(state, ["placed"], "record that the fostering panel's views were sought")
        return emitted({ _tag: "FosteringPanelViewsSought", ...audit })
      case "RecordIroInformed": {
        yield* requireStatus(state, ["placed"], "record that the IRO was informed")
        const iroName = command.iroName.trim()
        if (iroName === "") {
          return yield* new InvalidExtensionStep({ ruleId: "STAT-R25-3", field: "iroName", message: "Name the child's Independent Reviewing Officer who was informed (STAT-R25-3)." })
        }
        return emitted({ _tag: "IroInformed", iroName, ...audit })
      }
      case "ExtendApproval": {
        const placement = yield* requireStatus(state, ["placed"], "extend the temporary approval")
        const approval = placement.approval!
        yield* notPendingReview(approval, command.at)
        if (approval.extension !== undefined) {
          return yield* new AlreadyExtended({
            ruleId: "STAT-R25-1",
            message: `The temporary approval was already extended once, to ${formatInstant(approval.expiresAt)}; regulation 25 allows one extension only (STAT-R25-1).`
          })
        }
        yield* notExpired(approval, command.at)
        const maxWeeks = maxWeeksAllowed(policy, approval.originalExpiresAt, calendar)
        if (!Number.isInteger(command.weeks) || command.weeks < 1 || command.weeks > maxWeeks) {
          return yield* new InvalidExtension({
            ruleId: "STAT-R25-1",
            maxWeeks,
            message:
              maxWeeks === 0
                ? "This authority's policy allows no extension of a temporary approval (STAT-R25-1)."
                : `An extension is a whole number of weeks from 1 to ${maxWeeks}, not ${command.weeks} (STAT-R25-1).`
          })
        }
        const grounds = yield* extensionReady(placement, command.by, policy, "Before the temporary approval can be extended")
        const expiresAt = extendedExpiry(approval.originalExpiresAt, command.weeks, calendar)
        return emitted({ _tag: "ApprovalExtended", weeks: command.weeks, from: approval.originalExpiresAt, expiresAt, grounds, ...audit })
      }
      case "ExtendPendingReview": {
        const placement = yield* requireStatus(state, ["placed"], "extend the approval pending a review")
        const approval = placement.approval!
        yield* notPendingReview(approval, command.at)
        yield* notExpired(approval, command.at)
        const missing = [
          ...(command.facts.fullAssessmentRefused ? [] : ["the full assessment ended in refusal"]),
          ...(command.facts.independentReviewSought ? [] : ["the carers have sought an independent review"])
        ]
        yield* unmet("STAT-R25-2", missing, "Before the approval can run on until a review's outcome")
        const grounds = yield* extensionReady(placement, command.by, policy, "Before the approval can run on until a review's outcome")
        return emitted({ _tag: "ApprovalExtendedPendingReview", grounds, ...audit })
      }
      case "RecordIndependentReviewOutcome": {
        const placement = yield* requireStatus(state, ["placed"], "record an independent review's outcome")
        const pendingReview = placement.approval?.pendingReview
        if (pendingReview === undefined) {
          return yield* new NoReviewPending({
            ruleId: "STAT-R25-2",
            message: "The temporary approval was not extended until an independent review's outcome (STAT-R25-2), so there is no review outcome to record."
          })
        }
        if (pendingReview.outcome !== undefined) {
          return yield* new NoReviewPending({
            ruleId: "STAT-R25-2",
            message: `The independent review's outcome was already recorded at ${formatInstant(pendingReview.outcome.at)}.`
          })
        }
        const knownAt = command.knownAt ?? command.at
        if (DateTime.greaterThan(knownAt, command.at)) {
          return yield* new NotYetHappened({ message: `The review's outcome cannot be recorded as known at ${formatInstant(knownAt)}, which is still to come.` })
        }
        if (DateTime.lessThan(knownAt, pendingReview.at)) {
          return yield* new NotYetHappened({
            message: `The approval was extended pending the review at ${formatInstant(pendingReview.at)}; its outcome cannot have been known before, at ${formatInstant(knownAt)}.`
          })
        }
        const outcome = { _tag: "IndependentReviewOutcomeRecorded", carersApproved: command.carersApproved, knownAt, ...audit } as const
        // Approved as foster carers, the child stays with them as an ordinary foster placement: regulation 24's ends,
        // when the approval was known, not when it was recorded.
        return command.carersApproved
          ? emitted(outcome, { _tag: "PlacementEnded", reason: "approved_as_foster_carer", endedAt: knownAt, ...audit })
          : emitted(outcome)
      }
    }
  })
