import { DateTime } from "effect"
import { formatDate } from "../calendar/format.js"
import { resolveClock } from "../calendar/resolveClock.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Referral } from "../referral/Referral.js"
import type { Sitting } from "../sitting/Sitting.js"
import type { ClockSpec } from "./clock.js"

const closed: ReadonlyArray<Referral["status"]> = ["withdrawn", "redirected"]

/**
 * The submission clock (KNO-6, SUP-4, NSO-3, CPR-4, LIN-3). A request on a sitting is measured against that
 * sitting; one not yet on a sitting against the first sitting of its panel whose deadline had not passed
 * when it was submitted (or started, for a draft): the sitting it was aiming for.
 */
export const referralClocks = (
  referral: Referral,
  sittings: ReadonlyArray<Sitting>,
  policy: AuthorityPolicy,
  calendar: Calendar
): ReadonlyArray<ClockSpec> => {
  if (closed.includes(referral.status)) return []
  const rule = policy.referral.submissionDeadline
  const deadlineOf = (sitting: Sitting) => resolveClock(rule.clock, { instant: sitting.startsAt }, calendar).due
  const aimedFrom = referral.submittedAt ?? referral.createdAt
  const target =
    referral.sittingId !== undefined
      ? sittings.find((sitting) => sitting.id === referral.sittingId)
      : sittings
          .filter((sitting) => sitting.panelId === referral.form.panelId && sitting.cancelled === undefined)
          .sort((a, b) => DateTime.distance(b.startsAt, a.startsAt))
          .find((sitting) => !DateTime.lessThan(deadlineOf(sitting), aimedFrom))
  if (target === undefined) return []
  return [
    {
      id: `${referral.id}:submission:${target.id}`,
      about: { kind: "referral", id: referral.id },
      title: `Request complete and approved for the sitting on ${formatDate(target.date)}`,
      rule,
      anchor: target.startsAt,
      anchorText: `the sitting on ${formatDate(target.date)}`,
      metAt: referral.readyAt
    }
  ]
}
