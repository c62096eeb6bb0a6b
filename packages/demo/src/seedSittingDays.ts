import { addDays, daysBetween, englandAndWales, type LocalDate, type PanelPolicy, sittingDates } from "@carepanel/core"

/** The panel's cadence carried back before its first date, in step with it, so the seed has a past to play. */
const cadenceAround = (panel: PanelPolicy, today: LocalDate): ReadonlyArray<LocalDate> => {
  if (panel.schedule._tag !== "Cadence") return panel.schedule.dates
  const year = Number(today.slice(0, 4))
  const period = 7 * panel.schedule.everyWeeks
  const back = Math.max(0, Math.ceil(daysBetween(`${year - 1}-01-01` as LocalDate, panel.schedule.firstDate) / period))
  const inStep = { ...panel, schedule: { ...panel.schedule, firstDate: addDays(panel.schedule.firstDate, -back * period) } }
  return [year - 1, year, year + 1].flatMap((each) => sittingDates(inStep, each, englandAndWales))
}

/**
 * The seed's sitting days on the panel's own schedule (every week or every two, its weekday, a closed day moved or
 * skipped as the policy says; or its fixed dates): three at least three days ago (so their write-up is history too),
 * two to come. Undefined where fixed dates give fewer.
 */
export const seedSittingDays = (panel: PanelPolicy, today: LocalDate): ReadonlyArray<LocalDate> | undefined => {
  const dates = cadenceAround(panel, today)
  const past = dates.filter((date) => date <= addDays(today, -3)).slice(-3)
  const coming = dates.filter((date) => date > today).slice(0, 2)
  return past.length === 3 && coming.length === 2 ? [...past, ...coming] : undefined
}
