import { DateTime, Effect } from "effect"
import { NoSuchRecord } from "../shared/errors.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import { formatDate, formatInstant } from "../calendar/format.js"
import { resolveClock } from "../calendar/resolveClock.js"
import { type CitingPolicy, citation } from "../policy/citation.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { actedBy } from "../shared/authorise.js"
import type { Decider } from "../shared/decider.js"
import { describeRoles, roleLabel } from "../shared/roles.js"
import type { Referral, ReferralState, ReferralStatus } from "./Referral.js"
import type { ReferralCommand } from "./ReferralCommands.js"
import {
  LatePermissionNotAllowed,
  LateRequest,
  NotNextApprover,
  ReferralAlreadyExists,
  ReferralNotInStatus,
  type ReferralRefusal,
  WrongSitting
} from "./ReferralErrors.js"
import type { ReferralEvent } from "./ReferralEvents.js"
import { evolveReferral } from "./evolveReferral.js"
import { mayWithdraw } from "./automaticProgression.js"
import { hearingHeard, hearingRevised } from "./hearings.js"
import { redirectTarget } from "./redirect.js"
import { sittingCanTake } from "./sittingChecks.js"
import { submissionChecks } from "./submissionChecks.js"
import { decidesNothing } from "../sitting/Sitting.js"

export interface ReferralContext {
  readonly policy: AuthorityPolicy
  readonly calendar: Calendar
}

/** "is waiting for the team manager's approval (LIN-3)": whose approval comes next (they are given in order), and under which rule. */
const awaitingWords = (referral: Referral, policy: CitingPolicy): string => {
  const [next] = referral.pendingApprovals
  return next === undefined ? "is waiting for approval" : `is waiting for the ${roleLabel[next.role]}'s approval (${citation(next.ruleId, policy)})`
}

const statusWords: Record<Exclude<ReferralStatus, "awaiting_approval">, string> = {
  draft: "is still a draft",
  ready: "is ready for a sitting",
  accepted: "is already on a sitting's agenda",
  decided: "has been decided",
  withdrawn: "has been withdrawn",
  redirected: "has been sent to another panel"
}

/** Refuses unless the request is in one of `allowed`; returns it otherwise. */
const requireStatus = (
  state: ReferralState,
  allowed: ReadonlyArray<ReferralStatus>,
  doing: string,
  policy: CitingPolicy
): Effect.Effect<Referral, ReferralNotInStatus | NoSuchRecord> => {
  if (state === undefined) return Effect.fail(new NoSuchRecord({ message: `There is no request to ${doing}.` }))
  if (!allowed.includes(state.status)) {
    return Effect.fail(
      new ReferralNotInStatus({
        status: state.status,
        message: `You cannot ${doing}: this request ${state.status === "awaiting_approval" ? awaitingWords(state, policy) : statusWords[state.status]}.`
      })
    )
  }
  return Effect.succeed(state)
}

/**
 * The late route's own rule, where it is not the deadline's: a chair letting a late request on is Carepanel's default
 * at most authorities (DEF-LATE-PERMISSION), not something the deadline's rule (NSO-3, LIN-3) says.
 */
const lateRouteCited = (policy: AuthorityPolicy): string => {
  const { latePermission, submissionDeadline } = policy.referral
  return latePermission.ruleId === submissionDeadline.ruleId ? "" : ` (${citation(latePermission.ruleId, policy)})`
}

/** Types a command's events as referral events (so `_tag` literals stay literal). */
const emit = (...events: ReadonlyArray<ReferralEvent>): ReadonlyArray<ReferralEvent> => events

