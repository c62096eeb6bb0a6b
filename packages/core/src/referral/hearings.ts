import { Effect } from "effect"
import type { Outcome } from "../decision/DecisionParts.js"
import type { ActedBy } from "../shared/actor.js"
import { NoSuchRecord } from "../shared/errors.js"
import type { DecisionId, SittingId } from "../shared/ids.js"
import type { Referral, ReferralState } from "./Referral.js"
import { AlreadyHeard } from "./ReferralErrors.js"
import type { ReferralEvent } from "./ReferralEvents.js"

interface Audit {
  readonly by: ActedBy
  readonly at: Referral["createdAt"]
}

/**
 * A decision heard on the request: once per decision (a retried use case changes nothing), and once per sitting,
 * so two contradicting decisions cannot both stand for the same sitting.
 */
export const hearingHeard = (
  referral: Referral,
  hearing: { readonly decisionId: DecisionId; readonly sittingId?: SittingId | undefined; readonly outcome: Outcome },
  audit: Audit
): Effect.Effect<ReadonlyArray<ReferralEvent>, AlreadyHeard> => {
  if (referral.hearings.some((earlier) => earlier.decisionId === hearing.decisionId)) return Effect.succeed([])
  const sameSitting = hearing.sittingId === undefined ? undefined : referral.hearings.find((earlier) => earlier.sittingId === hearing.sittingId)
  if (sameSitting !== undefined) {
    return Effect.fail(
      new AlreadyHeard({
        decisionId: sameSitting.decisionId,
        message: `This request already has a decision from this sitting (${sameSitting.decisionId}): amend that decision rather than record another.`
      })
    )
  }
  return Effect.succeed([
    {
      _tag: "ReferralHeard",
      decisionId: hearing.decisionId,
      outcome: hearing.outcome,
      ...(hearing.sittingId === undefined ? {} : { sittingId: hearing.sittingId }),
      ...audit
    }
  ])
}

/** An amendment changed a decision's outcome: the request's hearing follows it. The same outcome changes nothing. */
export const hearingRevised = (
  state: ReferralState,
  revision: { readonly decisionId: DecisionId; readonly outcome: Outcome },
  audit: Audit
): Effect.Effect<ReadonlyArray<ReferralEvent>, NoSuchRecord> => {
  const hearing = state?.hearings.find((earlier) => earlier.decisionId === revision.decisionId)
  if (hearing === undefined) return Effect.fail(new NoSuchRecord({ message: `This request has no hearing of decision ${revision.decisionId}.` }))
  if (hearing.outcome === revision.outcome) return Effect.succeed([])
  return Effect.succeed([{ _tag: "HearingRevised", decisionId: revision.decisionId, outcome: revision.outcome, ...audit }])
}

/**
 * The request after its latest hearing: decided, or back in line for a later sitting when deferred (ready from the
 * hearing if it never was before: agreed outside panel from its draft, then deferred at panel). A closed request stays closed.
 */
export const afterLatestHearing = (referral: Referral, hearings: Referral["hearings"]): Referral => {
  const latest = hearings.at(-1)
  if (latest === undefined || referral.status === "withdrawn" || referral.status === "redirected") return { ...referral, hearings }
  if (latest.outcome === "defer") {
    const { sittingId: _sittingId, acceptedLate: _late, ...rest } = referral
    return { ...rest, status: "ready", readyAt: referral.readyAt ?? latest.at, hearings }
  }
  return { ...referral, status: "decided", hearings, ...(latest.sittingId === undefined ? {} : { sittingId: latest.sittingId }) }
}

/** A revised hearing changes the request's status only when it is the latest; an earlier one is history. */
export const withRevisedHearing = (referral: Referral, decisionId: DecisionId, outcome: Outcome): Referral => {
  const index = referral.hearings.findIndex((hearing) => hearing.decisionId === decisionId)
  if (index === -1) return referral
  const hearings = referral.hearings.map((hearing, i) => (i === index ? { ...hearing, outcome } : hearing))
  return index === hearings.length - 1 ? afterLatestHearing(referral, hearings) : { ...referral, hearings }
}
