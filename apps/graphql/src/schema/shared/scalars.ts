import { DateTime } from "effect"
import { GraphQLError } from "graphql"
import { builder } from "../builder.js"

const text = (value: unknown, what: string): string => {
  if (typeof value !== "string") throw new GraphQLError(`${what} must be a string.`)
  return value
}

/** An instant, ISO 8601 in UTC (`2027-06-16T09:00:00.000Z`). Inputs are checked again when decoded. */
export const DateTimeScalar = builder.scalarType("DateTime", {
  description: "An instant in ISO 8601, UTC, e.g. 2027-06-16T09:00:00.000Z.",
  serialize: (value) => DateTime.formatIso(value as DateTime.Utc),
  parseValue: (value) => text(value, "A DateTime")
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
