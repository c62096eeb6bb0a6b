import { DateTime } from "effect"
import { citation } from "../policy/citation.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import { type Decision, presentedAfter } from "../decision/Decision.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import { requestTypeLabel } from "../policy/RequestType.js"
import type { Referral } from "../referral/Referral.js"
import { decidesNothing, type Sitting } from "../sitting/Sitting.js"
import type { AgendaEntry } from "../sitting/SittingCommands.js"
import { progressionReason } from "../referral/automaticProgression.js"
import { canStillTake, deferralsFor, offCancelledSittingsFor, offInquorateSittingsFor } from "./deferredRequests.js"
import { reviewWindows } from "./reviewsDue.js"

export interface AgendaInputs {
  readonly referrals: ReadonlyArray<Referral>
  readonly decisions: ReadonlyArray<Decision>
  readonly sittings: ReadonlyArray<Sitting>
  /** When the agenda is proposed: a sitting that has started with no agenda out can no longer take what it was owed. */
  readonly now: DateTime.Utc
}

const childrenOf = (decision: Decision) => [...decision.subject.childIds]
const describe = (types: ReadonlyArray<keyof typeof requestTypeLabel>) => types.map((type) => requestTypeLabel[type]).join(", ")

/** A request's agenda entry: `heading`, then what it asks for. */
const requestEntry = (referral: Referral, heading: string): AgendaEntry => ({
  referralId: referral.id,
  childIds: referral.form.children.map((child) => child.childId),
  kind: "request",
  summary: `${heading}: ${describe(referral.form.requestTypes)}`
})

/**
 * What a sitting should hear: the requests accepted onto it; requests deferred at an earlier sitting of the
 * panel (CPR-8), at the next one; reviews falling due, each brought to the
 * last sitting inside its window or, once the window has passed, the next one (CPR-10, NSO-9, LIN-7), of the sittings
 * that can still take it (a sitting whose agenda went out without it, or that went by with none, passes it on); and
 * decisions made outside panel that the policy presents at the next sitting (NSO-10, KNO-5); requests taken off a
 * cancelled sitting or one the chair found too few members for (NSO-1), at the next one; and requests that go to
 * panel automatically (SUP-3), at the first sitting after they are ready that can still take them.
 */
export const proposeAgenda = (
  sitting: Sitting,
  { referrals, decisions: given, sittings, now }: AgendaInputs,
  policy: AuthorityPolicy,
  calendar: Calendar
): ReadonlyArray<AgendaEntry> => {
  // Reviews and retrospective items in the order their decisions were made, whatever order they were read in.
  const decisions = [...given].sort((a, b) => DateTime.distance(b.heardAt, a.heardAt) || a.id.localeCompare(b.id))
  const live = sittings
    .filter((other) => other.panelId === sitting.panelId && other.cancelled === undefined)
    .sort((a, b) => DateTime.distance(b.startsAt, a.startsAt))
  const after = (instant: DateTime.Utc) => live.filter((other) => DateTime.greaterThan(other.startsAt, instant))
  const takes = canStillTake(sitting, now)

  const requests = referrals
    .filter((referral) => referral.status === "accepted" && referral.sittingId === sitting.id)
    .map((referral) => requestEntry(referral, "Request"))

  // SUP-3: a request that must go to panel is on the first sitting after it is ready that can still take it, accepted
  // onto a sitting or not: an agenda sent out before it was ready, or a sitting gone by without it, passes it on.
  const progressing = referrals
    .filter((referral) => referral.status === "ready" && referral.sittingId === undefined && referral.hearings.length === 0)
    .filter((referral) => referral.form.panelId === sitting.panelId && referral.readyAt !== undefined)
    .flatMap((referral) => {
      const reason = progressionReason(policy, referral)
      return reason !== undefined && after(referral.readyAt!).find(takes)?.id === sitting.id ? [{ referral, reason }] : []
    })
    .map(({ referral, reason }) => requestEntry(referral, `Request (goes to panel automatically, ${citation(reason.ruleId, policy)})`))

  const deferred = deferralsFor(sitting, referrals, sittings, live, now).map(({ referral, deferredAt }) =>
    requestEntry(referral, `Request deferred from ${deferredAt}`)
  )

  const offCancelled = offCancelledSittingsFor(sitting, referrals, live, now).map(({ referral, cancelledOn }) =>
    requestEntry(referral, `Request from the cancelled sitting on ${cancelledOn}`)
  )

  const offInquorate = offInquorateSittingsFor(sitting, referrals, sittings, live, now).map(({ referral, thinOn }) =>
    requestEntry(referral, `Request from the sitting on ${thinOn}, where too few members were present`)
  )

  // A review goes to a sitting that can still take it (CPR-10, NSO-9, LIN-7), or stays with the one whose agenda holds it
  // until that one starts, and once it has started and proceeded, until its record is final (the decision is typed up
  // after the sitting): an agenda sent out without it, a sitting gone by with none, one the chair found too few members
  // for (NSO-1), or a final record with no decision on it, passes it on.
  const holds = (other: Sitting, referralId: string) =>
    other.agenda.some((item) => item.kind === "review" && item.referralId === referralId) &&
    (DateTime.lessThan(now, other.startsAt) || (!decidesNothing(other) && other.record.finalAt === undefined))
  const reviews = reviewWindows(decisions, policy, calendar)
    .filter((window) => {
      const candidates = after(window.decision.heardAt).filter((other) => takes(other) || holds(other, window.decision.subject.referralId))
      const inside = candidates.filter((other) => !DateTime.lessThan(other.startsAt, window.earliest) && !DateTime.greaterThan(other.startsAt, window.latest))
      const target =
        candidates.filter((other) => holds(other, window.decision.subject.referralId)).at(-1) ??
        inside.at(-1) ??
        candidates.find((other) => DateTime.greaterThan(other.startsAt, window.latest))
      return target?.id === sitting.id
    })
    .map((window): AgendaEntry => ({
      referralId: window.decision.subject.referralId,
      childIds: childrenOf(window.decision),
      kind: "review",
      summary: `Review (${citation(window.ruleId, policy)}) of ${describe(window.decision.subject.requestTypes)}`
    }))

  const retrospective = decisions
    .filter((decision) => decision.outsidePanel?.retrospectivePresentation === true && decision.status === "final")
    .filter((decision) => {
      // Presented on another sitting's agenda, unless that sitting did not proceed (too few members, NSO-1).
      const presented = live.some((other) => other.id !== sitting.id && !decidesNothing(other) && other.agenda.some((item) => item.kind === "retrospective" && item.referralId === decision.subject.referralId && DateTime.greaterThan(other.startsAt, presentedAfter(decision))))
      return !presented && DateTime.greaterThan(sitting.startsAt, presentedAfter(decision))
    })
    .map((decision): AgendaEntry => ({
      referralId: decision.subject.referralId,
      childIds: childrenOf(decision),
      kind: "retrospective",
      summary: `Agreed outside panel (${citation(decision.outsidePanel!.ruleId, policy)}): ${describe(decision.subject.requestTypes)}`
    }))

  const seen = new Set<string>()
  return [...retrospective, ...reviews, ...deferred, ...offCancelled, ...offInquorate, ...requests, ...progressing].filter((entry) => {
    const key = `${entry.kind}:${entry.referralId}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
