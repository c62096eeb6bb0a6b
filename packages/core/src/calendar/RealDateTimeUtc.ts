import { Option, Schema } from "effect"
import { parseLocalDate } from "./LocalDate.js"

/**
 * False for text that starts with a calendar date that does not exist ("2027-02-30T10:00:00Z"), which JavaScript's
 * date parsing would roll over to 2 March; true otherwise (the instant's own decoding checks the rest).
 */
export const startsWithRealDate = (text: string): boolean => {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0]
  return date === undefined || Option.isSome(parseLocalDate(date))
}

/** `Schema.DateTimeUtc` that refuses a day that does not exist instead of rolling it over. */
export const RealDateTimeUtc = Schema.compose(
  Schema.String.pipe(
    Schema.filter((text) => startsWithRealDate(text) || "must be a date and time on a day that exists, such as 2027-06-14T10:00:00Z", {
      description: "a date and time in ISO 8601, on a day that exists, such as 2027-06-14T10:00:00Z",
      jsonSchema: { format: "date-time" }
    })
  ),
  Schema.DateTimeUtc
)
