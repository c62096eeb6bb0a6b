import { DateTime, Effect } from "effect"
import { formatInstant } from "../calendar/format.js"
import { resolveClock } from "../calendar/resolveClock.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import { NotYetHappened } from "../regulation24/PlacementErrors.js"
import type { ChildRecordState } from "./ChildRecord.js"
import type { ChildRecordCommand } from "./ChildRecordCommands.js"
import { EpoNotInForce, EpoPeriodRefused, type LookedAfterRefused } from "./ChildRecordErrors.js"
import type { ChildRecordEvent } from "./ChildRecordEvents.js"
import { type EmergencyProtectionOrder, epoEndsAt, epoMaxDays, epoMaxExtensionDays, type EpoOutcome, epoOutcomeLabel } from "./EmergencyProtectionOrder.js"
import { currentLookedAfter } from "./LookedAfter.js"
import { endedAtHome, statusAt } from "./endedAtHome.js"
import { extendedAtOf } from "./extendedAt.js"

type EpoCommand = Extract<ChildRecordCommand, { readonly _tag: `${string}EmergencyProtectionOrder${string}` }>

/**
 * STAT-R33, SSDA903: a child looked after under the order (L2) is, at its end, looked after no longer (home, or the
 * order discharged), or looked after on another footing (C1 under an interim care order, V2 under s20): the same period
 * goes on, so STAT-R33's count does not restart. Nothing follows for a child whose status is not L2 then. Home before
 * a later status began (recorded first), the period ends and a new one begins with that status (`endedAtHome`).
 */
const statusAfterTheOrder = (
  state: ChildRecordState,
  outcome: EpoOutcome,
  endedAt: DateTime.Utc,
  audit: Pick<ChildRecordEvent, "by" | "at">
): Effect.Effect<ReadonlyArray<ChildRecordEvent>, LookedAfterRefused> => {
  const open = currentLookedAfter(state?.lookedAfter ?? [])
  if (state === undefined || open === undefined || DateTime.lessThan(endedAt, open.from)) return Effect.succeed([])
  switch (outcome) {
    case "interim_care_order":
      return Effect.succeed(state.legalStatuses.at(-1)?.code === "L2" ? [{ _tag: "LegalStatusChanged", code: "C1", from: endedAt, ...audit }] : [])
    case "accommodated_s20":
      return Effect.succeed(state.legalStatuses.at(-1)?.code === "L2" ? [{ _tag: "LegalStatusChanged", code: "V2", from: endedAt, ...audit }] : [])
    case "returned_home":
    case "discharged_by_court": {
      const underTheOrder = state.legalStatuses.some((status) => DateTime.greaterThan(status.from, endedAt))
        ? statusAt(state, endedAt)?.code === "L2"
        : state.legalStatuses.at(-1)?.code === "L2"
      return underTheOrder ? endedAtHome(state, open, { endedAt, reason: epoOutcomeLabel[outcome], check: "when the order ended" }, audit) : Effect.succeed([])
    }
  }
}

/** `days` whole days after `from` at the same London wall time: the court's period, never moved for a closure. */
export const daysLater = (from: DateTime.Utc, days: number, calendar: Calendar): DateTime.Utc =>
  resolveClock({ _tag: "DaysAfter", days, unit: "calendar", ifClosed: "keep" }, { instant: from }, calendar).due

/** The child's latest order with no recorded end. */
const latestOpen = (state: ChildRecordState): EmergencyProtectionOrder | undefined => {
  const latest = state?.emergencyProtectionOrders.at(-1)
  return latest?.ended === undefined ? latest : undefined
}

/** The order in force at `at`: not ended and not yet at its end. */
export const epoInForce = (state: ChildRecordState, at: DateTime.Utc): EmergencyProtectionOrder | undefined => {
  const open = latestOpen(state)
  return open !== undefined && DateTime.lessThan(at, epoEndsAt(open)) ? open : undefined
}

const wholeDays = (days: number, max: number) => Number.isInteger(days) && days >= 1 && days <= max

const notLater = (instant: DateTime.Utc, at: DateTime.Utc, what: string) =>
  DateTime.greaterThan(instant, at)
    ? Effect.fail(new NotYetHappened({ message: `${what} at ${formatInstant(instant)} is still to come: record it once it has happened.` }))
    : Effect.void