const decide = (
  command: ReferralCommand,
  state: ReferralState,
  { policy, calendar }: ReferralContext
): Effect.Effect<ReadonlyArray<ReferralEvent>, ReferralRefusal> =>
  Effect.gen(function* () {
    const audit = { by: actedBy(command.by), at: command.at }
    switch (command._tag) {
      case "CreateDraft":
        if (state !== undefined) {
          return yield* new ReferralAlreadyExists({
            referralId: command.referralId,
            message: `A request with id ${command.referralId} already exists.`
          })
        }
        return emit({ _tag: "DraftCreated", referralId: command.referralId, authorityId: command.by.authorityId, form: command.form, ...audit })
      case "EditDraft":
        yield* requireStatus(state, ["draft"], "edit this request", policy)
        return emit({ _tag: "DraftEdited", form: command.form, ...audit })
      case "RecordDocument":
        yield* requireStatus(state, ["draft", "awaiting_approval", "ready", "accepted"], "add a document", policy)
        return emit({ _tag: "DocumentRecorded", document: command.document, ...audit })
      case "Submit": {
        const referral = yield* requireStatus(state, ["draft"], "submit this request", policy)
        return emit({ _tag: "ReferralSubmitted", ...(yield* submissionChecks(referral, policy, command.at)), ...audit })
      }
      case "Approve": {
        const referral = yield* requireStatus(state, ["awaiting_approval"], "approve this request", policy)
        const next = referral.pendingApprovals[0]!
        if (!command.by.actor.roles.includes(next.role)) {
          return yield* new NotNextApprover({
            waitingFor: next.role,
            message: `This request is waiting for the ${roleLabel[next.role]}'s approval (${citation(next.ruleId, policy)}).`
          })
        }
        return emit({ _tag: "ReferralApproved", role: next.role, ruleId: next.ruleId, ...audit, by: { ...audit.by, role: next.role } })
      }
      case "ReturnForChanges":
        yield* requireStatus(state, ["awaiting_approval", "ready"], "return this request for changes", policy)
        return emit({ _tag: "ReturnedForChanges", reason: command.reason, ...audit })
      case "GrantLatePermission": {
        const rule = policy.referral.latePermission
        if (!rule.roles.some((role) => command.by.actor.roles.includes(role))) {
          return yield* new LatePermissionNotAllowed({
            ruleId: rule.ruleId,
            message:
              rule.roles.length === 0
                ? `This panel does not take late requests (${citation(rule.ruleId, policy)}).`
                : `Only the ${describeRoles(rule.roles)} can let a late request onto the agenda (${citation(rule.ruleId, policy)}).`
          })
        }
        const referral = yield* requireStatus(state, ["draft", "awaiting_approval", "ready"], "allow this request late", policy)
        yield* sittingCanTake(referral, command.sitting, command.at)
        return emit({ _tag: "LatePermissionGranted", sittingId: command.sitting.id, sitting: { panelId: command.sitting.panelId, date: command.sitting.date }, reason: command.reason, ...audit })
      }
      case "AcceptOntoSitting": {
        // A request on a sitting the chair found too few members for was not heard: it may go on another (NSO-1).
        const leaving = state?.status === "accepted" && command.from !== undefined && command.from.id === state.sittingId && decidesNothing(command.from)
        const referral = yield* requireStatus(state, leaving ? ["accepted"] : ["ready"], "put this request on a sitting", policy)
        const { sitting } = command
        yield* sittingCanTake(referral, sitting, command.at)
        const rule = policy.referral.submissionDeadline
        const deadline = resolveClock(rule.clock, { instant: sitting.startsAt }, calendar)
        const readyAt = referral.readyAt!
        const late = DateTime.greaterThan(readyAt, deadline.due)
        if (late && !referral.latePermissions.some((permission) => permission.sittingId === sitting.id)) {
          return yield* new LateRequest({
            ruleId: rule.ruleId,
            deadline: DateTime.formatIso(deadline.due),
            message:
              `This request was ready at ${formatInstant(readyAt)}, after the deadline of ${formatInstant(deadline.due)} ` +
              `(${citation(rule.ruleId, policy)}: ${deadline.phrase} the sitting on ${formatDate(sitting.date)}). ` +
              (policy.referral.latePermission.roles.length === 0
                ? "This panel does not take late requests: it can go to the next sitting."
                : `It needs the permission of the ${describeRoles(policy.referral.latePermission.roles)} to be heard then${lateRouteCited(policy)}.`)
          })
        }
        return emit({ _tag: "AcceptedOntoSitting", sittingId: sitting.id, sittingDate: sitting.date, late, ...audit })
      }
      case "RecordHearing": {
        const referral = yield* requireStatus(
          state,
          ["draft", "awaiting_approval", "ready", "accepted", "decided"],
          "record a decision on this request",
          policy
        )
        return yield* hearingHeard(referral, command, audit)
      }
      case "ReviseHearing":
        return yield* hearingRevised(state, command, audit)
      case "LeaveCancelledSitting": {
        const referral = yield* requireStatus(state, ["accepted"], "take this request off a cancelled sitting", policy)
        if (referral.sittingId !== command.sittingId) {
          return yield* new WrongSitting({ message: `This request is not on the sitting on ${formatDate(command.sittingDate)}.` })
        }
        return emit({ _tag: "LeftCancelledSitting", sittingId: command.sittingId, sittingDate: command.sittingDate, ...audit })
      }
      case "Withdraw": {
        const referral = yield* requireStatus(state, ["draft", "awaiting_approval", "ready", "accepted"], "withdraw this request", policy)
        yield* mayWithdraw(policy, referral, command.by)
        return emit({ _tag: "ReferralWithdrawn", reason: command.reason, ...audit })
      }
      case "Redirect": {
        const referral = yield* requireStatus(state, ["draft", "awaiting_approval", "ready"], "redirect this request", policy)
        const target = yield* redirectTarget(policy, referral.form, command.ruleId, command.redirectTo)
        return emit({ _tag: "ReferralRedirected", ...target, reason: command.reason, ...audit })
      }
    }
  })

export const referralDecider: Decider<ReferralCommand, ReferralEvent, ReferralState, ReferralRefusal, ReferralContext> = {
  initialState: undefined,
  evolve: evolveReferral,
  decide
}
