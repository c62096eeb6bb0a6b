import { DateTime } from "effect"
import { formatInstant } from "../calendar/format.js"
import { earliest } from "./earliest.js"
import type { ClockSpec } from "../deadlines/clock.js"
import type { AuthorityPolicy } from "../policy/AuthorityPolicy.js"
import type { Sitting } from "../sitting/Sitting.js"
import type { ChildRecord } from "./ChildRecord.js"
import { type EmergencyProtectionOrder, epoEndsAt } from "./EmergencyProtectionOrder.js"
import { extendedAtOf } from "./extendedAt.js"

const courtDays = (days: number) => ({ _tag: "DaysAfter" as const, days, unit: "calendar" as const, ifClosed: "keep" as const })

/**
 * NSO-10: an EPO plan is authorised by panel retrospectively, at the first sitting after the order. When that
 * sitting falls after the order has lapsed (or none is scheduled), the panel would first see the plan once the
 * order is over: a warning, due when the order lapses, while no end (nor a next order) is recorded. Only for an
 * authority whose panel takes EPO plans retrospectively. NSO-10 sets no such time, so the warning cites Carepanel's
 * default (DEF-EPO-PLAN-BEFORE-LAPSE), not the authority's outside-panel rule.
 */
const retrospectiveWarning = (
  record: ChildRecord,
  order: EmergencyProtectionOrder,
  closedAt: DateTime.Utc | undefined,
  liveSittings: ReadonlyArray<Sitting>,
  policy: AuthorityPolicy
): ReadonlyArray<ClockSpec> => {
  const outside = policy.outsidePanel
  if (!outside.retrospectivePresentation || !policy.referral.inScope.requestTypes.includes("epo_retrospective") || closedAt !== undefined) return []
  const lapses = epoEndsAt(order)
  const next = liveSittings.find((sitting) => DateTime.greaterThan(sitting.startsAt, order.madeAt))
  if (next !== undefined && DateTime.lessThan(next.startsAt, lapses)) return []
  return [
    {
      id: `${record.childId}:epo-retrospective:${order.orderId}`,
      about: { kind: "child", id: record.childId },
      title: "EPO plan: the next sitting falls after the order lapses; bring it to an extra sitting before then",
      rule: { ruleId: "DEF-EPO-PLAN-BEFORE-LAPSE", fixed: { due: lapses, phrase: "when the emergency protection order lapses" } },
      anchor: order.madeAt,
      anchorText:
        next === undefined
          ? `(made at ${formatInstant(order.madeAt)}), with no sitting scheduled to take its plan retrospectively`
          : `(made at ${formatInstant(order.madeAt)}), before the next sitting at ${formatInstant(next.startsAt)} that would take its plan retrospectively`
    }
  ]
}

/**
 * STAT-S44: each order's end, the court's period of days from when it was made, met by its extension or by a recorded
 * end (returned home, s20 with consent, an interim care order, discharged); the extended end, from the first end;
 * and the warning (DEF-EPO-PLAN-BEFORE-LAPSE) when the next sitting comes after the order has lapsed. An order that lapsed with no end
 * recorded is met by the next order the court made (late if made after the lapse): the child's protection went on under
 * that order, and the first order's clock does not stay overdue for ever.
 */
export const epoClocks = (record: ChildRecord, liveSittings: ReadonlyArray<Sitting>, policy: AuthorityPolicy): ReadonlyArray<ClockSpec> =>
  record.emergencyProtectionOrders.flatMap((order, index) => {
    const about = { kind: "child" as const, id: record.childId }
    const endedAt = earliest(order.ended?.endedAt, record.emergencyProtectionOrders[index + 1]?.madeAt)
    const clocks: ClockSpec[] = [
      {
        id: `${record.childId}:epo:${order.orderId}`,
        about,
        title: "Emergency protection order ends: return the child, accommodate under s20 with consent, obtain an interim care order or the order's extension",
        rule: { ruleId: "STAT-S44", clock: courtDays(order.days) },
        anchor: order.madeAt,
        anchorText: `the emergency protection order made at ${formatInstant(order.madeAt)} (the court's period; at most 8 days)`,
        metAt: earliest(order.extension && extendedAtOf(order.extension), endedAt)
      }
    ]
    if (order.extension !== undefined) {
      clocks.push({
        id: `${record.childId}:epo-extension:${order.orderId}`,
        about,
        title: "Extended emergency protection order ends: return the child, accommodate under s20 with consent or obtain an interim care order",
        rule: { ruleId: "STAT-S44", clock: courtDays(order.extension.days) },
        anchor: order.extension.from,
        anchorText: `the order's first end at ${formatInstant(order.extension.from)} (its one extension; at most 7 days)`,
        metAt: endedAt
      })
    }
    return [...clocks, ...retrospectiveWarning(record, order, endedAt, liveSittings, policy)]
  })
