import { InvalidInput, invalidInput } from "@carepanel/core"
import { Effect, Schema } from "effect"

/** GraphQL sends absent optional fields as null; the core's schemas mean "absent" by a missing key. */
export const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null && field !== undefined).map(([key, field]) => [key, withoutNulls(field)]))
  }
  return value
}

/** Decodes a GraphQL input with a core schema; every problem is named by its path (core's InvalidInput), nothing reaches the domain. */
export const decodeInput = <A, I>(schema: Schema.Schema<A, I>, input: unknown, prefix: ReadonlyArray<PropertyKey> = []) =>
  Schema.decodeUnknown(schema, { errors: "all", onExcessProperty: "ignore" })(withoutNulls(input)).pipe(Effect.mapError((error) => invalidInput(error, prefix)))

/** A read's arguments refused: the same problems, without "Nothing was saved" (a read saves nothing). */
export const refusedArguments = (error: InvalidInput): InvalidInput =>
  new InvalidInput({ problems: error.problems, message: error.message.replace(/^Nothing was saved\. /, "") })

/** A read refused for one argument, in words ("Please correct: first must be ..."). */
export const refuseArgument = (path: string, message: string) => Effect.fail(refusedArguments(InvalidInput.of([{ path, message }])))

/** A count argument outside 0 to `max` refused in words ("first must be from 0 to 100, not 101"); undefined within. */
export const refuseOutOfRange = (path: string, value: number, max: number) =>
  value < 0 || value > max ? refuseArgument(path, `must be from 0 to ${max}, not ${value}`) : undefined

/** Decodes a read's arguments with a core schema, as `decodeInput` does a command's. */
export const decodeArgs = <A, I>(schema: Schema.Schema<A, I>, input: unknown, prefix: ReadonlyArray<PropertyKey> = []) =>
  decodeInput(schema, input, prefix).pipe(Effect.mapError(refusedArguments))

/** An optional field that is absent rather than `undefined` (exactOptionalPropertyTypes), as the core's commands take them. */
export const optional = <A, I, R>(schema: Schema.Schema<A, I, R>) => Schema.optionalWith(schema, { exact: true })
