import { startsWithRealDate } from "@carepanel/core"
import { DateTime } from "effect"
import { GraphQLError } from "graphql"
import { builder } from "../builder.js"

const text = (value: unknown, what: string): string => {
  if (typeof value !== "string") throw new GraphQLError(`${what} must be a string.`)
  return value
}

/**
 * JavaScript reads 2027-02-30T10:00:00Z as 2 March: a date-time whose calendar date does not exist is refused here,
 * before the schema's decoding can roll it over. The message does not repeat the value.
 */
const realInstant = (value: string): string => {
  if (!startsWithRealDate(value)) {
    throw new GraphQLError("A DateTime must be a real date and time, such as 2027-06-16T09:00:00.000Z: that calendar date does not exist.")
  }
  return value
}

/** An instant, ISO 8601 in UTC (`2027-06-16T09:00:00.000Z`). Inputs are checked again when decoded. */
export const DateTimeScalar = builder.scalarType("DateTime", {
  description: "An instant in ISO 8601, UTC, e.g. 2027-06-16T09:00:00.000Z.",
  serialize: (value) => DateTime.formatIso(value as DateTime.Utc),
  parseValue: (value) => realInstant(text(value, "A DateTime"))
})

/** A London calendar date, `YYYY-MM-DD`. */
export const DateScalar = builder.scalarType("Date", {
  description: "A calendar date in Europe/London, YYYY-MM-DD.",
  serialize: (value) => String(value),
  parseValue: (value) => text(value, "A Date")
})

/** Structured data returned as is (a policy, an event's recorded data). */
export const JsonScalar = builder.scalarType("JSON", {
  description: "A JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value
})
