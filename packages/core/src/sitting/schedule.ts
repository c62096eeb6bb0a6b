import { addDays, daysBetween, type LocalDate, localDate } from "../calendar/LocalDate.js"
import type { Calendar } from "../calendar/WorkingCalendar.js"
import type { PanelPolicy } from "../policy/PanelPolicy.js"

/**
 * The dates a panel sits in a year (KNO-1, NSO-1, CPR-1): its cadence from the first date, or its fixed
 * dates. A cadence date on a closed day moves to the next working day, or is skipped, as the policy says.
 */
export const sittingDates = (panel: PanelPolicy, year: number, calendar: Calendar): ReadonlyArray<LocalDate> => {
  const first = localDate(`${year}-01-01`)
  const last = localDate(`${year}-12-31`)
  const inYear = (date: LocalDate) => date >= first && date <= last
  const schedule = panel.schedule
  if (schedule._tag === "FixedDates") return schedule.dates.filter(inYear)
  const period = 7 * schedule.everyWeeks
  const offset = ((daysBetween(schedule.firstDate, first) % period) + period) % period
  let date = offset === 0 ? first : addDays(first, period - offset)
  const dates: LocalDate[] = []
  for (; date <= last; date = addDays(date, period)) {
    if (date < schedule.firstDate) continue
    if (calendar.isWorkingDay(date)) dates.push(date)
    else if (schedule.ifClosed === "nextWorkingDay") dates.push(calendar.nextWorkingDay(date))
  }
  return dates.filter(inYear)
}

