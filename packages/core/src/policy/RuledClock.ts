import { Schema } from "effect"
import { ClockRule } from "../calendar/ClockRule.js"
import { RuleId } from "./rules.js"

/** A clock an authority runs, with the catalogue rule it comes from. */
export const RuledClock = Schema.Struct({ ruleId: RuleId, clock: ClockRule })
export type RuledClock = typeof RuledClock.Type
