import { Schema } from "effect"
import { LocalDate, Weekday, weekdayOf } from "../calendar/LocalDate.js"
import { TimeOfDay } from "../calendar/londonTime.js"
import { PanelId } from "../shared/ids.js"
import { Role } from "../shared/roles.js"
import { RuledClock } from "./RuledClock.js"
import { RuleId } from "./rules.js"

/** A sitting every N weeks on a weekday, counted from a first date (KNO-1, NSO-1, CPR-1). */
export const Cadence = Schema.TaggedStruct("Cadence", {
  everyWeeks: Schema.Int.pipe(Schema.between(1, 8)),
  weekday: Weekday,
  firstDate: LocalDate,
  /**
   * A sitting that falls on a bank holiday or closure day. Default "nextWorkingDay": administrators
   * expect the panel to still sit that week rather than leave requests waiting a further cycle.
   */
  ifClosed: Schema.optionalWith(Schema.Literal("skip", "nextWorkingDay"), { default: () => "nextWorkingDay" as const })
}).pipe(
  Schema.filter((cadence) => weekdayOf(cadence.firstDate) === cadence.weekday || `firstDate ${cadence.firstDate} is not a ${cadence.weekday}`)
)

/** Dates fixed in advance for the year (KNO-1). */
export const FixedDates = Schema.TaggedStruct("FixedDates", { dates: Schema.NonEmptyArray(LocalDate) })

export const Schedule = Schema.Union(Cadence, FixedDates)
export type Schedule = typeof Schedule.Type

export const Membership = Schema.Literal("standing", "non_standing", "observer")
export type Membership = typeof Membership.Type

export const PanelMember = Schema.Struct({
  /** A seat at the panel, e.g. "Family Group Conferencing"; people change, seats stay. */
  seat: Schema.NonEmptyTrimmedString,
  role: Role,
  membership: Membership
})
export type PanelMember = typeof PanelMember.Type

export const Quorum = Schema.Union(
  /** NSO-1: no quorum; the chair decides whether enough members are present. */
  Schema.TaggedStruct("ChairDecides", { ruleId: RuleId }),
  Schema.TaggedStruct("Minimum", { members: Schema.Int.pipe(Schema.positive()), ruleId: RuleId })
)
export type Quorum = typeof Quorum.Type

export const PanelPolicy = Schema.Struct({
  id: PanelId,
  name: Schema.NonEmptyTrimmedString,
  ruleId: RuleId,
  schedule: Schedule,
  hours: Schema.Struct({ start: TimeOfDay, end: TimeOfDay }),
  venue: Schema.Literal("in_person", "virtual", "hybrid"),
  chair: Schema.Struct({ role: Role, description: Schema.String, rotating: Schema.Boolean }),
  deputies: Schema.Array(Schema.Struct({ role: Role, description: Schema.String })),
  members: Schema.Array(PanelMember),
  /** CPR-2: each child gets a 15-20 minute slot. */
  slotMinutes: Schema.Struct({
    min: Schema.Int.pipe(Schema.between(5, 120)),
    max: Schema.Int.pipe(Schema.between(5, 120)),
    ruleId: RuleId
  }),
  quorum: Quorum,
  /** KNO-2: non-standing members confirm attendance ahead of the sitting. */
  attendanceConfirmation: Schema.optional(RuledClock),
  observersNeedChairAgreement: Schema.Boolean,
  /** The rule an observer's refusal cites (KNO-2); absent: DEF-OBSERVERS-CHAIR-AGREES. */
  observersRuleId: Schema.optional(RuleId),
  /** The rule a deputy's "whose seat?" check cites (KNO-2, CPR-3); absent: DEF-DEPUTY-NAMES-SEAT. */
  deputiesRuleId: Schema.optional(RuleId)
})
export type PanelPolicy = typeof PanelPolicy.Type

export const observersRuleOf = (panel: PanelPolicy): RuleId => panel.observersRuleId ?? "DEF-OBSERVERS-CHAIR-AGREES"
export const deputiesRuleOf = (panel: PanelPolicy): RuleId => panel.deputiesRuleId ?? "DEF-DEPUTY-NAMES-SEAT"
