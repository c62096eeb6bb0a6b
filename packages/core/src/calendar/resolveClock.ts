import { DateTime, Match } from "effect"
import { elapsedHoursNote } from "./clockChanges.js"
import type { ClockRule, DayUnit, IfClosed } from "./ClockRule.js"
import { describeTime, formatDate, weekdayName } from "./format.js"
import { addDays, addMonths, type LocalDate, type Weekday, weekdayOf, weekdays } from "./LocalDate.js"
import { atLondon, londonDateOf, londonTimeOf, type TimeOfDay } from "./londonTime.js"
import type { Calendar } from "./WorkingCalendar.js"

export interface ClockAnchor {
  readonly instant: DateTime.Utc
}

export interface ResolvedClock {
  readonly due: DateTime.Utc
  /** How the due time relates to the anchor: "noon on the Friday before", "48 hours after". */
  readonly phrase: string
  /**
   * Present only when a closure moved the day ("moved to Thu 2 Apr 2026 because Fri 3 Apr 2026 is Good Friday"), or
   * when an elapsed-hours clock spans a clock change ("elapsed hours; the clocks went forward on 28 Mar").
   */
  readonly adjusted?: string
}

const millisPerHour = 3_600_000

/** Whether `end` is no more than `hours` elapsed hours after `start` (an `end` before `start` is within). */
export const withinHours = (start: DateTime.Utc, end: DateTime.Utc, hours: number): boolean =>
  DateTime.toEpochMillis(end) - DateTime.toEpochMillis(start) <= hours * millisPerHour

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

const dayCount = (days: number, unit: DayUnit) => plural(days, unit === "working" ? "working day" : "day")

// The phrase is followed by the anchor ("... before the sitting on Wed 9 Jun 2027"), so a time goes first.
const atTime = (time: TimeOfDay | undefined) => (time === undefined ? "" : `${describeTime(time)}, `)

const closurePhrase = (reason: string): string => {
  if (reason === "Saturday" || reason === "Sunday") return `a ${reason}`
  const closure = /^authority closure: (.*)$/.exec(reason)
  return closure === null ? reason : `an authority closure day (${closure[1]})`
}

/** The day itself if it is a working day or the rule keeps it; otherwise the working day before or after. */
const applyIfClosed = (
  day: LocalDate,
  ifClosed: IfClosed,
  calendar: Calendar,
  anchorDay: LocalDate
): { readonly day: LocalDate; readonly adjusted?: string } => {
  if (ifClosed === "keep" || calendar.isWorkingDay(day)) return { day }
  const next = calendar.nextWorkingDay(day)
  const moved =
    ifClosed === "nextWorkingDay" || (ifClosed === "nextWorkingDayBefore" && next < anchorDay) ? next : calendar.previousWorkingDay(day)
  const reason = calendar.closureReason(day) ?? "not a working day"
  return { day: moved, adjusted: `moved to ${formatDate(moved)} because ${formatDate(day)} is ${closurePhrase(reason)}` }
}

/** The anchor's London wall time on another day, to the millisecond (London's offsets are whole hours). */
const atAnchorWallTime = (anchor: DateTime.Utc, day: LocalDate): DateTime.Utc => {
  const millis = DateTime.toEpochMillis(anchor)
  const withinMinute = ((millis % 60_000) + 60_000) % 60_000
  return DateTime.unsafeMake(DateTime.toEpochMillis(atLondon(day, londonTimeOf(anchor))) + withinMinute)
}

const onDay = (
  anchor: DateTime.Utc,
  day: LocalDate,
  time: TimeOfDay | undefined,
  ifClosed: IfClosed,
  calendar: Calendar,
  phrase: string
): ResolvedClock => {
  const result = applyIfClosed(day, ifClosed, calendar, londonDateOf(anchor))
  const due = time === undefined ? atAnchorWallTime(anchor, result.day) : atLondon(result.day, time)
  return result.adjusted === undefined ? { due, phrase } : { due, phrase, adjusted: result.adjusted }
}

/** The last `weekday` strictly before `date`: one to seven days earlier. */
const weekdayBefore = (date: LocalDate, weekday: Weekday): LocalDate => {
  const back = (weekdays.indexOf(weekdayOf(date)) - weekdays.indexOf(weekday) + 7) % 7 || 7
  return addDays(date, -back)
}

const daysFrom = (date: LocalDate, days: number, unit: DayUnit, calendar: Calendar): LocalDate =>
  unit === "working" ? calendar.addWorkingDays(date, days) : addDays(date, days)

/** When `rule` falls due for `anchor`. Day-based rules count from the anchor's date in London. */
export const resolveClock = (rule: ClockRule, anchor: ClockAnchor, calendar: Calendar): ResolvedClock => {
  const instant = anchor.instant
  const date = londonDateOf(instant)
  return Match.value(rule).pipe(
    Match.tagsExhaustive({
      WeekdayBefore: ({ weekday, time, ifClosed }) =>
        onDay(
          instant,
          weekdayBefore(date, weekday),
          time,
          ifClosed,
          calendar,
          `${describeTime(time)} on the ${weekdayName(weekday)} before`
        ),
      DaysBefore: ({ days, unit, time, ifClosed }) =>
        onDay(
          instant,
          daysFrom(date, -days, unit, calendar),
          time,
          ifClosed,
          calendar,
          `${atTime(time)}${dayCount(days, unit)} before`
        ),
      DaysAfter: ({ days, unit, time, ifClosed }) =>
        onDay(
          instant,
          daysFrom(date, days, unit, calendar),
          time,
          ifClosed,
          calendar,
          `${atTime(time)}${dayCount(days, unit)} after`
        ),
      HoursAfter: ({ hours }) => {
        const due = DateTime.unsafeMake(DateTime.toEpochMillis(instant) + hours * millisPerHour)
        const note = elapsedHoursNote(instant, due)
        return { due, phrase: `${plural(hours, "hour")} after`, ...(note === undefined ? {} : { adjusted: note }) }
      },
      WeeksAfter: ({ weeks }) => ({
        due: atAnchorWallTime(instant, addDays(date, weeks * 7)),
        phrase: `${plural(weeks, "week")} after`
      }),
      MonthsAfter: ({ months, ifClosed }) =>
        onDay(instant, addMonths(date, months), undefined, ifClosed, calendar, `${plural(months, "month")} after`)
    })
  )
}