/** STAT-S44's commands: the order, its one extension, and how it ended. */
export const decideEpo = (command: EpoCommand, state: ChildRecordState, calendar: Calendar, audit: Pick<ChildRecordEvent, "by" | "at">) =>
  Effect.gen(function* () {
    switch (command._tag) {
      case "RecordEmergencyProtectionOrder": {
        yield* notLater(command.madeAt, command.at, "An emergency protection order made")
        if (!wholeDays(command.days, epoMaxDays)) {
          return yield* new EpoPeriodRefused({
            ruleId: "STAT-S44",
            maxDays: epoMaxDays,
            message: `An emergency protection order lasts a whole number of days from 1 to ${epoMaxDays}, not ${command.days} (STAT-S44).`
          })
        }
        const inForce = epoInForce(state, command.at)
        if (inForce !== undefined) {
          return yield* new EpoNotInForce({
            ruleId: "STAT-S44",
            message: `An emergency protection order made at ${formatInstant(inForce.madeAt)} is in force until ${formatInstant(epoEndsAt(inForce))}: extend it, or record how it ended, before recording another (STAT-S44).`
          })
        }
        // The child's orders are kept in the order the court made them: each is met by the next (epoClocks), and
        // extensions and ends go to the latest.
        const latest = state?.emergencyProtectionOrders.at(-1)
        const latestEnd = latest?.ended?.endedAt
        if (latest !== undefined && (latestEnd === undefined ? !DateTime.greaterThan(command.madeAt, latest.madeAt) : DateTime.lessThan(command.madeAt, latestEnd))) {
          return yield* new EpoNotInForce({
            ruleId: "STAT-S44",
            message: `The child's latest emergency protection order ${latestEnd === undefined ? `was made at ${formatInstant(latest.madeAt)}` : `ended at ${formatInstant(latestEnd)}`}; an order made at ${formatInstant(command.madeAt)} comes before ${latestEnd === undefined ? "it" : "that"}: orders are recorded in the order the court made them (STAT-S44).`
          })
        }
        const orderId = `epo-${(state?.emergencyProtectionOrders.length ?? 0) + 1}`
        const endsAt = daysLater(command.madeAt, command.days, calendar)
        return [{ _tag: "EmergencyProtectionOrderMade", orderId, madeAt: command.madeAt, days: command.days, endsAt, ...audit }] as const
      }
      case "ExtendEmergencyProtectionOrder": {
        // Judged when the court extended, which may be before it is recorded.
        const extendedAt = command.extendedAt ?? command.at
        yield* notLater(extendedAt, command.at, "An extension of the emergency protection order made")
        const open = latestOpen(state)
        if (open !== undefined && DateTime.lessThan(extendedAt, open.madeAt)) {
          return yield* new EpoNotInForce({
            ruleId: "STAT-S44",
            message: `The emergency protection order was made at ${formatInstant(open.madeAt)}; it cannot have been extended before, at ${formatInstant(extendedAt)} (STAT-S44).`
          })
        }
        const order = epoInForce(state, extendedAt)
        if (order === undefined) {
          return yield* new EpoNotInForce({
            ruleId: "STAT-S44",
            message:
              open === undefined
                ? "There is no emergency protection order in force to extend (STAT-S44)."
                : `The emergency protection order ended at ${formatInstant(epoEndsAt(open))}; an order that has lapsed cannot be extended: the court must make a new one. If the court extended it before then, give when (STAT-S44).`
          })
        }
        if (order.extension !== undefined) {
          return yield* new EpoPeriodRefused({
            ruleId: "STAT-S44",
            maxDays: 0,
            message: `The order was already extended once, to ${formatInstant(order.extension.endsAt)}; an emergency protection order may be extended only once (STAT-S44).`
          })
        }
        if (!wholeDays(command.days, epoMaxExtensionDays)) {
          return yield* new EpoPeriodRefused({
            ruleId: "STAT-S44",
            maxDays: epoMaxExtensionDays,
            message: `An extension of an emergency protection order is a whole number of days from 1 to ${epoMaxExtensionDays}, not ${command.days} (STAT-S44).`
          })
        }
        const endsAt = daysLater(order.endsAt, command.days, calendar)
        return [{ _tag: "EmergencyProtectionOrderExtended", orderId: order.orderId, days: command.days, from: order.endsAt, endsAt, extendedAt, ...audit }] as const
      }
      case "RecordEmergencyProtectionOrderEnded": {
        const order = latestOpen(state)
        if (order === undefined) {
          return yield* new EpoNotInForce({ ruleId: "STAT-S44", message: "There is no emergency protection order whose end is still to be recorded (STAT-S44)." })
        }
        const endedAt = command.endedAt ?? command.at
        yield* notLater(endedAt, command.at, "The end of the emergency protection order")
        if (DateTime.lessThan(endedAt, order.madeAt)) {
          return yield* new EpoNotInForce({
            ruleId: "STAT-S44",
            message: `The order was made at ${formatInstant(order.madeAt)}; it cannot have ended before, at ${formatInstant(endedAt)} (STAT-S44).`
          })
        }
        if (order.extension !== undefined && DateTime.lessThan(endedAt, extendedAtOf(order.extension))) {
          return yield* new EpoNotInForce({
            ruleId: "STAT-S44",
            message: `The order was extended at ${formatInstant(extendedAtOf(order.extension))}, so it was still in force then; it cannot have ended before, at ${formatInstant(endedAt)} (STAT-S44).`
          })
        }
        const ended = { _tag: "EmergencyProtectionOrderEnded", orderId: order.orderId, outcome: command.outcome, endedAt, ...audit } as const
        return [ended, ...(yield* statusAfterTheOrder(state, command.outcome, endedAt, audit))]
      }
    }
  })
