import { DateTime } from "effect"
import { formatDate } from "../calendar/format.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Referral } from "../referral/Referral.js"
import type { ReferralClockInputs } from "../referral/referralClockInputs.js"
import type { Sitting } from "../sitting/Sitting.js"
import { type ClockSpec, rememberingResolver } from "./clock.js"

/** A live sitting with its submission deadline, worked out once for every request that aims at it. */
export interface SubmissionWindow {
  readonly sitting: Sitting
  readonly deadline: DateTime.Utc
}

/** Live sittings' submission windows: per panel, soonest first, and by sitting id. */
export interface SubmissionWindows {
  readonly byPanel: ReadonlyMap<string, ReadonlyArray<SubmissionWindow>>
  readonly bySitting: ReadonlyMap<string, SubmissionWindow>
}

export const submissionWindows = (sittings: ReadonlyArray<Sitting>, policy: AuthorityPolicy, calendar: Calendar): SubmissionWindows => {
  const byPanel = new Map<string, SubmissionWindow[]>()
  const bySitting = new Map<string, SubmissionWindow>()
  const resolve = rememberingResolver(calendar)
  const sorted = [...sittings].sort((a, b) => DateTime.distance(b.startsAt, a.startsAt))
  for (const sitting of sorted) {
    if (sitting.cancelled !== undefined) continue
    const window = { sitting, deadline: resolve(policy.referral.submissionDeadline.clock, sitting.startsAt).due }
    const panelWindows = byPanel.get(sitting.panelId) ?? []
    panelWindows.push(window)
    byPanel.set(sitting.panelId, panelWindows)
    bySitting.set(sitting.id, window)
  }
  return { byPanel, bySitting }
}

/** A closed request has no clocks. */
export const closedReferralStatuses: ReadonlyArray<Referral["status"]> = ["withdrawn", "redirected"]

/**
 * No submission clock: a closed request, or one decided without ever being ready (agreed outside panel from its
 * draft, LIN-11, NSO-10): it aims at no sitting any more, and it can no longer be submitted.
 */
export const submissionOver = (referral: ReferralClockInputs) =>
  closedReferralStatuses.includes(referral.status) || (referral.status === "decided" && referral.readyAt === undefined)

/**
 * The submission clock of each request, kept per request object for as long as it aims at the same sitting under the
 * same rule: a store that hands back the same decoded request while its row is unchanged (store-sql does) gets the
 * same clock back, and an authority with thousands of open requests makes no new garbage for them at each call.
 */
const aimedClocks = new WeakMap<ReferralClockInputs, { readonly target: Sitting; readonly rule: AuthorityPolicy["referral"]["submissionDeadline"]; readonly clocks: ReadonlyArray<ClockSpec> }>()

/** The request's clock about `target`, naming the request's children where it knows them. */
const submissionClock = (referral: ReferralClockInputs, target: Sitting, policy: AuthorityPolicy): ClockSpec => {
  const childIds = referral.form.children?.map((child) => child.childId)
  return {
    id: `${referral.id}:submission:${target.id}`,
    about: childIds === undefined || childIds.length === 0 ? { kind: "referral", id: referral.id } : { kind: "referral", id: referral.id, childIds },
    title: `Request complete and approved for the sitting on ${formatDate(target.date)}`,
    rule: policy.referral.submissionDeadline,
    anchor: target.startsAt,
    anchorText: `the sitting on ${formatDate(target.date)}`,
    metAt: referral.readyAt
  }
}

/**
 * The submission clock (KNO-6, SUP-4, NSO-3, CPR-4, LIN-3). A request on a sitting is measured against that
 * sitting; one not on a sitting against the first sitting of its panel whose deadline had not passed when it was
 * submitted (or started, for a draft), or, if heard since, at its latest hearing: the sitting it is aiming for.
 */
export const referralClocks = (
  referral: ReferralClockInputs,
  windows: SubmissionWindows,
  policy: AuthorityPolicy
): ReadonlyArray<ClockSpec> => {
  if (submissionOver(referral)) return []
  const lastHeard = referral.hearings?.at(-1)?.at
  const started = referral.submittedAt ?? referral.createdAt
  // Heard (deferred, say) and then sent back, it aims at a sitting after that hearing, not the one that heard it.
  const aimedFrom = lastHeard !== undefined && DateTime.greaterThan(lastHeard, started) ? lastHeard : started
  const onSitting = referral.sittingId === undefined ? undefined : windows.bySitting.get(referral.sittingId)
  const target =
    referral.sittingId !== undefined
      ? onSitting?.sitting.panelId === referral.form.panelId ? onSitting.sitting : undefined
      : (windows.byPanel.get(referral.form.panelId) ?? []).find((window) => !DateTime.lessThan(window.deadline, aimedFrom))?.sitting
  if (target === undefined) return []
  const rule = policy.referral.submissionDeadline
  const known = aimedClocks.get(referral)
  if (known !== undefined && known.target === target && known.rule === rule) return known.clocks
  const clocks = [submissionClock(referral, target, policy)]
  aimedClocks.set(referral, { target, rule, clocks })
  return clocks
}
