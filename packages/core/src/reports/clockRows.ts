import { DateTime, Schema } from "effect"
import type { Deadline } from "../deadlines/Deadline.js"
import { type CitingPolicy, citation } from "../policy/citation.js"
import { dateWithin, dayOf, type Period } from "./Period.js"

/** One clock as it stood when the report was made: no title (an action's title is free text). */
export const ClockRow = Schema.Struct({
  deadlineId: Schema.String,
  aboutKind: Schema.String,
  aboutId: Schema.String,
  ruleId: Schema.String,
  /** The rule as a reader is told it: a Carepanel default says so ("DEF-..., Carepanel default, ..."). */
  cited: Schema.String,
  due: Schema.String,
  dueOn: Schema.String,
  state: Schema.String,
  metAt: Schema.UndefinedOr(Schema.String),
  metLate: Schema.Boolean
})
export type ClockRow = typeof ClockRow.Type

export const clockRow = (deadline: Deadline, policy: CitingPolicy): ClockRow => ({
  deadlineId: deadline.id,
  aboutKind: deadline.about.kind,
  aboutId: deadline.about.id,
  ruleId: deadline.ruleId,
  cited: citation(deadline.ruleId, policy),
  due: DateTime.formatIso(deadline.due),
  dueOn: dayOf(deadline.due),
  state: deadline.state,
  metAt: deadline.metAt === undefined ? undefined : DateTime.formatIso(deadline.metAt),
  metLate: deadline.metLate === true
})

/** Missed: overdue now, or met after it was due. */
export const missed = (deadline: Deadline): boolean => deadline.state === "overdue" || deadline.metLate === true

/** Clocks that fell due in the period. */
export const dueWithin = (period: Period, deadlines: ReadonlyArray<Deadline>): ReadonlyArray<Deadline> =>
  deadlines.filter((deadline) => dateWithin(period, dayOf(deadline.due)))

/** Actions (CPR-8, LIN-5) due in the period and missed. */
export const overdueActions = (period: Period, deadlines: ReadonlyArray<Deadline>): ReadonlyArray<Deadline> =>
  dueWithin(period, deadlines).filter((deadline) => deadline.about.kind === "action" && missed(deadline))

/** How each rule's clocks that fell due in the period went: on time, late, overdue, still open. */
export const RuleRow = Schema.Struct({
  ruleId: Schema.String,
  /** The rule as a reader is told it: a Carepanel default says so ("DEF-..., Carepanel default, ..."). */
  cited: Schema.String,
  clocks: Schema.Int,
  metOnTime: Schema.Int,
  metLate: Schema.Int,
  overdue: Schema.Int,
  open: Schema.Int
})
export type RuleRow = typeof RuleRow.Type

export const ruleRows = (deadlines: ReadonlyArray<Deadline>, policy: CitingPolicy): ReadonlyArray<RuleRow> => {
  const rules = [...new Set(deadlines.map((deadline) => deadline.ruleId))].sort()
  return rules.map((ruleId) => {
    const clocks = deadlines.filter((deadline) => deadline.ruleId === ruleId)
    return {
      ruleId,
      cited: citation(ruleId, policy),
      clocks: clocks.length,
      metOnTime: clocks.filter((deadline) => deadline.state === "met" && deadline.metLate !== true).length,
      metLate: clocks.filter((deadline) => deadline.metLate === true).length,
      overdue: clocks.filter((deadline) => deadline.state === "overdue").length,
      open: clocks.filter((deadline) => deadline.state === "pending" || deadline.state === "due_soon").length
    }
  })
}
