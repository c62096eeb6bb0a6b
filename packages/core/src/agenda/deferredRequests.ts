import { DateTime } from "effect"
import { formatDate } from "../calendar/format.js"
import { londonDateOf } from "../calendar/londonTime.js"
import type { Referral } from "../referral/Referral.js"
import type { Sitting } from "../sitting/Sitting.js"

/** A request deferred at an earlier sitting and not heard since, with the sitting that deferred it. */
export interface Deferral {
  readonly referral: Referral
  /** "the sitting on Wed 9 Jun 2027" */
  readonly deferredAt: string
}

/** The first of the panel's live sittings that `after` accepts and that can still take a request: `sitting` itself, or one not yet published. */
const nextOpenSitting = (sitting: Sitting, live: ReadonlyArray<Sitting>, after: (candidate: Sitting) => boolean) =>
  live.find((candidate) => after(candidate) && (candidate.id === sitting.id || candidate.agendaPublishedAt === undefined))

/**
 * CPR-8: a deferred request comes back by itself. It belongs on the first live sitting of its panel after the one
 * that deferred it whose agenda is not yet published; a sitting published without it (or heard without reaching
 * it) passes it on to the next. `live` is the panel's sittings, not cancelled, soonest first.
 */
export const deferralsFor = (
  sitting: Sitting,
  referrals: ReadonlyArray<Referral>,
  sittings: ReadonlyArray<Sitting>,
  live: ReadonlyArray<Sitting>
): ReadonlyArray<Deferral> =>
  referrals.flatMap((referral): ReadonlyArray<Deferral> => {
    const last = referral.hearings.at(-1)
    if (referral.status !== "ready" || referral.form.panelId !== sitting.panelId || last?.outcome !== "defer") return []
    const deferredAt = sittings.find((candidate) => candidate.id === last.sittingId)
    const since = deferredAt?.startsAt ?? last.at
    if (nextOpenSitting(sitting, live, (candidate) => DateTime.greaterThan(candidate.startsAt, since))?.id !== sitting.id) return []
    return [{ referral, deferredAt: `the sitting on ${formatDate(deferredAt?.date ?? londonDateOf(last.at))}` }]
  })

/**
 * A request taken off a sitting when it was cancelled comes back the same way: at the first live sitting of its panel
 * after the cancelled one whose agenda is not yet published.
 */
export const offCancelledSittingsFor = (
  sitting: Sitting,
  referrals: ReadonlyArray<Referral>,
  live: ReadonlyArray<Sitting>
): ReadonlyArray<{ readonly referral: Referral; readonly cancelledOn: string }> =>
  referrals.flatMap((referral) => {
    const off = referral.cancelledSitting
    if (referral.status !== "ready" || off === undefined || referral.form.panelId !== sitting.panelId) return []
    if (nextOpenSitting(sitting, live, (candidate) => candidate.date > off.date)?.id !== sitting.id) return []
    return [{ referral, cancelledOn: formatDate(off.date) }]
  })
