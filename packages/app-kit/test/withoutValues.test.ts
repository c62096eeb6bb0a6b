import { fc, test } from "@fast-check/vitest"
import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { jsonLoggerTo } from "../src/jsonLog.js"

/** The JSON line the apps' logger (`jsonLoggerTo`) writes for a failure to decode `stored`. */
const loggedFailureToDecode = (schema: Schema.Schema<any, any>, stored: unknown): string => {
  const lines: string[] = []
  const failure = Schema.decodeUnknownEither(schema, { errors: "all" })(stored)
  if (failure._tag === "Right") throw new Error("it decoded")
  Effect.runSync(
    Effect.logError("unexpected error").pipe(
      Effect.annotateLogs({ detail: `ParseError: ${failure.left.message}` }),
      Effect.provide(jsonLoggerTo((line) => lines.push(line)))
    )
  )
  return lines.join("\n")
}

const Child = Schema.Struct({ fullName: Schema.Trimmed, dateOfBirth: Schema.String })

describe("a log line about a record that does not decode", () => {
  it("keeps the path and what was expected, never the value it found (a child's name with a trailing space)", () => {
    const line = loggedFailureToDecode(Schema.Struct({ children: Schema.Array(Child) }), { children: [{ fullName: 'Tallulah "Tally" Canarywood ', dateOfBirth: "2016-09-14" }] })
    expect(line).not.toContain("Canarywood")
    expect(line).not.toContain("Tally")
    expect(line).toContain('[\\"fullName\\"]')
    expect(line).toContain("Expected a string with no leading or trailing whitespace, actual (value not logged)")
    expect(() => JSON.parse(line)).not.toThrow()
  })

  test.prop([fc.string({ minLength: 1 }), fc.string({ minLength: 1 })])("holds neither value of a record whose two fields are the wrong kind, and stays JSON", (name, parent) => {
    const line = loggedFailureToDecode(Schema.Struct({ name: Schema.Number, parent: Schema.Number }), { name: `v:${name}`, parent: [`v:${parent}`] })
    const detail = JSON.parse(line).annotations.detail as string
    // "v:" is in no path nor wording, so any "v:" is one of the values.
    expect(detail).not.toContain("v:")
    expect(detail.match(/actual \(value not logged\)/g)).toHaveLength(2)
  })
})
