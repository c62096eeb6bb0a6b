import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { RuleId } from "../policy/rules.js"
import type { ChildRecord } from "./ChildRecord.js"
import { closedSpans, courtSpans } from "./SecureAccommodation.js"
import { countedParts, describeHours, limitHours, reachesAt, usedInWindowEnding } from "./secureAccommodationBudget.js"

/**
 * STAT-S25: while the child is in secure accommodation, when the 72 hours in 28 days run out (counting earlier periods
 * in the window and none of the time under a court's authority), with the policy's warning before then (DEF-S25-WARN-48H, at
 * 48 hours used, unless replaced or turned off: `statutoryWarnings.secureAccommodation`). The warning's clock keeps the
 * id `secure-48h` whatever its hours, so that a changed policy does not make reminders already sent new again.
 * Both are met by the period's end; a period that ended after its limit shows met late. Ended periods keep their clocks.
 */
export const secureClocks = (record: ChildRecord, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> => {
  const warning = policy.statutoryWarnings.secureAccommodation
  const secure = record.secureAccommodation
  const courts = courtSpans(secure)
  const about = { kind: "child" as const, id: record.childId }
  return secure.periods.flatMap((period) => {
    const start = DateTime.toEpochMillis(period.startedAt)
    const earlier = closedSpans(secure)
      .filter((span) => span.to <= start)
      .flatMap((span) => countedParts(span, courts))
    const before = describeHours(usedInWindowEnding(earlier, start))
    const clockAt = (hours: number, ruleId: RuleId, title: string): ReadonlyArray<ClockSpec> => {
      const due = reachesAt(earlier, start, courts, hours)
      if (due === undefined) return []
      const dueAt = DateTime.unsafeMake(due)
      const ofThis = describeHours(usedInWindowEnding(countedParts({ from: start, to: due }, courts), due))
      const fromEarlier = describeHours(usedInWindowEnding(earlier, due))
      return [
        {
          id: `${record.childId}:${hours === limitHours ? "secure-72h" : "secure-48h"}:${period.periodId}`,
          about,
          title,
          rule: {
            ruleId,
            fixed: {
              due: dueAt,
              phrase: `when ${hours} hours in secure accommodation without a court's authority are used in the 28 days to then (elapsed hours): ${fromEarlier} of earlier periods and ${ofThis} of`
            }
          },
          anchor: period.startedAt,
          anchorText: `the period that began at ${formatInstant(period.startedAt)} (${before} used in the 28 days before it)`,
          metAt: period.endedAt
        }
      ]
    }
    const clocks = [
      ...(warning === null
        ? []
        : clockAt(warning.hours, warning.ruleId, `${warning.hours} of the 72 hours in secure accommodation used: seek the court's authority or plan the child's move`)),
      ...clockAt(limitHours, "STAT-S25", "72 hours in secure accommodation in 28 days: the child leaves, or the court's authority is needed")
    ]
    return clocks
  })
}
