import { describe, expect, it } from "@effect/vitest"
import { Either, Schema } from "effect"
import { DecisionCommandBody } from "../../src/decision/DecisionCommands.js"
import { formatPath, invalidInput, problemsOf } from "../../src/shared/inputProblems.js"

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

// A command's fields as commandRunner checks them: its own type, so a date is already a DateTime.
const validated = (schema: Schema.Schema.AnyNoContext, input: unknown, prefix: ReadonlyArray<PropertyKey> = []) => {
  const checked = Schema.validateEither(schema, { errors: "all" })(input)
  if (Either.isRight(checked)) throw new Error("expected a refusal")
  return problemsOf(checked.left, prefix)
}
const decodedProblems = (schema: Schema.Schema.AnyNoContext, input: unknown) => {
  const decoded = Schema.decodeUnknownEither(schema, { errors: "all" })(input)
  if (Either.isRight(decoded)) throw new Error("expected a refusal")
  return problemsOf(decoded.left)
}

describe("a refused input in words: the cases between", () => {
  it("a field left out is missing, at its own path, also inside a list's entry", () => {
    expect(problems({ placedAt: "2027-06-14T10:00:00Z", weeks: 4, children: [{ outcome: "approve" }] })).toEqual([
      { path: "name", message: "is missing" },
      { path: "children[0].count", message: "is missing" }
    ])
  })

  it("an empty list inside a section names that list, under the section", () => {
    const Sitting = Schema.Struct({ panel: Schema.Struct({ members: Schema.NonEmptyArray(Schema.NonEmptyTrimmedString) }) })
    expect(decodedProblems(Sitting, { panel: { members: [] } })).toEqual([{ path: "panel.members", message: "must have at least one entry" }])
    expect(decodedProblems(Sitting, { panel: { members: ["Sam Jessop", " "] } })).toEqual([{ path: "panel.members[1]", message: "must not be empty" }])
    // A list whose first entry is wrong is not an empty list.
    expect(decodedProblems(Sitting, { panel: { members: [""] } })).toEqual([{ path: "panel.members[0]", message: "must not be empty" }])
  })

  it("a path that starts at a list's entry, and paths in words", () => {
    const Attendance = Schema.Array(Schema.Struct({ name: Schema.NonEmptyTrimmedString }))
    expect(decodedProblems(Attendance, [{ name: "Sam Jessop" }, { name: "" }])).toEqual([{ path: "[1].name", message: "must not be empty" }])
    expect(formatPath([])).toBe("")
    expect(formatPath(["content", "actions", 0, "description"])).toBe("content.actions[0].description")
    expect(formatPath([0, 2, "name"])).toBe("[0][2].name")
  })

  it("one allowed value is named as Schema names it; several are listed, whether words, numbers or true and false", () => {
    expect(decodedProblems(Schema.Struct({ kind: Schema.Literal("panel") }), { kind: "meeting" })).toEqual([{ path: "kind", message: 'Expected "panel", actual "meeting"' }])
    expect(decodedProblems(Schema.Struct({ tier: Schema.Literal(1, 2, 3) }), { tier: 4 })).toEqual([{ path: "tier", message: "must be one of 1, 2, 3; got 4" }])
    expect(decodedProblems(Schema.Struct({ urgent: Schema.Literal(true, false) }), { urgent: "yes" })).toEqual([{ path: "urgent", message: 'must be one of true, false; got "yes"' }])
  })

  it("a value that is neither an allowed word nor a number reads both of Schema's messages", () => {
    const Weeks = Schema.Struct({ weeks: Schema.Union(Schema.Literal("until further notice"), Schema.Number) })
    expect(decodedProblems(Weeks, { weeks: "soon" })).toEqual([{ path: "weeks", message: 'Expected "until further notice", actual "soon"; Expected number, actual "soon"' }])
  })

  it("an optional choice that is there but wrong lists its choices, without the noise of its being optional", () => {
    const Contact = Schema.Struct({ channel: Schema.optional(Schema.Literal("email", "post")) })
    expect(validated(Contact, { channel: "fax" })).toEqual([{ path: "channel", message: 'must be one of "email", "post"; got "fax"' }])
    // As a chair editing a decision sees it: what was agreed may leave the placement out, or name one of its kinds.
    const edited = { _tag: "EditDecision", content: { outcome: "approve", rationale: "Plan agreed", agreed: { placement: "hotel" }, actions: [] } }
    const placement = validated(DecisionCommandBody, edited).find((problem) => problem.path === "content.agreed.placement")
    expect(placement?.message).toMatch(/^must be one of "[a-z_]+"(, "[a-z_]+")+; got "hotel"$/)
  })

  it("an optional section that is there but wrong inside names only what is wrong inside, not that it could have been left out", () => {
    const Manager = Schema.Struct({ personId: Schema.NonEmptyTrimmedString, name: Schema.NonEmptyTrimmedString })
    const Endpoint = Schema.Struct({ url: Schema.String, secure: Schema.optional(Schema.Boolean) }).pipe(
      Schema.filter((endpoint) => (endpoint.secure === true || endpoint.url.startsWith("https:") ? undefined : { path: ["url"], message: "must use https://" }))
    )
    const Form = Schema.Struct({ manager: Schema.optional(Manager), outbound: Schema.optional(Endpoint), children: Schema.Array(Schema.Struct({ plan: Schema.optional(Manager) })) })
    // Before: also "manager: Expected undefined, actual {...}", quoting the section (a person's name, a secret).
    expect(decodedProblems(Form, { manager: { personId: "W-1", name: " " }, outbound: { url: "http://cases.example" }, children: [{ plan: { personId: "" } }] })).toEqual([
      { path: "manager.name", message: "must not be empty" },
      { path: "outbound.url", message: "must use https://" },
      { path: "children[0].plan.personId", message: "must not be empty" },
      { path: "children[0].plan.name", message: "is missing" }
    ])
  })

  it("a field that must be left out says so when it is there", () => {
    const Retired = Schema.Struct({ score: Schema.optional(Schema.Undefined) })
    expect(decodedProblems(Retired, { score: 3 })).toEqual([{ path: "score", message: "Expected undefined, actual 3" }])
  })

  it("the same words from two of Schema's checks are said once", () => {
    const Note = Schema.Struct({ note: Schema.Union(Schema.NonEmptyTrimmedString, Schema.Trimmed.pipe(Schema.maxLength(200))) })
    expect(decodedProblems(Note, { note: "  " })).toEqual([{ path: "note", message: "must not be empty" }])
  })

  it("a command's date, checked as the command's own type, asks for a date and time", () => {
    const Visit = Schema.Struct({ visitedAt: Schema.DateTimeUtc, nextVisitAt: Schema.optional(Schema.DateTimeUtc) })
    expect(validated(Visit, { visitedAt: "next Tuesday", nextVisitAt: 7 }, ["input"])).toEqual([
      { path: "input.visitedAt", message: 'must be a date and time such as 2027-06-14T10:00:00Z, not "next Tuesday"' },
      { path: "input.nextVisitAt", message: "must be a date and time such as 2027-06-14T10:00:00Z, not 7" }
    ])
  })

  it("a refusal says nothing was saved and lists each problem by its path", () => {
    const decoded = Schema.decodeUnknownEither(Form, { errors: "all" })({ name: "Ada", placedAt: "2027-06-14T10:00:00Z", weeks: 0, children: [] })
    const refusal = Either.isLeft(decoded) ? invalidInput(decoded.left, ["form"]) : undefined
    expect(refusal?.message).toBe("Nothing was saved. Please correct: form.weeks must be from 1 to 52, not 0; form.children must have at least one entry.")
  })
})
