import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import { invalidInput, problemsOf } from "../../src/shared/inputProblems.js"

// What a social worker's form shows beside each field when the core refuses its input: plain words, by path.
const Form = Schema.Struct({
  name: Schema.NonEmptyTrimmedString,
  note: Schema.optional(Schema.Trimmed),
  placedAt: Schema.DateTimeUtc,
  weeks: Schema.Int.pipe(Schema.between(1, 52)),
  children: Schema.NonEmptyArray(Schema.Struct({ outcome: Schema.Literal("approve", "decline", "defer"), count: Schema.Int })),
  cost: Schema.optional(Schema.Number.pipe(Schema.positive())),
  hours: Schema.optional(Schema.Number.pipe(Schema.nonNegative()))
})

const problems = (input: unknown, prefix: ReadonlyArray<PropertyKey> = []) => {
  const decoded = Schema.decodeUnknownEither(Form, { errors: "all" })(input)
  if (Either.isRight(decoded)) throw new Error("expected a refusal")
  return problemsOf(decoded.left, prefix)
}

describe("a refused input in words", () => {
  it("each field's problem in plain words, by its path", () => {
    expect(
      problems({ name: "  ", note: " padded ", placedAt: "next Tuesday", weeks: 60, children: [{ outcome: "maybe", count: 1.5 }], cost: -3, hours: -1 })
    ).toEqual([
      { path: "name", message: "must not be empty" },
      { path: "note", message: "must not start or end with spaces" },
      { path: "placedAt", message: 'must be a date and time such as 2027-06-14T10:00:00Z, not "next Tuesday"' },
      { path: "weeks", message: "must be from 1 to 52, not 60" },
      { path: "children[0].outcome", message: 'must be one of "approve", "decline", "defer"; got "maybe"' },
      { path: "children[0].count", message: "must be a whole number, not 1.5" },
      { path: "cost", message: "must be more than 0, not -3" },
      { path: "hours", message: "must be 0 or more, not -1" }
    ])
  })

  it("an empty list names the list; a path can sit under the command's own field", () => {
    expect(problems({ name: "Ada", placedAt: "2027-06-14T10:00:00Z", weeks: 4, children: [] }, ["input", "form"])).toEqual([
      { path: "input.form.children", message: "must have at least one entry" }
    ])
    const refusal = (() => {
      const decoded = Schema.decodeUnknownEither(Form, { errors: "all" })({ name: "", placedAt: "2027-06-14T10:00:00Z", weeks: 4, children: [{ outcome: "approve", count: 1 }] })
      return Either.isLeft(decoded) ? invalidInput(decoded.left) : undefined
    })()
    expect(refusal).toMatchObject({ _tag: "InvalidInput", problems: [{ path: "name", message: "must not be empty" }] })
  })
})
