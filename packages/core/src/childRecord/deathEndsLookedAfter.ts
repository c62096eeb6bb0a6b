import { DateTime } from "effect"
import { addDays, type LocalDate } from "../calendar/LocalDate.js"
import { atLondon, timeOfDay } from "../calendar/londonTime.js"

/**
 * STAT-R33: the child ceased to be looked after when they died. Only the day is known: a period ends when that day
 * ends (or when the death was recorded, on the day itself), so everything dated on the day stays on the period.
 */
export const lookedAfterEndsAtDeath = (diedOn: LocalDate, recordedAt: DateTime.Utc): DateTime.Utc =>
  DateTime.min(atLondon(addDays(diedOn, 1), timeOfDay("00:00")), recordedAt)
