import { Schema } from "effect"

/** A period or year a report cannot be made for, with the reason in words. */
export class InvalidReportPeriod extends Schema.TaggedError<InvalidReportPeriod>()("InvalidReportPeriod", {
  message: Schema.String
}) {}
