import { DateTime } from "effect"
import { londonDateOf, londonOffsetMs } from "./londonTime.js"
import { localDateParts } from "./LocalDate.js"

const hourMs = 3_600_000
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const

export interface ClockChange {
  readonly direction: "forward" | "back"
  /** The instant the London wall clock changed (01:00 UTC on the last Sunday of March or October). */
  readonly at: DateTime.Utc
}

/**
 * London's clock changes after `from` and no later than `to`. London's offset only changes on the hour, so
 * stepping hour by hour finds every change; elapsed-hour clocks span a few days at most.
 */
export const clockChangesBetween = (from: DateTime.Utc, to: DateTime.Utc): ReadonlyArray<ClockChange> => {
  const changes: ClockChange[] = []
  const end = to.epochMillis
  let previous = londonOffsetMs(from.epochMillis)
  for (let hour = Math.floor(from.epochMillis / hourMs) + 1; hour * hourMs <= end; hour++) {
    const offset = londonOffsetMs(hour * hourMs)
    if (offset !== previous) changes.push({ direction: offset > previous ? "forward" : "back", at: DateTime.unsafeMake(hour * hourMs) })
    previous = offset
  }
  return changes
}

const dayMonth = (instant: DateTime.Utc) => {
  const { day, month } = localDateParts(londonDateOf(instant))
  return `${day} ${months[month - 1]}`
}

/**
 * How an elapsed-hours clock reads beside a wall clock that changed meanwhile: "elapsed hours; the clocks went
 * forward on 28 Mar". Undefined when the clocks did not change between `from` and `to`.
 */
export const elapsedHoursNote = (from: DateTime.Utc, to: DateTime.Utc): string | undefined => {
  const changes = clockChangesBetween(from, to)
  if (changes.length === 0) return undefined
  return `elapsed hours; ${changes.map((change, index) => `${index === 0 ? "the clocks went " : ""}${change.direction} on ${dayMonth(change.at)}`).join(" and ")}`
}
