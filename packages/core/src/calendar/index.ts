export * from "./bankHolidays.js"
export * from "./ClockRule.js"
export * from "./clockChanges.js"
export * from "./closureDays.js"
export {
  type CalendarOptions,
  EnglandAndWalesCalendar,
  englandAndWales,
  layer as englandAndWalesLayer,
  makeCalendar
} from "./englandAndWales.js"
export * from "./format.js"
export * from "./LocalDate.js"
export * from "./RealDateTimeUtc.js"
export * from "./londonTime.js"
export * from "./resolveClock.js"
export * from "./WorkingCalendar.js"
