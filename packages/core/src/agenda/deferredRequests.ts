import { DateTime } from "effect"
import { formatDate } from "../calendar/format.js"
import { londonDateOf } from "../calendar/londonTime.js"
import type { Referral } from "../referral/Referral.js"
import { decidesNothing, type Sitting } from "../sitting/Sitting.js"

/** A request deferred at an earlier sitting and not heard since, with the sitting that deferred it. */
export interface Deferral {
  readonly referral: Referral
  /** "the sitting on Wed 9 Jun 2027" */
  readonly deferredAt: string
}

/**
 * A sitting that can still take a request brought back by itself: `sitting` itself (the one whose agenda is being
 * built), or one whose agenda is not yet published and that has not started by `now` (a sitting that went by without
 * an agenda heard nothing and can no longer take one).
 */
export const canStillTake = (sitting: Sitting, now: DateTime.Utc) => (candidate: Sitting) =>
  candidate.id === sitting.id || (candidate.agendaPublishedAt === undefined && DateTime.lessThan(now, candidate.startsAt))

/** The first of the panel's live sittings that `after` accepts and that can still take a request. */
const nextOpenSitting = (sitting: Sitting, live: ReadonlyArray<Sitting>, after: (candidate: Sitting) => boolean, now: DateTime.Utc) =>
  live.find((candidate) => after(candidate) && canStillTake(sitting, now)(candidate))

/**
 * CPR-8: a deferred request comes back by itself. It belongs on the first live sitting of its panel after the one
 * that deferred it whose agenda is not yet published; a sitting published without it (or heard without reaching
 * it), or one that went by at `now` with no agenda, passes it on to the next. `live` is the panel's sittings, not
 * cancelled, soonest first.
 */
export const deferralsFor = (
  sitting: Sitting,
  referrals: ReadonlyArray<Referral>,
  sittings: ReadonlyArray<Sitting>,
  live: ReadonlyArray<Sitting>,
  now: DateTime.Utc
): ReadonlyArray<Deferral> =>
  referrals.flatMap((referral): ReadonlyArray<Deferral> => {
    const last = referral.hearings.at(-1)
    if (referral.status !== "ready" || referral.form.panelId !== sitting.panelId || last?.outcome !== "defer") return []
    const deferredAt = sittings.find((candidate) => candidate.id === last.sittingId)
    const since = deferredAt?.startsAt ?? last.at
    if (nextOpenSitting(sitting, live, (candidate) => DateTime.greaterThan(candidate.startsAt, since), now)?.id !== sitting.id) return []
    return [{ referral, deferredAt: `the sitting on ${formatDate(deferredAt?.date ?? londonDateOf(last.at))}` }]
  })

/**
 * A request taken off a sitting when it was cancelled comes back the same way: at the first live sitting of its panel
 * after the cancelled one whose agenda is not yet published.
 */
export const offCancelledSittingsFor = (
  sitting: Sitting,
  referrals: ReadonlyArray<Referral>,
  live: ReadonlyArray<Sitting>,
  now: DateTime.Utc
): ReadonlyArray<{ readonly referral: Referral; readonly cancelledOn: string }> =>
  referrals.flatMap((referral) => {
    const off = referral.cancelledSitting
    if (referral.status !== "ready" || off === undefined || referral.form.panelId !== sitting.panelId) return []
    if (nextOpenSitting(sitting, live, (candidate) => candidate.date > off.date, now)?.id !== sitting.id) return []
    return [{ referral, cancelledOn: formatDate(off.date) }]
  })

/**
 * A request accepted onto a sitting whose chair found too few members present (NSO-1) was not heard there: it is
 * offered the same way, at the first live sitting of its panel after that one that can still take it, until the
 * administrator puts it on another.
 */
export const offInquorateSittingsFor = (
  sitting: Sitting,
  referrals: ReadonlyArray<Referral>,
  sittings: ReadonlyArray<Sitting>,
  live: ReadonlyArray<Sitting>,
  now: DateTime.Utc
): ReadonlyArray<{ readonly referral: Referral; readonly thinOn: string }> =>
  referrals.flatMap((referral) => {
    if (referral.status !== "accepted" || referral.form.panelId !== sitting.panelId) return []
    const on = sittings.find((candidate) => candidate.id === referral.sittingId)
    if (on === undefined || !decidesNothing(on)) return []
    if (nextOpenSitting(sitting, live, (candidate) => DateTime.greaterThan(candidate.startsAt, on.startsAt), now)?.id !== sitting.id) return []
    return [{ referral, thinOn: formatDate(on.date) }]
  })
